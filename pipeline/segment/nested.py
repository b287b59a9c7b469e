"""Nested numberings: one series' codes numbered under another's units.

"C 6.1", "C 6.2" printed after "DC 6" extend the domaine's number: the
compétences of that unit. When the finer series is itself numbered by a unit
word ("Module 1. 1", "Module 1. 2" after "Domaine de formation 1"), the coarser
units only group the blocs: the finer ones are the level certified.
Read by :mod:`.outline`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .outline_series import Series


def extends(child: Series, parent: Series) -> bool:
    """Whether every code of ``child`` is a number of ``parent`` plus one
    level, every unit of ``parent`` has some, and each code follows a mention
    of its own unit (the last one before it)."""
    if child.depth != parent.depth + 1 or child.roman or child.lettered or child is parent:
        return False
    if {number[:-1] for number in child.numbers} != parent.numbers:
        return False
    units = iter(parent.mentions)
    current, following = None, next(units, None)
    for index, number in child.mentions:
        while following is not None and following[0] < index:
            current, following = following[1], next(units, None)
        if current != number[:-1]:
            return False
    return True


def groups_units(
    series: Series, levels: list[Series], roles: dict[tuple[str, int, bool, bool], str]
) -> bool:
    """Whether the units of a unit word hold the units of another unit word
    numbered under theirs ("Module 1. 1", "Module 1. 2" in "Domaine 1"): they
    group the blocs, the finer units are the level certified."""
    return roles[series.key] == "bloc" and any(
        other.word != series.word and roles[other.key] == "bloc" and extends(other, series)
        for other in levels
    )
