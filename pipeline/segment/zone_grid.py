"""A savoirs zone printed as a grid of cells.

A table may go on, below a row across it naming a zone of the bloc
("Savoirs associés"), with rows of several cells: each cell a group of savoirs
(its category in bold over its items), not compétences and critères under the
columns' roles. The zone holds every such row, and goes on in the rest of the
table a page break cut off (the same table read on under the same roles).
"""

from __future__ import annotations

from ..docmodel import Block, Row
from .draft import Context, TableView, Unit, cell_units, positions
from .state import State

_ZONE = "connaissances"


def zone_grid_row(state: State, view: TableView, row: Row) -> bool:
    """Whether ``row`` is a row of savoirs cells under the open savoirs zone
    (its items added to the bloc's connaissances)."""
    if state.zone_row != _ZONE or state.bloc is None:
        return False
    cells = {id(cell): cell for _, cell in positions(row) if cell.blocks}
    if len(cells) < 2:
        return False
    for key, cell in cells.items():
        if key not in state.zone_cells:
            state.zone_cells.add(key)
            state.bloc.connaissances.extend(unit.text for unit in cell_units(cell))
    state.zone_source = view.source
    return True


def zone_goes_on(state: State, view: TableView) -> bool:
    """Whether the savoirs zone the previous table ended in goes on in this
    view (the same table continued: same source)."""
    return state.zone_row == _ZONE and state.zone_source == view.source


def savoirs_start(ctx: Context, view: TableView) -> int:
    """The index of the body row across the whole table that labels a savoirs
    zone (the rows below it are savoirs cells, whatever column they stand in);
    the body's length when there is none."""
    width = view.block.grid_width
    for index, row in enumerate(view.body):
        placed = positions(row)
        if len(placed) != 1 or placed[0][1].col_span != width:
            continue
        units = cell_units(placed[0][1])
        hit = ctx.rules.first("zone", units[0].text) if len(units) == 1 else None
        if hit is not None and hit.rule.value == _ZONE:
            return index
    return len(view.body)


def savoirs_grid_view(ctx: Context, block: Block, out: list[Unit]) -> TableView | None:
    """A table with no header right after a role table (nothing between),
    whose first row is one cell across it labelling a savoirs zone and whose
    other rows hold several cells: the bloc's savoirs set out as a grid (the
    role table's savoirs part, drawn apart). Every column is read as savoirs."""
    if not out or out[-1].table is None or len(block.rows) < 2:
        return None
    view = TableView(
        block, ["connaissances"] * block.grid_width, list(block.rows), out[-1].table.source
    )
    if savoirs_start(ctx, view) != 0:
        return None
    if not all(len({id(c) for _, c in positions(row) if c.blocks}) > 1 for row in block.rows[1:]):
        return None
    return view
