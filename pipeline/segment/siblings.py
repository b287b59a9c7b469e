"""One level numbered under two code prefixes ("CC1 … CC3", "CS1 … CS3").

A diploma may split one level between two short code prefixes that share their
first letter: a BTS's compétences communes "CC1 … CC3" and compétences
spécifiques "CS1 … CS3", each numbered from 1, each with its own child series
("CC1.1", "CS2.3"). The numbering is the evidence: two consecutive series of
the same depth whose prefixes are short codes of one initial, each extended by
a series of its own one number deeper, are one level. The outline keeps both
spellings in the level's rule, and in the rule of the level below.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .outline_series import Series

_CODE = 3  # a prefix this short (letters only) is a code, not a word


@dataclass
class Siblings:
    """A level's sibling series and, under each, its child series."""

    series: list[Series] = field(default_factory=list)
    children: list[Series] = field(default_factory=list)


def siblings(level: Series, candidates: Iterable[Series], every: Iterable[Series]) -> Siblings:
    """The ``candidates`` numbering the same level as ``level`` under another
    code prefix, with the child series of each (from ``every`` series)."""
    every = list(every)
    own = _child(level, every)
    found = Siblings()
    if own is None or not _code(level.word):
        return found
    for other in candidates:
        child = _child(other, every)
        if (
            other is not level
            and child is not None
            and _code(other.word)
            and other.word != level.word
            and other.word[0] == level.word[0]
            and (other.depth, other.roman, other.lettered, other.glued)
            == (level.depth, level.roman, level.lettered, level.glued)
            and other.consecutive
        ):
            found.series.append(other)
            found.children.append(child)
    return found


def lettered(level: Series, every: Iterable[Series], total: int) -> list[Series]:
    """The series of another word lettered like ``level`` ("Capacité A … E")
    whose units sit among the level's own ("Technique α" between "Capacité A"
    and "Capacité B"): units of one répertoire printed as the level's, each
    holding content — one level under two words. Its letters run from its
    alphabet's first ("α"), as the level's run from theirs."""
    if not (level.lettered and level.word) or len(level.mentions) < 2:
        return []
    start, end = level.mentions[0][0], level.mentions[-1][0]
    return [
        other
        for other in every
        if other is not level
        and other.lettered
        and other.word
        and other.word != level.word
        and other.depth == level.depth
        and other.consecutive
        and min(other.numbers) == (1,)
        and any(start < index < end for index, _ in other.mentions)
        and other.owners(total) == len(other.numbers)
    ]


def joined(level: Series, others: Iterable[Series]) -> Series:
    """The level read under every spelling of itself and of ``others``."""
    others = list(others)
    if not others:
        return level
    return replace(
        level,
        spellings=level.spellings.union(*(o.spellings for o in others)),
        numbers=level.numbers.union(*(o.numbers for o in others)),
        mentions=sorted(level.mentions + [m for o in others for m in o.mentions]),
    )


def _child(parent: Series, every: Iterable[Series]) -> Series | None:
    """The series of the parent's word one number deeper whose numbers extend
    the parent's ("CS1.2" under "CS1")."""
    return next(
        (
            s
            for s in every
            if s.word == parent.word
            and s.depth == parent.depth + 1
            and s.roman == parent.roman
            and s.numbers
            and all(n[:-1] in parent.numbers for n in s.numbers)
        ),
        None,
    )


def _code(word: str) -> bool:
    """A short prefix of letters only ("cc", "cs"): a code, not a level word."""
    return 0 < len(word) <= _CODE and word.isalpha()
