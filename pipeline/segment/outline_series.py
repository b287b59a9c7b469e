"""The numbering series of an outline: every mention of one level's units.

A *series* is every line that starts with the same level word (case, accents,
"fiche" and "N°" folded away; a unit word and its abbreviation are one word)
and a number of the same depth, or a numbering with no level word ("1.",
"II. -", "B. -"). :func:`mention_series` groups the numbered mentions of the
stream so, and counts how each is printed (as a heading, set apart by its
typography) and whether its unit holds content.

Éducation nationale diplomas may glue a unit's number to its parent's:
capacité "C1", its compétences "C11, C12 …" (no dot; the child code is the
parent code plus one digit). When the codes of one prefix ("C", printed alone
or after a level word: "Capacité C5") extend codes of the same prefix printed
in the document, they are read as two levels: "C1" (1) and "C11" (1, 1).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..docmodel import Kind
from ..textclean import ends_sentence, is_points, italic
from .draft import Context, Unit, abbreviated
from .leadlists import leads_list
from .numbering import Numbered, consecutive, numbered

CODE_LETTERS = 2  # a level word's last token this short is the code's own prefix
LONG_UNKNOWN_SERIES = 3  # an unknown word makes a level only with this many units
PAIR = 2  # an unknown word's series this short is a level only set apart by typography
CONTENT = 3  # a unit owns content when this many blocks follow its mention
_SHORT_LINE = 150  # a plain line this short, not ending a sentence, is a heading
_LONG_MENTION = 200  # a longer line is prose, not a mention of a unit
_GLUED_PARENTS = 10  # a glued code this high holds its parent's code and one digit


@dataclass
class Series:
    """Every mention of the units of one level word and numbering depth."""

    word: str  # canonical: a unit word's abbreviation stands for both its forms ("dc")
    depth: int
    roman: bool = False
    lettered: bool = False
    glued: bool = False  # "C1" / "C11": the child code is the parent code plus one digit
    ordinal: bool = False  # numbered by ordinals before the word: "1re Partie", "2e Partie"
    sectioned: bool = False  # a section number printed before the code: "1. UE601 : …"
    spellings: set[str] = field(default_factory=set)  # the words as printed, folded
    numbers: set[tuple[int, ...]] = field(default_factory=set)
    headed: int = 0  # mentions printed as headings (bold, capitals, heading blocks, short lines)
    strong: int = 0  # mentions set apart by typography (heading block, bold, capitals, italics)
    first: int = 0  # index of the first mention in the stream
    mentions: list[tuple[int, tuple[int, ...]]] = field(default_factory=list)  # (index, number)

    def owners(self, total: int) -> int:
        """How many units have a mention followed by content (a few blocks
        before the series' next mention): the body, not a summary or a table.
        The last mention needs only one block when the document ends under it
        (an excerpt cut inside its unit)."""
        return len({number for index, number in self.mentions if index in self.owning(total)})

    def owning(self, total: int) -> set[int]:
        """The mentions (stream indexes) followed by content, as :meth:`owners` counts them."""
        ends = [index for index, _ in self.mentions[1:]] + [total]
        return {
            index
            for (index, _), end in zip(self.mentions, ends, strict=True)
            if end - index > (CONTENT if end < total else 1)
        }

    @property
    def key(self) -> tuple[str, int, bool, bool]:
        """The series' identity: level word, numbering depth, roman or not,
        lettered or not."""
        return self.word, self.depth, self.roman, self.lettered

    @property
    def consecutive(self) -> bool:
        """Whether the units' last numbers follow each other (1, 2, 3 — or 5…8
        in an excerpt), as a level's numbering does."""
        return consecutive(sorted({n[-1] for n in self.numbers}))


def _code_prefix(word: str) -> str | None:
    """The code's own letters a level word ends with ("c" of "capacite c", "c")."""
    last = re.split(r"[ '’-]", word)[-1]
    return last if 0 < len(last) <= CODE_LETTERS else None


def _glued_prefixes(ctx: Context, mentions: list[Unit]) -> set[str]:
    """The code prefixes of a level word numbered by gluing ("C1", "C11, C12"):
    at least two codes of the prefix are a code of the same prefix printed in
    the document plus one digit, every code of two digits or more extends one
    and none ends in 0 (a rank starts at 1: "C10" continues "C1 … C9"), and
    the prefix numbers no unit with a dot ("C1.1": its levels are dotted) -
    unless each glued code is a dotted code printed too ("C 11" in a table,
    "C1.1" in the list: one unit numbered two ways)."""
    numbers: dict[str, set[int]] = defaultdict(set)
    dotted: dict[str, set[tuple[int, ...]]] = defaultdict(set)
    for unit in mentions:
        hit = numbered(unit.text)
        prefix = _code_prefix(hit.word) if hit is not None else None
        if hit is None or prefix is None or len(unit.text) > _LONG_MENTION:
            continue
        if len(hit.number) > 1:
            dotted[prefix].add(tuple(hit.number))
        else:
            numbers[prefix].add(hit.number[0])
    glued = set()
    for prefix, seen in numbers.items():
        long = {n for n in seen if n >= _GLUED_PARENTS}
        if ctx.rules.level(prefix) not in ("bloc", "competence"):
            continue
        if prefix in dotted and not all((n // 10, n % 10) in dotted[prefix] for n in long):
            continue
        if len(long) >= 2 and all(n // 10 in seen and n % 10 for n in long):
            glued.add(prefix)
    return glued


def _unglued(hit: Numbered, glued: set[str]) -> Numbered:
    """A mention of a glued prefix as its level: the prefix for word ("Capacité
    C5" and "C5" name the same unit), "C11" numbered (1, 1)."""
    prefix = _code_prefix(hit.word)
    if prefix not in glued or len(hit.number) != 1:
        return hit
    n = hit.number[0]
    number = (n // 10, n % 10) if n >= _GLUED_PARENTS else (n,)
    return Numbered(prefix, number, hit.title)


def mention_series(ctx: Context, mentions: list[Unit]) -> dict[tuple[str, int, bool, bool], Series]:
    """Every numbered mention, grouped by level word, depth and numerals; a unit
    word and its abbreviation ("Domaine de compétences 1", "DC 1") are one series;
    a glued prefix's codes by their glued depth, whatever word precedes them."""
    glued = _glued_prefixes(ctx, mentions)
    found: dict[tuple[str, int, bool, bool], Series] = {}
    for index, unit in enumerate(mentions):
        hit = numbered(unit.text)
        if hit is None or len(unit.text) > _LONG_MENTION or is_points(unit.text):
            continue  # prose, or a grid's points ("2 points"): no mention of a unit
        if ctx.rules.first("activity-group", hit.title):
            continue  # "Pôle 1 d'activités": a grouping of activités, no unit
        inner = _inner_code(hit)
        sectioned, hit = inner is not hit, inner
        printed, hit = hit.word, _unglued(hit, glued)
        word = abbreviated(ctx.rules, hit.word)
        key = (word, len(hit.number), hit.roman, hit.lettered)
        entry = found.setdefault(
            key,
            Series(
                word, len(hit.number), hit.roman, hit.lettered, glued=hit.word in glued, first=index
            ),
        )
        entry.spellings.add(printed)
        entry.sectioned = entry.sectioned or sectioned
        entry.ordinal = entry.ordinal or hit.ordinal
        entry.numbers.add(hit.number)
        entry.mentions.append((index, hit.number))
        following = mentions[index + 1 : index + 3]
        bare = not hit.word and not hit.roman
        if _headed(unit, hit) or (bare and leads_list(unit, following)):
            entry.headed += 1
        if unit.heading_like or italic(unit.text) is not None:
            entry.strong += 1
    return found


_GLUED_CODE = re.compile(r"[^\W\d_]+\d+\b")  # letters glued to digits: "UE601"


def _inner_code(hit: Numbered) -> Numbered:
    """A section number before a unit's own code, letters glued to digits
    ("1. UE601 : <title>"): the
    line names the unit its code numbers; the bare number only orders the
    document's sections."""
    if hit.word or hit.roman or hit.lettered or hit.ordinal:
        return hit
    if _GLUED_CODE.match(hit.title) is None:
        return hit
    inner = numbered(hit.title)
    if inner is None or not inner.word or not inner.title or inner.roman or inner.ordinal:
        return hit
    return inner


def _headed(unit: Unit, hit: Numbered) -> bool:
    """Printed as a heading: a heading block, bold, capitals, the number alone
    with its title on the next line, or a short line that ends no sentence."""
    if unit.kind is Kind.LIST_ITEM:
        return False
    if unit.heading_like or not hit.title:
        return True
    return len(unit.text) <= _SHORT_LINE and not ends_sentence(unit.text)
