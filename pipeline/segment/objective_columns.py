"""An épreuve's objectives column beside a compétences column that states its
compétences.

A certification template may print an "Objectifs de l'épreuve" column (read as
compétences: health and social diplomas list there the abilities an épreuve
checks, "Vérifier la capacité du candidat à : - analyser …") beside a
"Compétences repérées" column. When the compétences column states actions
("Etablir une relation.") and the objectives column states none (the aim of
each épreuve, "Epreuve terminale : évaluer …"), the compétences are the
column's statements, and the objectives are no compétence. When the
compétences column only refers elsewhere, the objectives column keeps its role.
"""

from __future__ import annotations

from ..nlp import is_action
from .draft import Context, TableView, cell_units, positions

_OBJECTIVES = "column.objectifs"  # the column rule naming an épreuve's objectives


def objectives_yield(ctx: Context, view: TableView) -> None:
    """Take the compétence role from the objectives column of ``view`` when
    the other compétence column states actions and it states none."""
    columns = [i for i, role in enumerate(view.roles) if role == "competence"]
    if len(columns) < 2 or not view.body or not ctx.options.use_nlp:  # noqa: PLR2004
        return
    objectives = [i for i in columns if _header_rule(view, i, ctx) == _OBJECTIVES]
    others = [i for i in columns if i not in objectives]
    if len(objectives) != 1 or not others:
        return
    if _actions(view, objectives[0]) == 0 and all(_actions(view, i) > 0 for i in others):
        view.roles[objectives[0]] = None


def _header_rule(view: TableView, column: int, ctx: Context) -> str | None:
    """The id of the column rule naming ``column`` in the row right above the body."""
    rows = view.block.rows
    at = next((i for i, row in enumerate(rows) if row is view.body[0]), 0)
    if at == 0:
        return None
    for placed, cell in positions(rows[at - 1]):
        if placed == column:
            hit = ctx.rules.first("column", " ".join(cell.text.split()))
            return hit.rule.id if hit is not None else None
    return None


def _actions(view: TableView, column: int) -> int:
    """How many lines of the column's body cells state an action."""
    cells = {id(c): c for row in view.body for at, c in positions(row) if at == column}
    return sum(is_action(u.text) for cell in cells.values() for u in cell_units(cell))
