"""A two-level header: the row of sub-heads under a merged header cell.

A grid may head a group of columns with one merged cell ("Compétences …" over
four columns) and name each of them in the row below, some by a role of their
own ("Connaissances …"), some by a label no rule knows. That row is a header
too: a sub-head naming a role refines its column's role, an unnamed one keeps
the role of the merged cell above it.
"""

from __future__ import annotations

from ..docmodel import Row
from ..rules import RuleSet
from .draft import cell_units, positions
from .headers import holds_content

_HEAD_CHARS = 80  # a sub-head is a short label


def merged_columns(row: Row) -> set[int]:
    """The columns a header row's merged cells (over several columns) cover."""
    return {
        column + offset
        for column, cell in positions(row)
        if cell.col_span > 1
        for offset in range(cell.col_span)
    }


def sub_heads(row: Row, merged: set[int], rules: RuleSet) -> dict[int, str] | None:
    """The roles a row of sub-heads names under the merged header cells
    (``merged``: their columns), else None: two or more filled cells, all
    under a merged cell, each one short label, and one at least naming a role."""
    roles: dict[int, str] = {}
    filled = 0
    for column, cell in positions(row):
        units = cell_units(cell)
        if not units:
            continue
        filled += 1
        if (
            column not in merged
            or len(units) != 1
            or units[0].is_item
            or len(units[0].text) > _HEAD_CHARS
            or holds_content(units)
        ):
            return None
        hit = rules.first("column", units[0].text)
        if hit is not None and hit.rule.value is not None:
            roles[column] = hit.rule.value
    return roles if filled >= 2 and roles else None
