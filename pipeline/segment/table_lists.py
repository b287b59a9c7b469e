"""The list columns of a role table: connaissances, conditions, résultats,
modalités and their details, critères and indicateurs (read cell by cell by
:mod:`.tables`)."""

from __future__ import annotations

from ..docmodel import Cell
from ..textclean import ends_sentence, is_mark, is_points, label_text
from .content import add_critere, add_modalites, criteres_of_cell, extend, numbered_items
from .draft import (
    Context,
    DCompetence,
    DCritere,
    TableView,
    Unit,
    cell_text,
    cell_units,
    norm_text,
    role_cells,
    units_text,
)
from .examples import announced
from .glossed import glossed
from .graded import critere_units
from .modalite_cells import cell_modalites
from .state import State
from .table_rows import Row
from .zone_grid import savoirs_start

_GLOSSED = "table.glossed"  # a critère read from the parentheses after its ability


def list_for(
    role: str, row: Row, view: TableView, state: State, merged: bool = False
) -> list[str] | None:
    """The list a cell of ``role`` fills; savoirs merged over several rows
    (``merged``) are those of the bloc the rows state, not of each compétence."""
    comp = row.competence
    if role == "connaissances":
        if comp is None and not merged:
            comp = _headed_scope(view, state)
        if "bloc" in view.roles or comp is None or merged:
            return state.bloc.connaissances if state.bloc is not None else None
        return comp.connaissances
    if comp is None:
        return None
    return comp.conditions if role == "conditions" else comp.resultats


def _headed_scope(view: TableView, state: State) -> DCompetence | None:
    """The compétence a heading named for what follows (a fiche's title, the
    "Compétence :" row of a BTS activité), when the table names neither bloc nor
    compétence: its savoirs are that compétence's, as its critères are."""
    scope = state.competence
    if set(view.roles) & {"bloc", "competence"} or scope is None or state.bloc is None:
        return None
    if not state.competence_headed or scope.from_list or scope not in state.bloc.competences:
        return None
    return scope


def _savoirs_of(ctx: Context, view: TableView) -> list[list[str]]:
    """A savoirs part of a table with no compétence column, under rows that
    named compétences ("SAVOIRS ASSOCIÉS | Connaissances" below a grid):
    its connaissances belong to those compétences."""
    if set(view.roles) & {"bloc", "competence"}:
        return []
    return [comp.connaissances for comp in ctx.row_competences.get(id(view.block), [])]


def _coded(view: TableView, row: Row) -> list[DCompetence]:
    """The coded compétences the row's compétence cell lists, one per line."""
    cells = row.cells.get("competence", [])
    return list(view.coded_lists.get(id(cells[0][0]), [])) if cells and row.listed else []


def read_lists(
    ctx: Context, view: TableView, state: State, row: Row, cell: Cell, fresh: bool
) -> None:
    """A list cell belongs to every compétence whose rows it spans (a "Données"
    cell merged over a unit's rows gives each of them its conditions), and to
    every compétence the row's compétence cell lists (one "Données" cell beside
    a cell of several compétences); savoirs beside several compétences, like
    savoirs merged over their rows, are the bloc's, except beside a cell of
    coded compétences, each a row of its own in print ("C111.1 … / C111.2 …"
    beside the savoirs of their tâche, in a table of several rows): each of
    them requires them."""
    shared = _savoirs_of(ctx, view) if row.role == "connaissances" else []
    coded = _coded(view, row)
    whole = cell.row_span >= len(view.body)  # one cell for the whole table: the bloc's
    if row.role == "connaissances" and len(coded) > 1 and cell.row_span <= 1 and not whole:
        shared = [comp.connaissances for comp in coded]
    merged = cell.row_span > 1 or len(row.listed) > 1  # savoirs of several compétences
    target = list_for(row.role, row, view, state, merged)
    targets = shared or ([target] if target is not None else [])
    if row.role in ("conditions", "resultats") and len(row.listed) > 1:
        targets = [c.conditions if row.role == "conditions" else c.resultats for c in row.listed]
    units = [u for u in cell_units(cell) if not is_mark(u.text)]  # "X", "0": marks
    for target in targets:
        if fresh or not {unit.text for unit in units} <= set(target):
            extend(target, units)


def read_modalites(
    ctx: Context, view: TableView, state: State, row: Row, cell: Cell, fresh: bool
) -> None:
    """The row's modalités: its bloc's, or each bloc its bloc cell opened; a
    paragraph of the cell going on in the next is one modality with it
    (:mod:`.modalite_cells`)."""
    for bloc in row.blocs or ([state.bloc] if state.bloc is not None else []):
        if fresh:
            add_modalites(ctx, bloc, cell_modalites(ctx, cell_units(cell)))


def read_details(
    ctx: Context, view: TableView, state: State, row: Row, cell: Cell, fresh: bool
) -> None:
    """How the row's modality is organised (duration, marking …): its details."""
    bloc = state.bloc
    if fresh and bloc is not None and bloc.modalites:
        text = cell_text(cell)
        bloc.modalites_details[-1] = f"{bloc.modalites_details[-1]} {text}".strip()


def read_criteres(
    ctx: Context, view: TableView, state: State, row: Row, cell: Cell, fresh: bool
) -> None:
    """A critères cell: the critères of the open bloc it lists, each evaluating
    the compétences of its row (:func:`_evaluated`)."""
    if (known := ctx.known(cell, DCritere)) is not None:
        row.critere = known
        return
    if not fresh or state.bloc is None:
        return
    units = cell_units(cell)
    comps = _evaluated(view, state, row, cell)
    links = [] if comps else list(state.link_codes or [])
    if "indicateurs" in view.roles:
        if view.graded:
            units = critere_units(units, ctx.rules)  # "Partie 1" over the critère
        if units:
            text = units_text(units)
            row.critere = add_critere(
                state.bloc, units[0], label_text(text), [], "table.criteres", comps, links
            )
            ctx.made(cell, row.critere)
        return
    pair = glossed(units_text(units)) if units and len(comps) == 1 else None
    if pair is not None:  # "1 – <ability> (<critères>)": the ability details the compétence
        comps[0].details.append(pair[0])
        row.critere = add_critere(state.bloc, units[0], pair[1], [], _GLOSSED, comps, links)
        return
    if view.criteres_headed is None:
        view.criteres_headed = _headed(view, savoirs_start(ctx, view))
    units = [u for u in units if id(u) not in _group_heads(units)]
    units, examples = announced(units, {norm_text(k.libelle) for k in state.bloc.criteres})
    for unit, text, indicateurs in criteres_of_cell(ctx, units, view.criteres_headed):
        for libelle in numbered_items(text):
            shown = indicateurs + examples.get(id(unit), [])  # "Ex :" items (:mod:`.examples`)
            row.critere = add_critere(
                state.bloc, unit, libelle, shown, "table.criteres", comps, links
            )


def _evaluated(view: TableView, state: State, row: Row, cell: Cell) -> list[DCompetence]:
    """The compétences a critères cell of the row evaluates: those the row
    links, codes or names; else the title over its column (:mod:`.sideheads`),
    the compétence whose scope the table is in, the last one above an empty
    compétence cell."""
    bloc = state.bloc
    assert bloc is not None
    comps = list(row.linked) or _coded(view, row)
    comps = comps or ([row.competence] if row.competence is not None else [])
    head = view.heads.get(row.columns.get(id(cell), -1))
    comps = comps or ([head] if head is not None else [])
    scope = state.competence  # a critères table inside a compétence's scope evaluates it
    if not comps and "competence" not in view.roles and not state.link_codes and scope:
        comps = [scope] if not scope.from_list and scope in bloc.competences else []
    if not comps and _below_competence(row, state):
        comps = [bloc.competences[-1]]
    return comps


def _below_competence(row: Row, state: State) -> bool:
    """Whether the row's compétence cell is printed empty under a compétence
    of the bloc (a fiche's table going on at the top of the next page with
    the critères of the element above): its critères are that element's."""
    cells = row.cells.get("competence")
    return (
        bool(cells)
        and all(not cell.text.strip() for cell, _ in cells or [])
        and state.bloc is not None
        and bool(state.bloc.competences)
    )


_GROUP_MAX = 80  # characters: a group's name is a short title


def _group_heads(units: list[Unit]) -> set[int]:
    """The items naming groups of critères in a cell of items under two
    bullet glyphs: the cell opens with an item of one glyph, and each item of
    that glyph is a short title (no sentence) over items of the other glyph
    ("• En termes de communication" over "- …" critères). Their ids."""
    if len(units) < 3 or not all(u.is_item and u.label for u in units):
        return set()
    head = units[0].label
    if len({u.label for u in units}) != 2:
        return set()
    heads = [i for i, u in enumerate(units) if u.label == head]
    for i in heads:
        text = units[i].text
        if len(text) > _GROUP_MAX or ends_sentence(text):
            return set()
        if i + 1 == len(units) or units[i + 1].label == head:
            return set()  # a head over no item
    return {id(units[i]) for i in heads}


def _headed(view: TableView, end: int) -> bool:
    """Whether a critères cell of the table (above row ``end``, where a
    savoirs grid opens) puts a critère line over bullets (then a cell of
    bullets only is one critère and its indicateurs too); a line between two
    items of one list (same bullet, same level) is an item that lost its
    bullet, no critère line."""
    for row in view.body[:end]:
        for cell in role_cells(view, row, "criteres"):
            units = cell_units(cell)
            if any(_heads_items(units, i) for i in range(len(units) - 1)):
                return True
    return False


def _heads_items(units: list[Unit], index: int) -> bool:
    """Whether the line at ``index`` is a plain line over items, not a line
    standing between two items of the same list."""
    line, below = units[index], units[index + 1]
    if line.is_item or not below.is_item:
        return False
    above = units[index - 1] if index else None
    return above is None or not above.same_list(below)


def read_indicateurs(
    ctx: Context, view: TableView, state: State, row: Row, cell: Cell, fresh: bool
) -> None:
    """An indicateurs cell: the indicateurs of the row's critère (else of the
    bloc's last one); the points a level is worth ("2 pts") are a score, none.
    A graded grid's degree cell describes one degree: one indicateur, its
    sentences and paragraphs kept together (:mod:`.graded`)."""
    if not fresh:
        return
    target = row.critere
    if target is None and state.bloc is not None and state.bloc.criteres:
        target = state.bloc.criteres[-1]
    if target is not None:
        texts = [u.text for u in cell_units(cell) if not is_points(u.text)]
        if view.graded and texts:
            texts = [cell_text(cell)]
        target.indicateurs.extend(texts)
