"""Reading a table by column role (bloc, activité, compétence, critères, …).

Each body row is read cell by cell according to its column's role. A merged
cell is the same :class:`Cell` in every row it spans: its content is read once
(de-duplicated by identity) but it stays the row's context, so every row of a
merged compétence cell links its critères to that compétence. A row made of
one cell across the table is read by :mod:`.spanning`.
"""

from __future__ import annotations

from ..docmodel import Cell
from ..hyphens import FRENCH, join_wrapped
from ..textclean import starts_lower
from .boldrows import bold_heads
from .checks import CHECKS, add_ticked, tick
from .coded_parts import read_part_row
from .content import add_modalites, extend
from .cut_cells import rejoin_cut_cells
from .draft import (
    OBJECT_ROW,
    Context,
    DCompetence,
    TableView,
    cell_text,
    cell_units,
    norm_text,
    positions,
)
from .graded import off_grid
from .headunits import is_head_view, read_heads
from .keyed_modalites import KEY, read_keyed
from .labelled import closing_row, labelled
from .modalite_cells import cell_modalites
from .modalites import is_link_table, read_link_table
from .nested_columns import coded_activites, twin_columns
from .objective_columns import objectives_yield
from .series import moved_cells
from .spanning import carried_head, spanning_row
from .state import State
from .table_activites import read_activite, read_taches
from .table_blocs import bloc_column, read_bloc
from .table_codes import codes_apart, link_row, read_code
from .table_competences import read_competence, read_transversales
from .table_lists import (
    list_for,
    read_criteres,
    read_details,
    read_indicateurs,
    read_lists,
    read_modalites,
)
from .table_rows import Row, continues
from .unitcolumn import CODE_ROLE, TITLE_ROLE, read_coded_title, read_units
from .whole_criteres import WholeCriteres
from .zone_grid import zone_goes_on, zone_grid_row

_ORDER = (
    "code",
    "bloc",
    "unit",
    TITLE_ROLE,
    "activite",
    "taches",
    "competence",
    "transversales",
    "connaissances",
    "conditions",
    "resultats",
    "modalites",
    "details",
    "criteres",
    "indicateurs",
    CHECKS,
)


def read_table(ctx: Context, view: TableView, state: State) -> None:
    """Add what a role table says to the draft."""
    if is_link_table(view):
        read_link_table(ctx, view)
        return
    if KEY in view.roles:
        read_keyed(ctx, view)
        return
    if is_head_view(view):
        read_heads(ctx, view, state)
        return
    twin_columns(view)
    rejoin_cut_cells(view, ctx.rules)
    coded_activites(view)
    bloc_column(ctx, view)
    objectives_yield(ctx, view)
    seen: set[int] = set()
    previous: Row | None = None
    moved = moved_cells(view)
    headed = carried_head(ctx, view, state)  # its title row ended the table above
    group: list[DCompetence] = []  # the compétences named since the last closing row
    whole = WholeCriteres()  # critères cells beside every row of their bloc
    if not zone_goes_on(state, view):
        state.zone_row = None
    bold = bold_heads(ctx, view)  # bold compétence rows over their savoir-faire rows
    for index, row in enumerate(view.body):
        if spanning_row(ctx, row, view, state, view.body[index + 1 :]):
            headed = state.competence if state.competence_headed else None
            previous = None if headed is not None else previous  # a new compétence's rows
            continue
        if zone_grid_row(state, view, row) or off_grid(row, view):
            continue
        state.zone_row = None  # a row of cells: a zone label's items end
        current = Row(headed=None if index in bold else headed)
        closing = closing_row(ctx, row)
        if closing:
            _close(current, group)
        for placed, cell in positions(row):
            column = moved.get(id(cell), placed)
            named = labelled(ctx, cell)  # a cell opening on its own label
            role, cell = named if named is not None else (_role(view, column, cell), cell)
            if role is None:
                continue
            current.columns[id(cell)] = column
            fresh = id(cell) not in seen
            seen.add(id(cell))
            current.cells.setdefault(role, []).append((cell, fresh))
        codes_apart(ctx, current)
        if link_row(ctx, view, current):
            continue
        if previous is not None and not view.completes_heads and continues(ctx, current, previous):
            _continue_row(ctx, view, state, current, previous)
            continue
        whole.start(state.bloc, ctx.draft.blocs)
        for role in _ORDER:
            current.role = role
            for cell, fresh in current.cells.get(role, []):
                _READERS[role](ctx, view, state, current, cell, fresh)
            empty = not any(c.blocks for c, _ in current.cells.get(role, []))
            above = None if closing else previous  # a closing row names none
            if role == "competence" and current.competence is None and above and empty:
                current.competence = above.competence  # empty key cell: same as above
        whole.row(state.bloc, ctx.draft.blocs, current)
        if current.competence is not None:
            current.competence.connaissances.extend(current.savoir_faire)
        _gather(group, current)
        if headed is not None and headed.where.rule == OBJECT_ROW:
            headed = None  # a savoir-faire's title row heads one row (:mod:`.spanning`)
        if index in bold and current.competence is not None:
            headed, previous = current.competence, None  # it heads the rows below
        if len({id(c) for c in row.cells if c.blocks}) > 1:
            _remember(ctx, view, current)
        previous = current
    whole.close()
    add_ticked(view)


def _close(row: Row, group: list[DCompetence]) -> None:
    """A closing row (every cell under its own label) states its conditions
    for each compétence of the rows above it, back to the previous closing
    row; its critères judge them together, no one compétence."""
    if len(group) > 1:
        row.listed = list(group)
    elif group:
        row.competence = group[0]
    group.clear()


def _gather(group: list[DCompetence], row: Row) -> None:
    """Add the compétences a row named to the group a closing row will state for."""
    named = row.linked or row.listed or ([row.competence] if row.competence is not None else [])
    for comp in named:
        if all(comp is not other for other in group):
            group.append(comp)


def _remember(ctx: Context, view: TableView, row: Row) -> None:
    """Keep the compétences a row of several cells named (not a heading row
    across the table), for a later part of the same table."""
    named = ctx.row_competences.setdefault(id(view.block), [])
    for comp in row.linked or ([row.competence] if row.competence is not None else []):
        if all(comp is not other for other in named):
            named.append(comp)


def _role(view: TableView, column: int, cell: Cell) -> str | None:
    """The role of the column a cell starts at; a cell merged over several
    columns takes the first role among them that is read (a header drawn over
    other columns than the body's)."""
    spanned = view.roles[column : column + max(1, cell.col_span)]
    return next((r for r in spanned if r in _READERS), spanned[0] if spanned else None)


def _continue_row(ctx: Context, view: TableView, state: State, row: Row, previous: Row) -> None:
    """Append a continuation row's cells to what the previous row made; its
    critères cell goes on with the last critère's indicateurs when that critère
    has some, else it holds more critères of the same compétence."""
    bloc = state.bloc
    critere = bloc.criteres[-1] if bloc is not None and bloc.criteres else None
    for role in _ORDER:
        for cell, fresh in row.cells.get(role, []):
            units = cell_units(cell)
            if not fresh or not units:
                continue
            activite, comp = previous.activite, previous.competence
            if role in ("activite", "taches") and activite is not None:
                if not activite.taches and starts_lower(units[0].text):
                    activite.libelle = join_wrapped(activite.libelle, units[0].text, FRENCH)
                    units = units[1:]
                extend(activite.taches, units, join=True)
            elif role == "competence" and comp is not None and starts_lower(units[0].text):
                if norm_text(units[0].text) not in norm_text(
                    comp.libelle
                ):  # not a repeated fragment
                    comp.libelle = join_wrapped(comp.libelle, units[0].text, FRENCH)
            elif role == "criteres" and (critere is None or not critere.indicateurs):
                row.competence = comp  # critères lines, no indicateurs: more critères
                read_criteres(ctx, view, state, row, cell, fresh)
            elif role in ("criteres", "indicateurs") and critere is not None:
                extend(critere.indicateurs, units, join=True)
            elif role == "modalites" and bloc is not None:
                add_modalites(ctx, bloc, cell_modalites(ctx, units))
            elif role in ("connaissances", "conditions", "resultats"):
                row.competence = comp
                target = list_for(role, previous, view, state)
                if target is not None:
                    extend(target, units, join=True)


def _checks(ctx: Context, view: TableView, state: State, row: Row, cell: Cell, fresh: bool) -> None:
    """A check mark under a modality's column: the row's bloc is evaluated by it."""
    text = cell_text(cell)
    tick(view, state.bloc, row.columns[id(cell)], text)


def _unit(ctx: Context, view: TableView, state: State, row: Row, cell: Cell, fresh: bool) -> None:
    """A column of coded units (:mod:`.unitcolumn`)."""
    if fresh:
        read_units(ctx, state, cell, view.source)


def _unit_title(
    ctx: Context, view: TableView, state: State, row: Row, cell: Cell, fresh: bool
) -> None:
    """A unit titled by its row's cell, coded in a column of bare codes (:mod:`.unitcolumn`)."""
    codes = [c.text.strip() for c, _ in row.cells.get(CODE_ROLE, [])]
    if fresh and codes and codes[0] and view.part is not None:
        read_part_row(ctx, view, state, codes[0], cell)
    elif fresh and codes and codes[0]:
        read_coded_title(ctx, state, codes[0], cell, view.source)


_READERS = {
    "code": read_code,
    TITLE_ROLE: _unit_title,
    CHECKS: _checks,
    "bloc": read_bloc,
    "unit": _unit,
    "activite": read_activite,
    "taches": read_taches,
    "competence": read_competence,
    "transversales": read_transversales,
    "connaissances": read_lists,
    "conditions": read_lists,
    "resultats": read_lists,
    "modalites": read_modalites,
    "details": read_details,
    "criteres": read_criteres,
    "indicateurs": read_indicateurs,
}
