"""A conditions cell a format could not merge down its rows, made whole again.

A publisher's "Données" cell spans every row of a compétence's grid: the
data hold for each of its compétences (contract: "Données" →
conditions_realisation). A table that merges no cell at all (a pipe table)
cuts that cell at the row lines: its lines flow over the rows, a sentence
broken between two of them ("Documents" / "règlementaires."), or the first
row holds them all and the rows below print the column empty. When the
column shows such a cut, the group's cells are one cell again, spanning the
group's rows, as the publisher printed it (:mod:`.tables` reads a merged
cell once, in the context of every row it spans).
"""

from __future__ import annotations

from ..docmodel import Cell, Row
from ..rules import RuleSet
from ..textclean import starts_lower
from .cut_spans import cut_coded_title
from .draft import TableView

_ENDS = ".;:!?…)"  # a line ending on one of these closes what it says


def rejoin_cut_cells(view: TableView, rules: RuleSet) -> None:
    """Merge the conditions cells of each group of rows (between title rows)
    when the column shows a cut, in a table that merges no cell."""
    if any(c.col_span > 1 or c.row_span > 1 for row in view.block.rows for c in row.cells):
        return
    columns = [i for i, role in enumerate(view.roles) if role == "conditions"]
    if len(columns) != 1:
        return
    column = columns[0]
    for group in _groups(view.body, rules):
        cells = [row.cells[column] for row in group if column < len(row.cells)]
        if len(cells) != len(group) or len(cells) < 2 or not _cut(cells):  # noqa: PLR2004
            continue
        whole = Cell(blocks=[b for cell in cells for b in cell.blocks], row_span=len(cells))
        for row in group:
            row.cells[column] = whole


def _groups(rows: list[Row], rules: RuleSet) -> list[list[Row]]:
    """The runs of rows between title rows ("C2 | Analyser un système | ")."""
    groups: list[list[Row]] = [[]]
    for row in rows:
        if cut_coded_title(row, rules) is not None:
            groups.append([])
        else:
            groups[-1].append(row)
    return [group for group in groups if group]


def _cut(cells: list[Cell]) -> bool:
    """Whether a column's cells are one cut: the first filled and a later one
    printed empty, or a cell's last line broken off and continued by the next
    cell's first line (lower case)."""
    if not cells[0].blocks:
        return False
    if any(not cell.blocks for cell in cells[1:]):
        return True
    for upper, lower in zip(cells, cells[1:], strict=False):
        last = upper.blocks[-1].text.rstrip()
        if last and last[-1] not in _ENDS and starts_lower(lower.blocks[0].text):
            return True
    return False
