"""A document that opens on a name in guillemets, alone on its line.

Title lines print the certification's intitulé in guillemets (a family line
then « <intitulé> » on the next, « culture économique, juridique et
managériale » in an arrêté's title). When nothing else names the
certification, the document's first line made of a quoted name alone — no
sentence, outside tables and lists — is its intitulé.
"""

from __future__ import annotations

import re

from ..textclean import ends_sentence
from .draft import Unit

_QUOTED = re.compile(r"^«\s*(?P<name>[^«»]{3,150}?)\s*»$")


def quoted_title(preamble: list[Unit]) -> str | None:
    """The quoted name the preamble's first line is made of, if it is one."""
    first = preamble[0] if preamble else None
    if first is None or first.table is not None or first.is_item:
        return None
    hit = _QUOTED.match(first.text.strip())
    if hit is None or ends_sentence(hit.group("name")):
        return None
    return " ".join(hit.group("name").split())
