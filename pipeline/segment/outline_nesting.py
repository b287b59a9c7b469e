"""Numbering evidence between two outline series: which one nests in which.

A series whose codes extend another's numbers ("C 6.1", "C 6.2" after "DC
6"), each printed inside its own unit, shows the other is the level the
compétences belong to (:func:`is_extended`, :func:`.nested.extends`). A numbering with
no level word one unit of which holds every unit of another series of the
same depth ("A." to "D." under "3. …") numbers the document's sections, not
its units (:func:`holds_level`).
"""

from __future__ import annotations

from collections.abc import Iterable

from .nested import extends
from .outline_series import PAIR, Series


def is_extended(parent: Series, others: Iterable[Series]) -> bool:
    """Whether another series' codes extend the units' numbers, each printed
    inside its own unit ("C 6.1", "C 6.2" after "DC 6"; every unit holds some,
    every one has its unit): numbering-series evidence that the series is the
    level the compétences belong to, whatever the lines' typography (a
    domaine's line ending in a period, mid-cell, beside another numbered
    level such as the "Unité de formation n" of the same row)."""
    if parent.roman or parent.lettered or len(parent.numbers) < PAIR:
        return False
    return any(extends(child, parent) for child in others)


def holds_level(series: Series, other: Series, total: int) -> bool:
    """Whether a numbering with no level word ("1.", "2.", "3.") numbers the
    document's sections: one of its units holds every unit of another level
    of the same depth ("A." to "D." under "3."), the others none — a level's
    units each hold their own children."""
    if series.word or other is series or other.depth != series.depth:
        return False
    if len(series.numbers) < 2 or len(other.numbers) < 2:
        return False
    ends = [index for index, _ in series.mentions[1:]] + [total]
    return any(
        all(start < index < end for index, _ in other.mentions)
        for (start, _), end in zip(series.mentions, ends, strict=True)
    )


def shallowest(level: Series, others: Iterable[Series], after: int) -> Series:
    """The shallowest series of ``level``'s own word whose codes ``level``
    extends, printed after the bloc's first mention (stream index ``after``):
    "OI 1.1", "OI 1.2" under "OI 1" state the unit's objectives at two depths,
    the compétence level starts at the shallower one ("OI 1"), the deeper ones
    belong to it."""
    found = level
    while found.word:
        parent = next(
            (s for s in others if s.word == found.word and s.first > after and extends(found, s)),
            None,
        )
        if parent is None:
            return found
        found = parent
    return found
