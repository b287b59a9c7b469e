"""Compétence titles set side by side over an evaluation grid.

A grid may set two compétences side by side: its first row holds one title
per group of columns ("Négocier … | Organiser …", each cell merged over its
group), the header row repeats "Critères | TI | I | S | TS" in every group,
and each group's critère cells below judge the compétence titled above them.
Each title opens a compétence of the open bloc; a critère cell is linked to
the title over its column (read by :mod:`.table_lists`).
"""

from __future__ import annotations

from dataclasses import replace

from ..docmodel import Row
from ..nlp import is_action
from .checks import is_check
from .content import add_competence
from .draft import JUDGED_ROW, Context, TableView, Unit, cell_units, positions
from .state import State, is_cue

_TITLE = 160  # characters: a title over rows is one short line


def title_unit(ctx: Context, units: list[Unit]) -> Unit | None:
    """The one unit of a title cell stating an ability (it opens on an
    infinitive), a box to tick before it dropped; None when the cell holds
    more, a cue, or no such title ("COMPORTEMENTS PROFESSIONNELS …" names a
    part of the grid, no compétence)."""
    if len(units) != 1:
        return None
    box, _, rest = units[0].text.partition(" ")
    unit = replace(units[0], text=rest) if is_check(box) else units[0]
    return unit if short_title(ctx, unit) and is_action(unit.text) else None


def short_title(ctx: Context, unit: Unit) -> bool:
    """Whether ``unit`` may title the rows below it: one short line opening on
    a capital, no cue (a row's title, not a zone label nor a paragraph)."""
    text = unit.text
    return len(text) <= _TITLE and text[:1].isupper() and not is_cue(ctx, unit)


def judges_only(view: TableView) -> bool:
    """Whether the table is a grid of critères naming no compétence nor bloc
    column: its title rows name the compétences it judges."""
    roles = set(view.roles)
    return "criteres" in roles and not roles & {"competence", "bloc"}


def side_heads(ctx: Context, row: Row, view: TableView, state: State) -> bool:
    """A row of several titles, each over its own group of columns holding one
    critères column, in a grid naming no compétences column: each opens the
    compétence of the critères below it (True: the row is read)."""
    roles = view.roles
    if state.bloc is None or not judges_only(view):
        return False
    cells = [(column, cell) for column, cell in positions(row) if cell.blocks]
    if len(cells) < 2 or len({id(cell) for _, cell in cells}) != len(cells):
        return False
    groups = [range(column, column + max(1, cell.col_span)) for column, cell in cells]
    if any(len(g) < 2 or [roles[i] for i in g].count("criteres") != 1 for g in groups):
        return False  # the layout first: the model is asked only of a row shaped so
    titles = []
    for group, (_, cell) in zip(groups, cells, strict=True):
        unit = title_unit(ctx, cell_units(cell))
        if unit is None:
            return False
        titles.append((group, unit))
    view.heads.clear()
    for group, unit in titles:
        comp = add_competence(ctx, state.bloc, unit, state.source, from_list=False, rule=JUDGED_ROW)
        if comp is not None:
            view.heads.update(dict.fromkeys(group, comp))
    state.competence, state.competence_headed, state.critere = None, False, None
    return True
