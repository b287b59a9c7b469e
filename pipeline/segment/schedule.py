"""A schedule table's rows: a unit named in a cell beside only its duration
(hours, weeks, a number) is referred to, not held, by the table (read by
:mod:`.outline_refs`)."""

from __future__ import annotations

import re

from .draft import Unit
from .numbering import numbered

# a cell holding a duration or a count only ("70 heures", "3", "2 semaines", "2 h00")
_DURATION = re.compile(
    r"^\s*\d+(?:[.,]\d+)?\s*(?P<unit>h\s?\d{2}|h|heures?|semaines?|jours?|mois|ans?)?\s*$",
    re.IGNORECASE,
)


def duration_only(text: str) -> bool:
    """Whether a text is only a duration or a number."""
    return _DURATION.match(text) is not None


def timed(text: str) -> bool:
    """Whether a text is only a duration, its unit printed ("2 h00", "3 jours")."""
    found = _DURATION.match(text)
    return found is not None and found.group("unit") is not None


def schedule_rows(named: list[tuple[int, tuple[int, ...]]], mentions: list[Unit]) -> list[int]:
    """The mentions of a series (``named``: index, number) that are a
    schedule's rows: two or more rows of one table, each naming a unit in a
    cell beside a cell holding only its duration, when some unit they name is
    detailed out of any table. The table refers to the units the document
    details, and to others it names by their code alone ("Module 3" beside
    its hours); a row giving a unit's title that the document prints nowhere
    else names a unit of its own, left out of the excerpt: it stays."""
    rows: dict[int, list[tuple[int, tuple[int, ...]]]] = {}
    for index, number in named:
        unit = mentions[index]
        # the next cell's first line (a unit's title may wrap over lines of its own cell)
        after = next((m for m in mentions[index + 1 :] if m.cell != unit.cell), None)
        beside = after is not None and after.cell is not None
        if unit.frame is not None and beside and after is not None and duration_only(after.text):
            rows.setdefault(unit.frame, []).append((index, number))
    detailed = {number for index, number in named if mentions[index].cell is None}
    return [
        index
        for table in rows.values()
        if len(table) >= 2 and any(number in detailed for _, number in table)
        for index, number in table
        if number in detailed or not _titled(mentions[index])
    ]


def _titled(unit: Unit) -> bool:
    """Whether a row names its unit with a title ("UE603 : Environnement …"),
    not by its code alone ("Module 3")."""
    hit = numbered(unit.text)
    return hit is not None and bool(hit.title.strip(" .:"))
