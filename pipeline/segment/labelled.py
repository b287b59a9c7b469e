"""A table cell that names its own role: its first line is a zone label.

A référentiel's table may close with a row whose cells are not read by their
column: one cell opens with « Conditions de réalisation : », the one beside it
with « Critères de performance : », each straddling columns whose heads say
something else (tâches, compétences, savoirs). The label printed in the cell
says what it holds, and outranks the column it happens to start in.
"""

from __future__ import annotations

from ..docmodel import Cell, Row
from .draft import Context, cell_units

LABELLED = frozenset({"criteres", "conditions", "resultats", "indicateurs"})


def labelled(ctx: Context, cell: Cell) -> tuple[str, Cell] | None:
    """The role a cell's opening zone label names (critères, conditions,
    résultats, indicateurs) and the cell without its label, when the cell
    spans several columns and goes on under its label; else None."""
    if cell.col_span < 2:  # noqa: PLR2004 - a cell drawn over one column is read by it
        return None
    units = cell_units(cell)
    if len(units) < 2:  # noqa: PLR2004 - the label and what it heads
        return None
    hit = ctx.rules.first("zone", units[0].text)
    value = hit.rule.value if hit is not None else None
    if value not in LABELLED or not cell.blocks or cell.blocks[0].text.strip() != units[0].text:
        return None
    return value, Cell(cell.blocks[1:], cell.col_span, cell.row_span)


def closing_row(ctx: Context, row: Row) -> bool:
    """A row of several filled cells each opening on its own label
    ("Conditions de réalisation : …" | "Critères de performance : …" under
    the rows of tâches and compétences): it names no compétence and states
    what it holds for the rows above it."""
    filled = list({id(c): c for c in row.cells if c.blocks}.values())
    return len(filled) > 1 and all(labelled(ctx, cell) is not None for cell in filled)
