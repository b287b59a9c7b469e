"""Codes in a role table's cells: a code printed in its own cell or line apart
from its title, a code column ('N°'), and the rows of a correspondence table
that only link codes (read by :mod:`.tables`)."""

from __future__ import annotations

from dataclasses import replace

from ..docmodel import Cell
from .competence_cells import CODE_LIST
from .content import competence_code
from .draft import Context, TableView, Unit, cell_text, cell_units, units_text
from .state import State
from .table_rows import Row

_TITLED = ("bloc", "activite", "taches", "competence")  # roles whose code may be printed apart


def bare_code(ctx: Context, text: str) -> bool:
    """A numbering and nothing else ("C1.1", "A1", "2.")."""
    return bool(text) and len(text) <= 12 and ctx.rules.first("code-only", text) is not None


def codes_apart(ctx: Context, row: Row) -> None:
    """A code alone in its cell, the title in the next cell of the same column
    group ("A1 | PRÉPARATION" under one spanning header), or in the cell
    before it ("S'INFORMER | C1"): the code prefixes the title
    (:func:`titled_units`)."""
    for role in _TITLED:
        cells = row.cells.get(role, [])
        if len(cells) < 2:
            continue
        first, last = cells[0][0].text.strip(), cells[-1][0].text.strip()
        unread = role == "competence" and not competence_code(ctx, f"{first} _")
        if bare_code(ctx, first) and unread:
            row.code = first  # a code no compétence numbering reads ("CO7.1"): as a code column's
            row.cells[role] = cells[1:]
        elif bare_code(ctx, first):
            row.prefix[role] = first
            row.cells[role] = cells[1:]
        elif bare_code(ctx, last):
            row.prefix[role] = last
            row.cells[role] = cells[:-1]


def titled_units(ctx: Context, row: Row, cell: Cell) -> list[Unit]:
    """A cell's units, its code joined to its title when printed apart: on the
    line above ("C1.1" / "Prendre connaissance …", each code of a cell that
    opens on one), or in the cell before."""
    units = cell_units(cell)
    if len(units) > 1 and bare_code(ctx, units[0].text):
        units = _codes_joined(ctx, units)
    elif units and row.role in row.prefix:
        units[0] = replace(units[0], text=f"{row.prefix[row.role]} {units[0].text}")
    return units


def _codes_joined(ctx: Context, units: list[Unit]) -> list[Unit]:
    """Each code alone on its line joined to the title on the line below it."""
    out: list[Unit] = []
    at = 0
    while at < len(units):
        unit = units[at]
        below = units[at + 1] if at + 1 < len(units) else None
        if below is not None and bare_code(ctx, unit.text) and not bare_code(ctx, below.text):
            out.append(replace(below, text=f"{unit.text.strip()} {below.text}"))
            at += 2
            continue
        out.append(unit)
        at += 1
    return out


def link_row(ctx: Context, view: TableView, row: Row) -> bool:
    """A row of a correspondence table ("A1 | C1.1, C1.2"): an activité code
    and compétence codes only. It links them (kept for the ``code_links``
    stage) and makes no element."""
    texts = {}
    for role in ("activite", "competence"):
        units = [u for cell, _ in row.cells.get(role, []) for u in cell_units(cell)]
        texts[role] = units_text(units)
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


def read_code(
    ctx: Context, view: TableView, state: State, row: Row, cell: Cell, fresh: bool
) -> None:
    """A code column ('N°'): a bare code is the code of the row's compétence."""
    text = cell_text(cell).strip().rstrip(".):")
    if fresh and bare_code(ctx, text):
        row.code = text
