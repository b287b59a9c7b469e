"""Tables whose leading columns group the rows below them ("filled down").

A cell merged over several rows is often printed as a cell filled on the
group's first row and left empty on the rows below (a rowspan written out as
empty cells, as converted HTML and Word tables have it). When a table's header
names no column role, its leading run of such group columns is the table's
own hierarchy, read from the layout alone: each group column's groups nest in
those of the column before it (a new group on the left opens a new one on the
right) and the column after the run is filled on every row. By the contract's
logic ("Families and levels": the bloc is the unit assessed as a whole, the
compétences the abilities listed inside it) the two innermost group columns
are the blocs and their compétences; group columns before them are groupings
above the bloc and the columns after the run detail each compétence: neither
makes an element (their text stays a warning, never lost).
"""

from __future__ import annotations

from ..docmodel import Block, Cell
from .draft import TableView

_MIN_BODY = 4  # body rows for a grouping to be seen
_MIN_LEVELS = 2  # group columns: a bloc column and a compétence column
_MIN_GROUPS = 2  # groups the compétence column must open


def grouped_view(block: Block, source: int) -> TableView | None:
    """A view of ``block`` reading its group columns as blocs and compétences,
    under a header row of filled cells; None when the table has no such run."""
    if len(block.rows) < _MIN_BODY + 1:
        return None
    header, body = block.rows[0], block.rows[1:]
    grid = [row.cells for row in [header, *body]]
    width = len(grid[0])
    if width < _MIN_LEVELS + 1 or not all(_plain(cells, width) for cells in grid):
        return None  # a plain grid: one cell per column, none merged
    if not all(_filled(cell) for cell in grid[0]):
        return None
    filled = [[_filled(cells[column]) for cells in grid[1:]] for column in range(width)]
    run = 0
    while run < width and filled[run][0] and not all(filled[run]):
        run += 1
    if run < _MIN_LEVELS or run == width or not all(filled[run]):
        return None
    for outer, inner in zip(filled[:run], filled[1:run], strict=False):
        if any(o and not i for o, i in zip(outer, inner, strict=True)):
            return None  # a group that opens no group on its right: no nesting
    if sum(filled[run - 1]) < _MIN_GROUPS:
        return None
    roles: list[str | None] = [None] * width
    roles[run - 2], roles[run - 1] = "bloc", "competence"
    return TableView(block, roles, body, source)


def _plain(cells: list[Cell], width: int) -> bool:
    """Whether a row has one cell of its own per column."""
    return len({id(c) for c in cells}) == width and all(c.col_span <= 1 for c in cells)


def _filled(cell: Cell) -> bool:
    """Whether the cell prints a word (a lone dot or dash is no content)."""
    return any(c.isalpha() for c in cell.text)
