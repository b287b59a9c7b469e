"""Reading a table by column role (bloc, activité, compétence, critères, …).

Each body row is read cell by cell according to its column's role. A merged
cell is the same :class:`Cell` in every row it spans: its content is read once
(de-duplicated by identity) but it stays the row's context, so every row of a
merged compétence cell links its critères to that compétence. A row made of
one cell across the table is read by :mod:`.spanning`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..docmodel import Cell
from ..textclean import ends_lead_in, is_upper, label_text, starts_lower
from .activities import code_hit
from .checks import CHECKS, add_ticked, tick
from .competence_cells import (
    CODE_LIST,
    are_statements,
    are_sub_actions,
    bloc_for,
    coded_cell,
    is_connector,
    opened_by_heading,
)
from .content import (
    add_competence,
    add_modalites,
    bloc_of,
    competence_code,
    extend,
)
from .draft import (
    Context,
    DActivite,
    DBloc,
    DCompetence,
    TableView,
    Unit,
    Where,
    cell_units,
    norm_text,
    positions,
)
from .headunits import is_head_view, read_heads
from .modalites import is_link_table, read_link_table
from .outline_cells import outline_cell
from .series import moved_cells
from .spanning import spanning_row
from .state import State, open_bloc, outline_hit
from .table_lists import (
    list_for,
    read_criteres,
    read_details,
    read_indicateurs,
    read_lists,
    read_modalites,
)
from .table_rows import Row, continues, listed
from .unitcolumn import CODE_ROLE, TITLE_ROLE, read_coded_title, read_units

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
    if is_head_view(view):
        read_heads(ctx, view, state)
        return
    _bloc_column(ctx, view)
    seen: set[int] = set()
    previous: Row | None = None
    moved = moved_cells(view)
    headed: DCompetence | None = None
    for index, row in enumerate(view.body):
        if spanning_row(ctx, row, view, state, view.body[index + 1 :]):
            headed = state.competence if state.competence_headed else None
            previous = None if headed is not None else previous  # a new compétence's rows
            continue
        current = Row(headed=headed)
        for placed, cell in positions(row):
            column = moved.get(id(cell), placed)
            role = _role(view, column, cell)
            if role is None:
                continue
            current.columns[id(cell)] = column
            fresh = id(cell) not in seen
            seen.add(id(cell))
            current.cells.setdefault(role, []).append((cell, fresh))
        _codes_apart(ctx, current)
        if _link_row(ctx, view, current):
            continue
        if previous is not None and continues(ctx, current, previous):
            _continue_row(ctx, view, state, current, previous)
            continue
        for role in _ORDER:
            current.role = role
            for cell, fresh in current.cells.get(role, []):
                _READERS[role](ctx, view, state, current, cell, fresh)
            empty = not any(c.blocks for c, _ in current.cells.get(role, []))
            if role == "competence" and current.competence is None and previous and empty:
                current.competence = previous.competence  # empty key cell: same as above
        if current.competence is not None:
            current.competence.connaissances.extend(current.savoir_faire)
        if len({id(c) for c in row.cells if c.blocks}) > 1:
            _remember(ctx, view, current)
        previous = current
    add_ticked(view)


_MIN_UNITS = 2  # numbered units a column must name to be the bloc column


def _bloc_column(ctx: Context, view: TableView) -> None:
    """A column its header names no role for ("CAPACITÉS") whose every cell
    names a unit of the document's own bloc level ("C1 - s'informer", the
    outline's numbering, see :mod:`.outline`) is the bloc column, beside
    compétences the table names: the units are read where the table places them."""
    if "bloc" in view.roles or "competence" not in view.roles or _apc(ctx, view):
        return
    if ctx.outline.bloc is None:
        return
    for column, role in enumerate(view.roles):
        if role is not None:
            continue
        cells = {id(c): c for row in view.body for at, c in positions(row) if at == column}
        texts = [units[0].text for units in map(cell_units, cells.values()) if units]
        hits = [outline_hit(ctx.outline.bloc, text) for text in texts]
        if len(texts) >= _MIN_UNITS and all(hit is not None for hit in hits):
            view.roles[column] = "bloc"


def _apc(ctx: Context, view: TableView) -> bool:
    """A compétences column beside a "Composantes essentielles" one (the APC
    model's critères, ``apc-head`` rules): compétences each assessed as a
    whole, the blocs (contract, B.U.T. row) — the column is read as blocs."""
    if "criteres" not in view.roles or not view.body:
        return False
    at = next((i for i, row in enumerate(view.block.rows) if row is view.body[0]), 0)
    heads = [cell.text for row in view.block.rows[max(at - 2, 0) : at] for cell in row.cells]
    if not any(ctx.rules.first("apc-head", " ".join(text.split())) for text in heads):
        return False
    view.roles = ["bloc" if role == "competence" else role for role in view.roles]
    return True


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


_TITLED = ("bloc", "activite", "competence")  # roles whose code may be printed apart from the title


def _codes_apart(ctx: Context, row: Row) -> None:
    """A code alone in its cell, the title in the next cell of the same column
    group ("A1 | PRÉPARATION" under one spanning header), or in the cell
    before it ("S'INFORMER | C1"): the code prefixes the title
    (:func:`_titled_units`)."""
    for role in _TITLED:
        cells = row.cells.get(role, [])
        if len(cells) < 2:
            continue
        first, last = cells[0][0].text.strip(), cells[-1][0].text.strip()
        unread = role == "competence" and not competence_code(ctx, f"{first} _")
        if _bare_code(ctx, first) and unread:
            row.code = first  # a code no compétence numbering reads ("CO7.1"): as a code column's
            row.cells[role] = cells[1:]
        elif _bare_code(ctx, first):
            row.prefix[role] = first
            row.cells[role] = cells[1:]
        elif _bare_code(ctx, last):
            row.prefix[role] = last
            row.cells[role] = cells[:-1]


def _bare_code(ctx: Context, text: str) -> bool:
    """A numbering and nothing else ("C1.1", "A1", "2.")."""
    return bool(text) and len(text) <= 12 and ctx.rules.first("code-only", text) is not None


def _titled_units(ctx: Context, row: Row, cell: Cell) -> list[Unit]:
    """A cell's units, its code joined to its title when printed apart: on the
    line above ("C1.1" / "Prendre connaissance …"), or in the cell before."""
    units = cell_units(cell)
    if len(units) > 1 and _bare_code(ctx, units[0].text):
        units = [replace(units[1], text=f"{units[0].text.strip()} {units[1].text}"), *units[2:]]
    elif units and row.role in row.prefix:
        units[0] = replace(units[0], text=f"{row.prefix[row.role]} {units[0].text}")
    return units


def _link_row(ctx: Context, view: TableView, row: Row) -> bool:
    """A row of a correspondence table ("A1 | C1.1, C1.2"): an activité code
    and compétence codes only. It links them (kept for the ``code_links``
    stage) and makes no element."""
    texts = {}
    for role in ("activite", "competence"):
        units = [u for cell, _ in row.cells.get(role, []) for u in cell_units(cell)]
        texts[role] = " ".join(u.text for u in units)
    activite, competences = texts["activite"], texts["competence"]
    if not activite or not competences or not ctx.rules.first("code-only", activite):
        return False
    codes = [c for c in CODE_LIST.split(competences) if c]
    if not codes or not all(_is_code(ctx, code) for code in codes):
        return False
    for code in codes:
        ctx.draft.code_links.append(
            (" ".join(activite.split()), " ".join(code.split()), view.source)
        )
    return True


def _is_code(ctx: Context, text: str) -> bool:
    if ctx.rules.first("code-only", text):
        return True
    return any(rule.regex.fullmatch(text) for rule in ctx.rules.labelled("link-code"))


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
                    activite.libelle = f"{activite.libelle} {units[0].text}"
                    units = units[1:]
                extend(activite.taches, units, join=True)
            elif role == "competence" and comp is not None and starts_lower(units[0].text):
                if norm_text(units[0].text) not in norm_text(
                    comp.libelle
                ):  # not a repeated fragment
                    comp.libelle = f"{comp.libelle} {units[0].text}"
            elif role == "criteres" and (critere is None or not critere.indicateurs):
                row.competence = comp  # critères lines, no indicateurs: more critères
                read_criteres(ctx, view, state, row, cell, fresh)
            elif role in ("criteres", "indicateurs") and critere is not None:
                extend(critere.indicateurs, units, join=True)
            elif role == "modalites" and bloc is not None:
                add_modalites(ctx, bloc, units)
            elif role in ("connaissances", "conditions", "resultats"):
                row.competence = comp
                target = list_for(role, previous, view, state)
                if target is not None:
                    extend(target, units, join=True)


def _bloc(ctx: Context, view: TableView, state: State, row: Row, cell: Cell, fresh: bool) -> None:
    known = ctx.cells.get(id(cell))
    if isinstance(known, DBloc):
        state.bloc = known
        return
    units = cell_units(cell)
    if not units:
        return
    if blocs := outline_cell(ctx, state, units):
        row.blocs = blocs  # the row's épreuve assesses each of them
        ctx.made(cell, blocs[-1])
        return
    numbered = _numbered_bloc(ctx, units[0].text) if len(units) == 1 else None
    if numbered is not None:
        ctx.made(cell, numbered)
        state.bloc = numbered
        return
    bloc = open_bloc(ctx, state, _titled(ctx, state, units), "table.bloc", any_text=True)
    if bloc is not None:
        if bloc.code is None:
            bloc.code = row.prefix.get("bloc")  # printed in its own cell beside the title
        if bloc.code is None and (hit := ctx.rules.first("code-unit", bloc.libelle)):
            bloc.code = " ".join((hit.group("code") or "").split())  # "O1 - Caractériser …"
            bloc.libelle = hit.group("libelle") or bloc.libelle
        ctx.made(cell, bloc)


def _titled(ctx: Context, state: State, units: list[Unit]) -> list[Unit]:
    """A bloc cell printing its code alone, its title over the lines below
    ("C1 / S'INFORMER / ANALYSER"): the code, then the title's lines as one —
    parts joined by " - ", a line wrapped after a comma or before a small
    letter, or a sentence ended by its period, by a space."""
    hit = state.bloc_hit(ctx, units[0].text) if len(units) > 2 else None
    if hit is None or (hit.group("libelle") or "").strip():
        return units
    title = units[1].text
    for previous, unit in zip(units[1:], units[2:], strict=False):
        wrapped = previous.text.rstrip().endswith((",", "-", ".")) or starts_lower(unit.text)
        title = f"{title}{' ' if wrapped else ' - '}{unit.text}"
    return [units[0], replace(units[1], text=title)]


_NUMBER = re.compile(r"\d{1,3}")


def _numbered_bloc(ctx: Context, text: str) -> DBloc | None:
    """A bloc cell holding a number only ("3" under "Modules") names the bloc
    read before whose printed code ends with that number ("Module 3")."""
    text = text.strip().rstrip(".")
    if not _NUMBER.fullmatch(text):
        return None
    found = [
        b
        for b in ctx.draft.blocs
        if b.code and re.search(rf"(?<![\d.]){text}$", " ".join(b.code.split()))
    ]
    return found[0] if len(found) == 1 else None


def _activite(
    ctx: Context, view: TableView, state: State, row: Row, cell: Cell, fresh: bool
) -> None:
    known = ctx.cells.get(id(cell))
    if isinstance(known, DActivite):
        row.activite = known
        return
    units = _titled_units(ctx, row, cell)
    if not units:
        return
    first = units[0]
    hit = code_hit(ctx, first.text)
    described = hit is None and "taches" not in view.roles and _described(units)
    if described:
        units = units[:1]  # the lines under the title describe it: no tâches
    if hit is None and "taches" not in view.roles and _plain_lines(units):
        # a column of activités with no tâches column: one activité per line
        for unit in units:
            where = Where(unit.page, unit.line, "table.activite")
            ctx.draft.activites.append(DActivite(None, label_text(unit.text), where))
        row.activite = ctx.draft.activites[-1]
        ctx.made(cell, row.activite)
        return
    code = hit.group("code") if hit else None
    libelle = label_text(hit.group("libelle") or "") if hit else label_text(first.text)
    rule = hit.rule.id if hit else "table.activite"
    activite = DActivite(code, libelle, Where(first.page, first.line, rule))
    activite.taches.extend(u.text for u in units[1:])
    ctx.draft.activites.append(activite)
    ctx.made(cell, activite)
    row.activite = activite


def _described(units: list[Unit]) -> bool:
    """An activité cell (no tâches column) whose title is printed in capitals
    over lines in sentence case: the activité and its description."""
    return (
        len(units) > 1 and is_upper(units[0].text) and not any(is_upper(u.text) for u in units[1:])
    )


def _plain_lines(units: list[Unit]) -> bool:
    """Several lines alike: no list item, no bold title line, no lead-in."""
    return len(units) > 1 and not any(u.is_item or u.bold or ends_lead_in(u.text) for u in units)


def _taches(ctx: Context, view: TableView, state: State, row: Row, cell: Cell, fresh: bool) -> None:
    if fresh and row.activite is not None:
        row.activite.taches.extend(u.text for u in cell_units(cell))


def _competence(
    ctx: Context, view: TableView, state: State, row: Row, cell: Cell, fresh: bool
) -> None:
    known = ctx.cells.get(id(cell))
    if isinstance(known, DCompetence):
        row.competence = known
        row.listed = view.coded_lists.get(id(cell), [])  # the rows a cell of codes spans
    elif isinstance(known, DBloc):
        state.bloc = known
    else:
        units = listed(
            ctx, [u for u in _titled_units(ctx, row, cell) if not _bare_code(ctx, u.text)]
        )
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
        if state.bloc_hit(ctx, units[0].text) is not None and not _in_series(state, units[0].text):
            # a synthesis table's compétences column naming the units of the bloc level
            bloc = open_bloc(ctx, state, units, "table.bloc-mention")
            if bloc is not None:
                ctx.made(cell, bloc)
            return
        linked = coded_cell(ctx, state, units)
        if linked:
            row.competence, row.linked = linked[0], linked
            return
        coded = [u for u in units if competence_code(ctx, u.text) is not None]
        statements = view.statements and not coded and are_statements(units)
        several = len(units) > 1 and (
            all(u.is_item for u in units)
            or (len(coded) >= 2 and all(u in coded or is_connector(u) for u in units))
        )
        if several and not all(u.is_item for u in units):
            units = coded  # "Et au choix :", "Ou" between coded alternatives: no compétence
        several = several or statements
        details: list[Unit] = []
        if not several and (
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
            units = [replace(units[0], text=" ".join(u.text for u in units))]
        comps: list[DCompetence] = []
        for unit in units if several else units[:1]:
            bloc = bloc_for(ctx, state, unit.text)
            comp = add_competence(
                ctx,
                bloc,
                unit,
                view.source,
                from_list=several,
                rule="table.competence",
                own=view.statements,
            )
            if comp is not None:
                comps.append(comp)
        if not comps:
            return
        comps[-1].details.extend(u.text for u in details)
        row.listed = comps if several else []
        if several and len(coded) == len(units):
            view.coded_lists[id(cell)] = comps
        if row.code and len(comps) == 1 and not comps[0].codes:
            comps[0].codes.append((row.code, view.source))  # the code column's number
        row.competence = comps[-1]
        ctx.made(cell, comps[-1])
        owner = bloc_of(ctx, comps[-1])
        if owner is not None and not opened_by_heading(ctx, state.bloc):
            state.bloc = owner  # a compétence named again moves no bloc a heading opened
    _link_activite(row)


def _in_series(state: State, text: str) -> bool:
    """Whether ``text`` is coded below the current bloc's code ("C1 …" under a
    bloc "C"): a compétence of that bloc, not another bloc's mention."""
    code = state.bloc.code if state.bloc is not None else None
    return code is not None and text.startswith(code) and text[len(code) : len(code) + 1].isdigit()


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


def _title_apart(units: list[Unit]) -> bool:
    """A cell whose first line alone is set in bold, over lines in the body
    type (\"Cibler et prospecter la clientèle\" / \"Analyser un portefeuille
    clients\"): typography makes that line the statement and the others its
    savoir-faire."""
    return len(units) > 1 and units[0].bold and not any(u.bold for u in units[1:])


def _judged(view: TableView) -> bool:
    """Whether the table judges each row (a column of critères, indicateurs or
    résultats beside the compétence)."""
    return any(role in ("criteres", "indicateurs", "resultats") for role in view.roles)


def _link_activite(row: Row) -> None:
    """An activity and a compétence on the same row are linked."""
    activite, comp = row.activite, row.competence
    if activite is None or comp is None or not activite.code:
        return
    if activite.code not in comp.activites:
        comp.activites.append(activite.code)


def _transversales(
    ctx: Context, view: TableView, state: State, row: Row, cell: Cell, fresh: bool
) -> None:
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


def _code(ctx: Context, view: TableView, state: State, row: Row, cell: Cell, fresh: bool) -> None:
    """A code column ('N°'): a bare code is the code of the row's compétence."""
    text = " ".join(u.text for u in cell_units(cell)).strip().rstrip(".):")
    if fresh and _bare_code(ctx, text):
        row.code = text


def _checks(ctx: Context, view: TableView, state: State, row: Row, cell: Cell, fresh: bool) -> None:
    """A check mark under a modality's column: the row's bloc is evaluated by it."""
    text = " ".join(u.text for u in cell_units(cell))
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
    if fresh and codes and codes[0]:
        read_coded_title(ctx, state, codes[0], cell, view.source)


_READERS = {
    "code": _code,
    TITLE_ROLE: _unit_title,
    CHECKS: _checks,
    "bloc": _bloc,
    "unit": _unit,
    "activite": _activite,
    "taches": _taches,
    "competence": _competence,
    "transversales": _transversales,
    "connaissances": read_lists,
    "conditions": read_lists,
    "resultats": read_lists,
    "modalites": read_modalites,
    "details": read_details,
    "criteres": read_criteres,
    "indicateurs": read_indicateurs,
}
