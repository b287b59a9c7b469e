"""Code heads of a stream's critères column (:mod:`.interleaved`).

A référentiel d'évaluation may group its critères under the codes of the
compétences they judge, each group headed by those codes alone: "C3 :" over
its items, or a range "C1-C2 :", "C4 – C6 :" naming its two ends (the
compétences between included). Such a head is no compétence of its own, and
the items below it are each a critère of those compétences (no statement
heads them: they are not indicateurs). A document that heads its critères so
prints them nowhere else: a paragraph followed by items outside such a group
is an épreuve and its details, the modalités.
"""

from __future__ import annotations

import re

from .draft import Context, Unit
from .state import LINK_RANGE, link_codes

_CODE = r"[A-Z]{1,3}\s?\d{1,3}(?:\.\d{1,3})*"
#: codes alone, one or the two ends of a range, and the colon that heads what follows
_HEAD = re.compile(rf"^(?P<first>{_CODE})(?:\s*[-–—]\s*(?P<last>{_CODE}))?\s*:$")
_MIN_HEADS = 2  # code heads that make a document's critères code-headed


def head_codes(ctx: Context, unit: Unit) -> list[str] | None:
    """The codes a critères group head names ("C4-C6 :" → ["C4 à C6"]), or
    None when ``unit`` is no such head: a paragraph of compétence codes only,
    ending on a colon."""
    if unit.is_item or unit.table is not None:
        return None
    found = _HEAD.match(unit.text.strip())
    if found is None or ctx.rules.first("link-code", found["first"]) is None:
        return None
    first = " ".join(found["first"].split())
    if found["last"] is None:
        return [first]
    return [f"{first}{LINK_RANGE}{' '.join(found['last'].split())}"]


def code_headed(ctx: Context, units: list[Unit]) -> bool:
    """Whether the document heads its critères by compétence codes (two heads
    or more); codes that end a link cue printed on the line above ("En
    relation avec la compétence" / "C3.1:") are that cue's, no head."""
    heads = 0
    for before, unit in zip([None, *units], units, strict=False):
        if head_codes(ctx, unit) is not None and not _cue_codes(ctx, before, unit):
            heads += 1
    return heads >= _MIN_HEADS


def _cue_codes(ctx: Context, before: Unit | None, unit: Unit) -> bool:
    """Whether ``unit``'s codes end the link cue printed on the line before."""
    if before is None or before.is_item or before.table is not None:
        return False
    return bool(link_codes(ctx, f"{before.text} {unit.text}"))
