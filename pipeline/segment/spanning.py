"""Rows made of one cell across a table.

Such a row is a bloc heading, a link cue ("En relation avec la compétence
C1.2 :"), a heading of the outline's compétence level, or a group row:
unnamed, it heads the rows below it that name their own compétences, so it is
the level above them (a titre professionnel's activité type in its critères
grid). A spanning row with nothing below it is a note: no element.
"""

from __future__ import annotations

from ..docmodel import Cell, Row
from ..nlp import is_action
from ..rules import RuleSet
from ..textclean import label_text
from .checks import SCORE
from .content import add_competence, add_critere, competence_code, extend, is_implicit
from .cut_spans import cut_coded_title, heads_rows, open_cut_unit
from .draft import (
    GROUP_ROW,
    JUDGED_ROW,
    OBJECT_ROW,
    Context,
    DBloc,
    DCompetence,
    TableView,
    Unit,
    cell_units,
    coded_title,
    positions,
)
from .graded import graded_modalites, open_graded_epreuve
from .lonerows import lone_coded_title, open_lone_unit
from .sideheads import judges_only, short_title, side_heads, title_unit
from .state import (
    State,
    is_bloc_heading,
    is_cue,
    link_codes,
    open_bloc,
    open_outline_competence,
)


def spanning_row(ctx: Context, row: Row, view: TableView, state: State, below: list[Row]) -> bool:
    """A row of one cell across the table: bloc heading, link cue or group row
    (True: the row is read); False when it is an ordinary row."""
    if side_heads(ctx, row, view, state):
        return True
    lone = lone_coded_title(row, view, ctx.rules)
    if lone is not None and _group_below(view, below, ctx.rules):
        open_lone_unit(ctx, state, row, lone)
        return True
    coded = coded_title(row, ctx.rules)
    if coded is not None:
        return _coded_group(ctx, view, state, below, *coded)
    cut = cut_coded_title(row, ctx.rules)
    if cut is not None and heads_rows(row, cut[0], view, below, ctx.rules):
        return open_cut_unit(ctx, state, *cut)
    cell = _spanning_cell(row, view, ctx.rules)
    if cell is None:
        return False
    units = cell_units(cell)
    if not units:
        return True
    codes = link_codes(ctx, units[0].text)
    if codes is not None:
        state.link_codes = codes
        return True
    if _zone_row(ctx, state, units):
        return True
    if open_bloc(ctx, state, units, "table.row") is not None:
        return True
    if view.graded and open_graded_epreuve(ctx, state, units):
        return True  # "E2 – …" across a graded grid: the épreuve it assesses
    if view.graded and graded_modalites(state, units):
        return True
    title = units[1] if len(units) > 1 else None
    if open_outline_competence(ctx, state, units[0], title) is not None:
        return True
    if _legend(ctx, view, state, units):
        return True
    group = _group_below(view, below, ctx.rules)
    if group is None:  # nothing below it to head: a note (its text is reported unplaced)
        state.carried_head = units[0] if len(units) == 1 and _held(state) else None
        return True
    if group and _may_head_group(ctx, state, units):
        bloc = open_bloc(ctx, state, units, GROUP_ROW, any_text=True)
        _series_code(ctx, bloc, view, below)
        _statement_code(ctx, bloc)
        return True
    if group is False and _judged_head(ctx, view, state, units):
        return True
    if group and _object_head(ctx, view, state, units, below):
        return True
    # between a bloc printed outside the table and its compétences: a note
    return bool(group) and _held(state)


def _judged_head(ctx: Context, view: TableView, state: State, units: list[Unit]) -> bool:
    """An uncoded title row over rows of critères in a table with no compétences
    column (an evaluation grid: "Cibler et prospecter la clientèle" over the rows
    judging it): the compétence those rows judge, in the open bloc."""
    if state.bloc is None or not judges_only(view):
        return False
    unit = title_unit(ctx, units)
    if unit is None:
        return False
    comp = add_competence(ctx, state.bloc, unit, state.source, from_list=False, rule=JUDGED_ROW)
    state.competence, state.competence_headed = comp, comp is not None
    state.critere = None
    view.heads.clear()
    return comp is not None


def _object_head(
    ctx: Context, view: TableView, state: State, units: list[Unit], below: list[Row]
) -> bool:
    """A title row under a bloc printed outside the table (the outline's
    level) over rows whose compétence cells list objects, no ability (no line
    opens on a verb: "Bœuf", "Plat de côtes" under "Désossage"): the row names
    the savoir-faire, a compétence of that bloc, and the lines of its rows
    detail it (what it is practised on); it heads that row only."""
    if not _held(state) or state.bloc is None or len(units) != 1:
        return False
    unit = units[0]
    if not short_title(ctx, unit) or not _objects(ctx, _competence_lines(view, below, ctx.rules)):
        return False
    comp = add_competence(ctx, state.bloc, unit, state.source, from_list=False, rule=OBJECT_ROW)
    state.competence, state.competence_headed = comp, comp is not None
    state.critere = None
    return comp is not None


def carries_head(ctx: Context, state: State, unit: Unit, following: list[Unit]) -> bool:
    """A title line printed between two role tables (the grid's title row
    pushed out of it at a page break, the next page repeating the header),
    under a bloc printed outside them, over rows listing objects: the
    savoir-faire the next table's first rows detail, kept for it."""
    tables = [u.table for u in following if u.table is not None]
    if unit.is_item or unit.table is not None or not tables or not _held(state):
        return False
    view = tables[0]
    if "competence" not in view.roles or not short_title(ctx, unit):
        return False
    if is_bloc_heading(ctx, unit.text):
        return False  # the next bloc's heading between its tables, no savoir-faire
    if not _objects(ctx, _competence_lines(view, view.body, ctx.rules)):
        return False
    state.carried_head = unit
    return True


def carried_head(ctx: Context, view: TableView, state: State) -> DCompetence | None:
    """The savoir-faire whose title row ended the table above (a page break
    between it and its rows, the next page repeating the header): the
    compétence the first rows of this table detail, as :func:`_object_head`
    reads a title row over its rows."""
    unit, state.carried_head = state.carried_head, None
    if unit is None or state.bloc is None:
        return None
    if not _object_head(ctx, view, state, [unit], view.body):
        return None
    return state.competence


def _objects(ctx: Context, lines: list[Unit]) -> bool:
    """Lines that name objects: none coded, none opening on a verb."""
    if not lines or not ctx.options.use_nlp:
        return False
    return not any(competence_code(ctx, u.text) or is_action(u.text) for u in lines)


def _competence_lines(view: TableView, below: list[Row], rules: RuleSet) -> list[Unit]:
    """The lines of the compétence column in the row right under a title row
    (the row it heads; the rows after it name their own compétences)."""
    columns = {i for i, role in enumerate(view.roles) if role == "competence"}
    if not below or _spanning_cell(below[0], view, rules) is not None:
        return []
    return [u for col, cell in positions(below[0]) if col in columns for u in cell_units(cell)]


def _coded_group(
    ctx: Context, view: TableView, state: State, below: list[Row], code: str, cell: Cell
) -> bool:
    """A title row printing its code in a cell of its own ("T1.1 | Analyser …")
    over rows that name their own compétences: the unit they belong to, a bloc
    with that code (the contract's top numbered unit when no bloc is printed).
    Over anything else it is an ordinary row."""
    units = cell_units(cell)
    if not units or not _group_below(view, below, ctx.rules):
        return False
    if not _may_head_group(ctx, state, units):
        return False
    bloc = open_bloc(ctx, state, units, GROUP_ROW, any_text=True)
    if bloc is not None:
        bloc.code = code
    return True


def _series_code(ctx: Context, bloc: DBloc | None, view: TableView, below: list[Row]) -> None:
    """A group row led by a bare letter ("A - Analyser") whose rows below are
    coded from that letter ("A1", "A3"): the letter is the bloc's code (the
    numbering series says so)."""
    hit = ctx.rules.first("group-code", bloc.libelle) if bloc is not None else None
    if bloc is None or hit is None:
        return
    letter, libelle = hit.group("code") or "", hit.group("libelle") or ""
    for row in below:
        if _spanning_cell(row, view, ctx.rules) is not None:
            return
        for _, cell in positions(row):
            text = cell.text.strip()
            if text[: len(letter)] == letter and text[len(letter) : len(letter) + 1].isdigit():
                bloc.code, bloc.libelle = letter, label_text(libelle)
                return


def _statement_code(ctx: Context, bloc: DBloc | None) -> None:
    """A group row printing a statement after its ministerial code ("02GN
    Explorer la profession."): the code is the bloc's, the statement its title."""
    hit = ctx.rules.first("group-statement", bloc.libelle) if bloc is not None else None
    if bloc is not None and hit is not None and bloc.code is None:
        bloc.code, bloc.libelle = hit.group("code"), label_text(hit.group("libelle") or "")


def group_rows(view: TableView, rules: RuleSet) -> int:
    """How many rows of a role table head a group of rows naming their own
    compétences (a titre professionnel's activités types in its critères grid)."""
    return sum(
        1
        for index, row in enumerate(view.body)
        if _spanning_cell(row, view, rules) is not None
        and _group_below(view, view.body[index + 1 :], rules)
    )


def _legend(ctx: Context, view: TableView, state: State, units: list[Unit]) -> bool:
    """A row listing the coded savoirs ("S0 : …", "S1 : …") of a table whose
    columns are those savoirs: the legend of their codes, the knowledge of the bloc."""
    if "connaissances" not in view.roles or state.bloc is None or len(units) < 2:
        return False
    if not all(ctx.rules.first("connaissances-code", u.text) for u in units):
        return False
    extend(state.bloc.connaissances, units)
    return True


_BLOC_ZONES = ("criteres", "conditions", "connaissances")


def _zone_row(ctx: Context, state: State, units: list[Unit]) -> bool:
    """A row of one cell led by a zone's label and holding its items
    ("Critères d'évaluation" / "L'analyse … est pertinente."): they belong to
    the open bloc as a whole (its critères, its savoirs, the conditions of
    each of its compétences), no compétence of the table's own. The label may
    stand alone in its row, its items in the rows of items across the table
    just below it (the ministry's fiche, Québec: "Critères de performance pour
    l'ensemble de la compétence" over its bullets)."""
    bloc = state.bloc
    if bloc is None:
        return False
    hit = ctx.rules.first("zone", units[0].text)
    if hit is None:
        if state.zone_row is None or not all(unit.is_item for unit in units):
            return False
        _zone_items(bloc, state.zone_row, units)
        return True
    if hit.rule.value not in _BLOC_ZONES:
        return False
    if len(units) < 2:
        state.zone_row = hit.rule.value
        return True
    _zone_items(bloc, hit.rule.value, units[1:])
    return True


def _zone_items(bloc: DBloc, zone: str, units: list[Unit]) -> None:
    """The items of a bloc's zone printed across a table."""
    for unit in units:
        if zone == "criteres":
            add_critere(bloc, unit, label_text(unit.text), [], "table.zone-row")
        elif zone == "connaissances":
            bloc.connaissances.append(unit.text)
        else:
            bloc.conditions.append(unit.text)


def _spanning_cell(row: Row, view: TableView, rules: RuleSet) -> Cell | None:
    """The one filled cell of ``row`` when it spans the table (at least every
    column read by role: a form's empty margin columns aside), else None. A
    weight printed after it ("B - Modéliser | 40 %") is the group's mark, no
    cell of its own."""
    filled = [(col, c) for col, c in positions(row) if c.blocks]
    if len(filled) > 1 and rules.first("group-weight", filled[-1][1].text.strip()):
        filled = filled[:-1]
    if len({id(c) for _, c in filled}) != 1 or len(view.roles) < 2:
        return None
    start, cell = filled[0]
    if len(row.cells) > 1 and cell.col_span < len(view.roles):
        read = [i for i, role in enumerate(view.roles) if role not in (None, SCORE)]
        if len(read) < 2:
            return None
        if not start <= read[0] <= read[-1] < start + cell.col_span and not _centred(
            row, view, start, cell
        ):
            return None
    return cell


def _centred(row: Row, view: TableView, start: int, cell: Cell) -> bool:
    """A lone cell between empty cells on both sides, straddling the columns of
    two roles: a title centred over the table, in no column of its own."""
    if row.cells[0] is cell or row.cells[-1] is cell:
        return False
    covered = view.roles[start : start + max(1, cell.col_span)]
    return len({role for role in covered if role not in (None, SCORE)}) > 1


def _group_below(view: TableView, below: list[Row], rules: RuleSet) -> bool | None:
    """What the rows under a spanning row are, up to the next one: None when
    there are none, True when they name compétences of their own (the spanning
    row is the level above them), False when they do not (it names theirs)."""
    columns = {i for i, role in enumerate(view.roles) if role == "competence"}
    group: bool | None = None
    for row in below:
        if _spanning_cell(row, view, rules) is not None:
            break
        group = False
        if any(col in columns and cell.blocks for col, cell in positions(row)):
            return True
    return group


def _held(state: State) -> bool:
    """Whether a bloc printed outside the table (a heading, the outline's
    level) holds the rows: no group row of the table's own."""
    bloc = state.bloc
    return bloc is not None and not is_implicit(bloc) and bloc.where.rule != GROUP_ROW


def _may_head_group(ctx: Context, state: State, units: list[Unit]) -> bool:
    """An unnamed spanning row may be a bloc: it is no cue, starts like a title
    (or a coded statement, :func:`_statement_code`), and no bloc printed outside
    the table holds it (it would be a level below)."""
    titled = units[0].text[:1].isupper() or ctx.rules.first("group-statement", units[0].text)
    if is_cue(ctx, units[0]) or not titled:
        return False
    return not _held(state)
