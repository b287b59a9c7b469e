"""Unit codes qualified by one letter: "UEG1", "UEP2", "UEO3".

Training and university programmes split their unités d'enseignement by kind
and print the kind as one letter glued to the unit's abbreviation: "UEF / UEM /
UET" (fondamentale, méthodologique, transversale) in a licence, "UEG / UEP /
UEO" (générale, professionnelle, optionnelle) in a maritime capacity. Each kind
is numbered from 1, so the units make several short series of one level. A
word that is such an abbreviation (``unit-qualified`` rules) plus one letter
("ue" + "g") is read as a bloc level, and the series of the same abbreviation
under other letters are one level with it. The bare abbreviation keeps its
own reading ("UE 1.1" of a B.U.T. grid).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..rules import RuleSet
    from .outline_series import Series

_STEM = 2  # the abbreviation a kind letter is glued to has this many letters at least


def qualified_stem(rules: RuleSet, word: str) -> str | None:
    """The unit abbreviation ``word`` qualifies with one letter ("ue" of
    "ueg"), if it is one and ``word`` itself is no known level word."""
    stem = word[:-1]
    if not word.isalpha() or len(stem) < _STEM or rules.level(word) != "unknown":
        return None
    return stem if rules.first("unit-qualified", stem) is not None else None


def qualified_kin(rules: RuleSet, level: Series, candidates: Iterable[Series]) -> list[Series]:
    """The ``candidates`` numbering the same units as ``level`` under another
    qualifier letter of its abbreviation ("UEP1 … UEP3" beside "UEG1, UEG2")."""
    stem = qualified_stem(rules, level.word)
    if stem is None:
        return []
    return [
        other
        for other in candidates
        if other is not level
        and other.word != level.word
        and qualified_stem(rules, other.word) == stem
        and (other.depth, other.roman, other.lettered) == (level.depth, level.roman, level.lettered)
        and other.consecutive
    ]
