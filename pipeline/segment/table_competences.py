"""The compétence and transversal compétence columns of a role table (read
cell by cell by :mod:`.tables`): a cell's compétences, one or several, their
details, and the bloc a compétence named again belongs to."""

from __future__ import annotations

import re
from dataclasses import replace

from ..docmodel import Cell
from ..nlp import is_action
from ..textclean import ends_lead_in, label_text, starts_lower
from .bloc_extension import bloc_extensions
from .cell_series import cell_series
from .competence_cells import (
    action_lines,
    are_statements,
    are_sub_actions,
    bloc_for,
    coded_cell,
    coded_siblings,
    is_connector,
    opened_by_heading,
    parallel_actions,
)
from .content import add_competence, bloc_of, competence_code
from .draft import Context, DBloc, DCompetence, TableView, Unit, Where, cell_units, units_text
from .nested_columns import sub_coded
from .state import State, open_bloc
from .table_codes import bare_code, titled_units
from .table_rows import Row, listed


def read_competence(
    ctx: Context, view: TableView, state: State, row: Row, cell: Cell, fresh: bool
) -> None:
    """A compétence cell: the compétences it states, or the bloc it names."""
    if (known := ctx.known(cell, DCompetence)) is not None:
        row.competence = known
        row.listed = view.coded_lists.get(id(cell), [])  # the rows a cell of codes spans
    elif (bloc := ctx.known(cell, DBloc)) is not None:
        state.bloc = bloc
    else:
        units = listed(ctx, _carried(ctx, view, titled_units(ctx, row, cell)))
        if not units:
            return
        if row.headed is not None and not any(competence_code(ctx, u.text) for u in units):
            row.competence = row.headed  # its savoir-faire, under the row that heads it
            if "connaissances" in view.roles:  # beside its savoirs: what it requires,
                row.savoir_faire.extend(u.text for u in units)  # after them (row's end)
            else:
                row.headed.details.extend(u.text for u in units)
            ctx.made(cell, row.headed)
            return
        if extended := bloc_extensions(state.bloc, units):
            _read_extensions(ctx, view, state, row, cell, extended)
            return
        if state.bloc_hit(ctx, units[0].text) is not None and not _in_series(state, units[0].text):
            # a synthesis table's compétences column naming the units of the bloc level
            opened = open_bloc(ctx, state, units, "table.bloc-mention")
            if opened is not None:
                ctx.made(cell, opened)
            return
        linked = coded_cell(ctx, state, units)
        if linked:
            row.competence, row.linked = linked[0], linked
            return
        coded = coded_siblings(ctx, units, [u for u in units if competence_code(ctx, u.text)])
        series = None if coded else cell_series(units)
        if series:  # numbered by a code series of the cell's own, citations left out
            units = coded = [u for u in units if id(u) in series]
        statements = not coded and (
            (view.statements and are_statements(units))
            or parallel_actions(units)
            or (_units_beside(view) and not _title_apart(units) and action_lines(units))
        )
        several = len(units) > 1 and (
            all(u.is_item for u in units)
            or (len(coded) >= 2 and all(u in coded or is_connector(u) for u in units))
        )
        if several and not all(u.is_item for u in units):
            units = coded  # "Et au choix :", "Ou" between coded alternatives: no compétence
        several = several or statements
        details: list[Unit] = []
        if several and _objects_below(ctx, units):
            several, units, details = False, units[:1], units[1:]
        elif not several and (
            are_sub_actions(ctx, units) or _savoir_faire_below(ctx, units) or _title_apart(units)
        ):
            # a coded (or typeset) statement over the sub-actions that detail it: the statement
            units, details = units[:1], units[1:]
        elif not several and (
            any(u.is_item or starts_lower(u.text) for u in units[1:])
            or (not coded and _judged(view))
        ):
            # one statement with its details on the lines below (sub-items, a
            # run-on, a second sentence when the row's critères judge them as one)
            units = [replace(units[0], text=units_text(units))]
        comps: list[DCompetence] = []
        for unit in units if several else units[:1]:
            comp = add_competence(
                ctx,
                bloc_for(ctx, state, unit.text),
                unit,
                view.source,
                from_list=several,
                rule="table.competence",
                own=view.statements,
                coded=series.get(id(unit)) if series else None,
            )
            if comp is not None:
                comps.append(comp)
        if not comps:
            return
        comps[-1].details.extend(u.text for u in details)
        head = sub_coded(comps)  # "A1 C1" over "A1 C1.1 …": the row states its head
        row.listed = comps if several and head is None else []
        if several and len(coded) == len(units) and head is None:
            view.coded_lists[id(cell)] = comps
        if row.code and len(comps) == 1 and not comps[0].codes:
            comps[0].codes.append((row.code, view.source))  # the code column's number
        row.competence = head or comps[-1]
        ctx.made(cell, row.competence)
        owner = bloc_of(ctx, comps[-1])
        if owner is not None and not opened_by_heading(ctx, state.bloc):
            state.bloc = owner  # a compétence named again moves no bloc a heading opened
    _link_activite(row)


def _carried(ctx: Context, view: TableView, units: list[Unit]) -> list[Unit]:
    """A cell's units without its bare codes. A code left alone at the end of
    a cell of coded statements, with no title under it, is the code of the
    title the next compétence cell opens on (a converter cut the row between
    them: "C2-1 Identifier …" / "C2-2" | "Identifier les chaines …")."""
    carried, view.carried_code = view.carried_code, None
    kept = [u for u in units if not bare_code(ctx, u.text)]
    if len(units) > 1 and kept and bare_code(ctx, units[-1].text):
        view.carried_code = units[-1].text.strip()
    if carried and kept and competence_code(ctx, kept[0].text) is None:
        kept[0] = replace(kept[0], text=f"{carried} {kept[0].text}")
    return kept


def _read_extensions(
    ctx: Context,
    view: TableView,
    state: State,
    row: Row,
    cell: Cell,
    extended: list[tuple[Unit, tuple[str, str]]],
) -> None:
    """A cell of compétences coded by their bloc's code extended ("D1.1 : …"):
    one compétence a line, each with its code, in the row's bloc."""
    several = len(extended) > 1
    comps: list[DCompetence] = []
    for unit, coded in extended:
        comp = (
            add_competence(
                ctx,
                state.bloc,
                unit,
                view.source,
                from_list=several,
                rule="table.bloc-extension",
                coded=coded,
            )
            if state.bloc is not None
            else None
        )
        if comp is not None:
            comps.append(comp)
    if not comps:
        return
    row.competence, row.listed = comps[-1], comps if several else []
    ctx.made(cell, comps[-1])
    _link_activite(row)


def _in_series(state: State, text: str) -> bool:
    """Whether ``text`` is coded below the current bloc's code ("C1 …" under a
    bloc "C", "A1 C1 …" under a bloc "A1"): a compétence of that bloc, not
    another bloc's mention."""
    code = state.bloc.code if state.bloc is not None else None
    return code is not None and text.startswith(code) and bool(_BELOW.match(text[len(code) :]))


_BELOW = re.compile(r"\d|\s?[^\W\d_]{1,3}\s?\d")  # a digit, or a code of its own after it


def _savoir_faire_below(ctx: Context, units: list[Unit]) -> bool:
    """A coded compétence line followed by a sentence of its own (a paragraph
    starting with a capital, "1.14 Mettre en place …" / "Agencer …"): the
    lines below are its savoir-faire, whatever items they hold."""
    return (
        len(units) > 1
        and competence_code(ctx, units[0].text) is not None
        and not units[1].is_item
        and not starts_lower(units[1].text)
    )


def _objects_below(ctx: Context, units: list[Unit]) -> bool:
    """An uncoded item closed by a colon over items that state no ability
    ("Mise sur plats :" / "Des morceaux … de bœuf"): one savoir-faire and
    what it is practised on, its details."""
    head, rest = units[0], units[1:]
    if not rest or not ends_lead_in(head.text) or competence_code(ctx, head.text):
        return False
    return ctx.options.use_nlp and not any(is_action(u.text) for u in rest)


def _title_apart(units: list[Unit]) -> bool:
    """A cell whose first line alone is set in bold, over lines in the body
    type (\"Cibler et prospecter la clientèle\" / \"Analyser un portefeuille
    clients\"): typography makes that line the statement and the others its
    savoir-faire."""
    return len(units) > 1 and units[0].bold and not any(u.bold for u in units[1:])


def _units_beside(view: TableView) -> bool:
    """Whether a column to the left names the units the compétence cells detail
    and no column judges them ("Compétences communes | Compétences détaillées"):
    the units' titles stand in their own column, so no line of a compétence cell
    is a title over the others (as the first line of a cell is where the table
    names no unit: "Assurer la veille informationnelle" over its savoir-faire)."""
    roles = view.roles
    return (
        "bloc" in roles
        and "competence" in roles
        and roles.index("bloc") < roles.index("competence")
        and not _judged(view)
    )


def _judged(view: TableView) -> bool:
    """Whether the table judges each row (a column of critères, indicateurs or
    résultats beside the compétence)."""
    return any(role in ("criteres", "indicateurs", "resultats") for role in view.roles)


def _link_activite(row: Row) -> None:
    """An activity and the compétences on the same row are linked (every
    compétence of a cell that lists several, not only the last)."""
    activite = row.activite
    if activite is None or not activite.code:
        return
    comps = row.linked or row.listed or ([row.competence] if row.competence is not None else [])
    for comp in comps:
        if activite.code not in comp.activites:
            comp.activites.append(activite.code)


def read_transversales(
    ctx: Context, view: TableView, state: State, row: Row, cell: Cell, fresh: bool
) -> None:
    """A transversal compétences cell: one compétence transversale a line."""
    if not fresh:
        return
    for unit in cell_units(cell):
        ctx.draft.transversales.append(transversal(ctx, unit, view.source, "table.transversales"))


def transversal(ctx: Context, unit: Unit, source: int, rule: str) -> DCompetence:
    """A compétence transversale from one unit (its code, when printed, kept)."""
    hit = competence_code(ctx, unit.text)
    libelle = label_text(hit.group("libelle") or "") if hit else label_text(unit.text)
    comp = DCompetence(libelle, Where(unit.page, unit.line, hit.rule.id if hit else rule))
    if hit:
        comp.codes.append((hit.group("code") or "", source))
    return comp
