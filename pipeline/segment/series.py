"""The numbering series of a table's columns.

A column that numbers its cells keeps one series: the activités "1.", "2.", the
tâches "1.1", "2.3", the compétences "C1", "C2". When a grid's merged cells are
broken (rowspans that overlap, as converted HTML tables often have them), a
cell lands in a neighbouring column, or in a column past the header; its code
still says where it belongs. :func:`moved_cells` gives each such cell the
column whose series it continues.
"""

from __future__ import annotations

import re
from collections import Counter

from ..docmodel import Cell
from .draft import TableView, positions

_CODE = re.compile(r"^\s*([A-Za-z]{0,3})\s?(\d{1,2}(?:\.\d{1,2})*)(?:[.)\-–:]|\s)")
_OWNED = 3  # coded cells a column needs before its series counts
Series = tuple[str, int]  # prefix letters (upper case) and depth: ("C", 1), ("", 2)


def _series(cell: Cell) -> Series | None:
    found = _CODE.match(cell.text)
    if found is None:
        return None
    return found.group(1).upper(), found.group(2).count(".") + 1


def moved_cells(view: TableView) -> dict[int, int]:
    """``id(cell)`` → the column a misplaced cell belongs to: its series is the
    one a single named column keeps, and the column it is in keeps another one
    (or is past the named columns)."""
    counts: dict[int, Counter[Series]] = {}
    placed: dict[int, tuple[int, Series]] = {}
    for row in view.body:
        for column, cell in positions(row):
            series = _series(cell)
            if series is None or id(cell) in placed:
                continue
            placed[id(cell)] = (column, series)
            counts.setdefault(column, Counter())[series] += 1
    kept: dict[int, Series] = {}  # column → the series it keeps
    for column, seen in counts.items():
        series, n = seen.most_common(1)[0]
        if n >= _OWNED and column < len(view.roles) and view.roles[column] is not None:
            kept[column] = series
    keepers = Counter(kept.values())
    owner = {series: column for column, series in kept.items() if keepers[series] == 1}
    moved: dict[int, int] = {}
    for key, (column, series) in placed.items():
        home = owner.get(series)
        named = column < len(view.roles) and view.roles[column] is not None
        if home is not None and home != column and (column in kept or not named):
            moved[key] = home
    return moved
