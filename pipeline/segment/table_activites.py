"""The activité and tâches columns of a role table (read cell by cell by
:mod:`.tables`)."""

from __future__ import annotations

from ..docmodel import Cell
from ..textclean import ends_lead_in, is_upper, label_text
from .activities import code_hit
from .cited_groups import open_group
from .draft import (
    Context,
    DActivite,
    TableView,
    Unit,
    Where,
    cell_units,
    norm_text,
    role_cells,
)
from .state import State
from .table_codes import titled_units
from .table_rows import Row


def read_activite(
    ctx: Context, view: TableView, state: State, row: Row, cell: Cell, fresh: bool
) -> None:
    """An activité cell: one activité (coded or not) with its tâches, or one
    activité per line of a column of plain lines."""
    if (known := ctx.known(cell, DActivite)) is not None:
        row.activite = known
        return
    units = titled_units(ctx, row, cell)
    if not units:
        return
    if open_group(ctx, state, units):
        return  # the référentiel d'activités' group again over its items: the grid's bloc
    grouped = _grouped(ctx, units)
    if grouped:
        # a group of activités over its activités: one activité per line
        for unit in grouped:
            line = code_hit(ctx, unit.text)
            code = line.group("code") if line else None
            libelle = label_text((line.group("libelle") or "") if line else unit.text)
            where = Where(unit.page, unit.line, line.rule.id if line else "table.activite")
            ctx.draft.activites.append(DActivite(code, libelle, where))
        row.activite = ctx.draft.activites[-1]
        ctx.made(cell, row.activite)
        return
    if len(units) > 1 and all(code_hit(ctx, u.text) for u in units):
        # a column of coded activités, one per line ("— A1.1 …", "— A1.2 …")
        for unit in units:
            line = code_hit(ctx, unit.text)
            where = Where(unit.page, unit.line, line.rule.id if line else "table.activite")
            libelle = (line.group("libelle") or "") if line else unit.text
            code = line.group("code") if line else None
            ctx.draft.activites.append(DActivite(code, label_text(libelle), where))
        row.activite = ctx.draft.activites[-1]
        ctx.made(cell, row.activite)
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
    rest = units[1:]
    if hit is not None and "taches" not in view.roles and _continued(ctx, view, rest):
        libelle, rest = " ".join([libelle, *(u.text for u in rest)]), []
    activite = DActivite(code, libelle, Where(first.page, first.line, rule))
    activite.taches.extend(_uncoded(ctx, u.text) for u in rest)
    ctx.draft.activites.append(activite)
    ctx.made(cell, activite)
    row.activite = activite


def _grouped(ctx: Context, units: list[Unit]) -> list[Unit]:
    """The activités of a cell headed by the group they belong to ("Domaine
    d'activités 1 :" and its bold title over bullet items or "Activité 1.1. …"
    lines: the BTS synthesis tables): the lines under the heading and its
    title; empty for any other cell."""
    if len(units) < 2 or ctx.rules.first("activity-group", units[0].text) is None:
        return []
    rest = units[1:]
    while rest and rest[0].bold and not rest[0].is_item:
        rest = rest[1:]  # the group's title, printed on the lines after its number
    return rest


def _described(units: list[Unit]) -> bool:
    """An activité cell (no tâches column) whose title is printed in capitals
    over lines in sentence case: the activité and its description."""
    return (
        len(units) > 1 and is_upper(units[0].text) and not any(is_upper(u.text) for u in units[1:])
    )


def _continued(ctx: Context, view: TableView, rest: list[Unit]) -> bool:
    """The paragraphs under a coded activité's title, in a table with no
    tâches column, go on with the activité when none is a list item, a bold
    title or a lead-in, and the column prints its finer level in rows of its
    own (a row "1.2", then a row "1.2.1"): the cell holds no level below."""
    if not rest or any(u.is_item or u.bold or ends_lead_in(u.text) for u in rest):
        return False
    codes = set(_column_codes(ctx, view))
    return any(code.rsplit(".", 1)[0] in codes for code in codes if "." in code)


def _column_codes(ctx: Context, view: TableView) -> list[str]:
    """The codes opening the activité column's cells, their final stops left out."""
    codes = []
    for row in view.body:
        for cell in role_cells(view, row, "activite"):
            units = cell_units(cell)
            hit = code_hit(ctx, units[0].text) if units else None
            if hit is not None:
                codes.append("".join((hit.group("code") or "").split()).rstrip("."))
    return codes


def _plain_lines(units: list[Unit]) -> bool:
    """Several lines alike: no list item, no bold title line, no lead-in."""
    return len(units) > 1 and not any(u.is_item or u.bold or ends_lead_in(u.text) for u in units)


def read_taches(
    ctx: Context, view: TableView, state: State, row: Row, cell: Cell, fresh: bool
) -> None:
    """A tâches cell: the tâches of the row's activité. In a table with no
    activité column, read where no activité was named (the activités types'
    summary left out of the text), the table itself is one unnamed activité."""
    if row.activite is None and "activite" not in view.roles and state.activite is None:
        row.activite = ctx.known(view.block, DActivite) or _named_above(ctx, view)
        units = cell_units(cell)
        if row.activite is None and fresh and units:
            row.activite = DActivite(None, "", Where(units[0].page, units[0].line, "table.taches"))
            ctx.draft.activites.append(row.activite)
            ctx.made(view.block, row.activite)
    if fresh and row.activite is not None:
        known = {norm_text(t) for t in row.activite.taches}
        for unit in cell_units(cell):
            text = _uncoded(ctx, unit.text)
            if norm_text(text) not in known:  # a detail table repeats the summary's
                row.activite.taches.append(text)


def _uncoded(ctx: Context, text: str) -> str:
    """A tâche as printed, without its code (rule ``code-tache``, "T1.2 …")."""
    hit = ctx.rules.first("code-tache", text)
    return (hit.group("libelle") or text) if hit is not None else text


def _named_above(ctx: Context, view: TableView) -> DActivite | None:
    """The activité the line just above a table names by its code ("1 -
    Préparer son activité" over a table detailing its tâches), when the
    référentiel d'activités already holds an activité of that code."""
    at = next((i for i, u in enumerate(ctx.units) if u.table is view), None)
    if not at:
        return None
    above = ctx.units[at - 1]
    hit = code_hit(ctx, above.text) if above.section == "activites" else None
    code = hit.group("code") if hit is not None else None
    found = (a for a in ctx.draft.activites if code and a.code == code)
    activite = next(found, None)
    if activite is not None:
        ctx.made(view.block, activite)
    return activite
