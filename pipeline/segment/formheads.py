"""The heads of a form's blank columns.

A grid printed to be filled in (a learner's progression booklet, an
assessment form) names what each row is about in its first column and leaves
every other column blank below a head ("POURQUOI :", "RISQUES",
"AUTOÉVALUATION"): the heads name what the reader will write there, they
state nothing of the référentiel (contract: forms to fill in are not
elements). A head is left out of the stream when its column is blank in
every body row while the first column is filled in most of them.
"""

from __future__ import annotations

from ..docmodel import Block, Cell, Row
from .draft import positions

_MIN_ROWS = 2  # body rows a grid needs for its blank columns to be a form's


def form_heads(block: Block) -> set[int]:
    """The ids of the header cells (first row, not first column) of ``block``
    over columns blank in every body row, when the first column names most
    rows. A body row must print a cell of its own under the head, blank: a
    cell spanning from the first column, or none there, makes no form."""
    rows = block.rows
    if len(rows) <= _MIN_ROWS:
        return set()
    body = [_columns(row) for row in rows[1:]]
    named = sum(1 for cells in body if 0 in cells and cells[0].text.strip())
    if named * 2 <= len(body):
        return set()
    heads: set[int] = set()
    for column, cell in positions(rows[0]):
        if column == 0 or not cell.text.strip():
            continue
        if all(_blank(cells, cells.get(0), column) for cells in body):
            heads.add(id(cell))
    return heads


def _columns(row: Row) -> dict[int, Cell]:
    """The cell of ``row`` covering each column."""
    return {
        at + offset: cell for at, cell in positions(row) for offset in range(max(1, cell.col_span))
    }


def _blank(cells: dict[int, Cell], first: Cell | None, column: int) -> bool:
    """Whether a row prints a blank cell of its own (not its first cell) at ``column``."""
    cell = cells.get(column)
    return cell is not None and cell is not first and not cell.text.strip()
