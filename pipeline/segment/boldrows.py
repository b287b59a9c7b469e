"""Compétence rows told apart by typography across rows.

A "Compétences | Critères" table may print each compétence as a row of its
own set in bold, and its savoir-faire as the rows in body type below it (a
booklet converted to Word: "Cibler et prospecter la clientèle" in bold over
"Analyser un portefeuille clients", "Identifier des cibles de clientèle" …).
The rows in body type then detail the bold row above them: its savoir-faire,
their critères judging it. The same typography inside one cell is read by
:func:`~.table_competences._title_apart`.
"""

from __future__ import annotations

from .content import competence_code
from .draft import Context, TableView, Unit, cell_units, role_cells


def bold_heads(ctx: Context, view: TableView) -> set[int]:
    """The indices (in ``view.body``) of the rows whose compétence cell is
    wholly bold, when such a row stands over a row whose compétence cell is in
    body type and no compétence cell is coded (codes tell the levels apart
    themselves); an empty set otherwise."""
    column: list[list[Unit] | None] = [
        _competence_units(view, row_index) for row_index in range(len(view.body))
    ]
    filled = [units for units in column if units]
    if not filled or any(competence_code(ctx, u.text) for units in filled for u in units):
        return set()
    heads = {i for i, units in enumerate(column) if units and all(u.bold for u in units)}
    plain = {i for i, units in enumerate(column) if units and not any(u.bold for u in units)}
    if not any(i + 1 in plain for i in heads):
        return set()
    return heads


def _competence_units(view: TableView, index: int) -> list[Unit] | None:
    """The units of a body row's compétence cells (None when it has none)."""
    units: list[Unit] = []
    seen: set[int] = set()
    for cell in role_cells(view, view.body[index], "competence"):
        if id(cell) not in seen:
            seen.add(id(cell))
            units.extend(cell_units(cell))
    return units or None
