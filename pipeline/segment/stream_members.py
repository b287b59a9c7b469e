"""A unit heading glued after the line before it (stage ``units``).

A table flattened into paragraphs may glue a cell to the next unit's heading:
"140 heures Thème 1", the last duration of a schedule and the first theme,
whose next units are printed as lines of their own ("Thème 2", "Thème 3"). A
unit ending with a worded number ("Thème 1") whose word numbers the next unit
in a line of its own, and no line of its own numbers the same, is two units:
what comes before, and the heading. The evidence is the series alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from ..textclean import fold
from .draft import Unit

#: a line that is only a level word and a number: "Thème 2", "SEQUENCE 3"
_ALONE = re.compile(r"^(?P<word>[^\W\d_]{3,})\s+(?P<number>\d{1,2})$")
#: a line ending with a level word and a number after other words
_TRAILING = re.compile(
    r"^(?P<before>.*\S)\s+(?P<member>(?P<word>[^\W\d_]{3,})\s+(?P<number>\d{1,2}))$"
)


def split_members(units: list[Unit]) -> list[Unit]:
    """``units`` with each series heading glued after other words apart."""
    alone: dict[str, set[int]] = defaultdict(set)
    for unit in units:
        if unit.table is None and (hit := _ALONE.match(unit.text)) is not None:
            alone[fold(hit["word"])].add(int(hit["number"]))
    out: list[Unit] = []
    for unit in units:
        hit = _TRAILING.match(unit.text) if unit.table is None else None
        seen = alone.get(fold(hit["word"]), set()) if hit is not None else set()
        if hit is None or int(hit["number"]) in seen or int(hit["number"]) + 1 not in seen:
            out.append(unit)
            continue
        out += [replace(unit, text=hit["before"]), replace(unit, text=hit["member"])]
    return out
