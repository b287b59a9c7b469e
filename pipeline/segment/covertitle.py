"""A document's own title as its first page prints it, read by
:mod:`.certification` when no title rule names the certification:

* the only level-1 heading printed as a name (a section title such as a
  "Sommaire" is no name) is the intitulé — or, when that heading is a short
  name set over the heading that spells it out (a cover's "<ACRONYM>-<Word>"
  over "<the name it abbreviates>"), the name spelled out;
* a family-only title line whose phrase goes on onto the next line of the
  same heading ("… de compétences" / "en <domain> pour …") is one name, whole.
"""

from __future__ import annotations

import re

from ..docmodel import Kind
from ..textclean import fold
from .draft import Context, Unit
from .titlehits import clean_title, continuation, name_shaped, title_like

# a one-word line printed as a name; "Annexe A", "Partie II" are numbered parts
_PART = re.compile(r"^\s*[^\W\d_]+\s+(?:\d+|[IVXLC]+|[A-Z])\s*$")
_SHORT_NAME = re.compile(r"^[^\W\d_][\w.’'-]*$")  # one word, hyphens and stops allowed
_MIN_LETTERS = 3  # capitals an abbreviation shows at least
#: the link words a name's initials leave out
LINK_WORDS = frozenset(
    {"a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les"}
)


def lone_title(ctx: Context, preamble: list[Unit]) -> str | None:
    """The document's only level-1 heading printed as a name, or the name the
    heading right below it spells out when it is an abbreviation."""
    titles = [u for u in preamble if u.kind is Kind.HEADING and u.level == 1 and title_like(ctx, u)]
    if len(titles) != 1 or _PART.match(titles[0].text):
        return None
    title = titles[0]
    index = next(i for i, unit in enumerate(preamble) if unit is title)
    below = preamble[index + 1] if index + 1 < len(preamble) else None
    if below is None or below.kind is not Kind.HEADING or not name_shaped(below):
        return clean_title(title.text)
    if _abbreviates(clean_title(title.text), clean_title(below.text)):
        return clean_title(below.text)
    return clean_title(title.text)


def _abbreviates(short: str, name: str) -> bool:
    """Whether a one-word ``short`` is an abbreviation of ``name``: its capitals,
    in order, are the initials of the name's words from the first word on
    (link words left out, other words possibly skipped: "CRCN-Édu" and
    "Cadre de référence des compétences numériques pour l'éducation")."""
    if not _SHORT_NAME.match(short):
        return False
    letters = fold("".join(c for c in short if c.isupper())).replace(" ", "")
    words = [w for w in re.split(r"[\s'’-]+", fold(name)) if w and w not in LINK_WORDS]
    if len(letters) < _MIN_LETTERS or len(words) < len(letters):
        return False
    if words[0][0] != letters[0]:
        return False
    initials = iter(w[0] for w in words)
    return all(letter in initials for letter in letters)  # a subsequence, in order


def run_on(ctx: Context, unit: Unit, following: list[Unit]) -> str | None:
    """A family-only line whose phrase goes on onto the next line of the same
    kind and level, opening on a linking word that is no preposition ("…
    de compétences" / "en <domain> pour …", a cover's title wrapped): one
    name, whole, not a kind over the name it introduces."""
    below = following[0] if following else None
    if below is None or below.kind is not unit.kind or below.level != unit.level:
        return None
    link = ctx.rules.first("title-link", below.text)
    if link is None or link.group("preposition"):
        return None
    rest = continuation(ctx, following, linked=True)
    return f"{clean_title(unit.text)} {rest}" if rest else None
