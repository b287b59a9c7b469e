"""The bloc column of a role table: which column names the blocs when no
header says so, and each bloc cell read (read cell by cell by :mod:`.tables`)."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import takewhile

from ..docmodel import Cell
from ..textclean import ends_lead_in, ends_sentence, starts_lower
from .content import add_competence, competence_code
from .draft import Context, DBloc, TableView, Unit, cell_units, positions
from .nested_columns import open_coded
from .numbering import numbered
from .outline_cells import outline_cell
from .parent_column import numbers_parents, parent_number
from .state import State, open_bloc, outline_hit
from .table_rows import Row

_MIN_UNITS = 2  # numbered units a column must name to be the bloc column


def bloc_column(ctx: Context, view: TableView) -> None:
    """A column its header names no role for ("CAPACITÉS") whose every cell
    names a unit of the document's own bloc level ("C1 - s'informer", the
    outline's numbering, see :mod:`.outline`) is the bloc column, beside
    compétences the table names: the units are read where the table places them."""
    if "bloc" in view.roles or "competence" not in view.roles or _apc(ctx, view):
        return
    for column, role in enumerate(view.roles):
        if role is not None:
            continue
        cells = {id(c): c for row in view.body for at, c in positions(row) if at == column}
        texts = [units[0].text for units in map(cell_units, cells.values()) if units]
        hits = [outline_hit(ctx.outline.bloc, text) for text in texts]
        if len(texts) < _MIN_UNITS:
            continue
        if all(hit is not None for hit in hits):
            view.roles[column] = "bloc"
        elif numbers_parents(view, column):
            view.roles[column], view.parents = "bloc", True


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


def read_bloc(
    ctx: Context, view: TableView, state: State, row: Row, cell: Cell, fresh: bool
) -> None:
    """A bloc cell: the bloc it names, opened or found again."""
    if (known := ctx.known(cell, DBloc)) is not None:
        state.bloc = known
        return
    if (coded := open_coded(ctx, state, view, cell)) is not None:
        ctx.made(cell, coded)
        return
    units = cell_units(cell)
    if not units:
        return
    if blocs := outline_cell(ctx, state, units):
        row.blocs = blocs  # the row's épreuve assesses each of them
        ctx.made(cell, blocs[-1])
        return
    by_number = _numbered_bloc(ctx, units[0].text) if len(units) == 1 else None
    if by_number is not None:
        ctx.made(cell, by_number)
        state.bloc = by_number
        return
    heading, listed = _titled(ctx, state, units)
    if "competence" in view.roles:
        heading, listed = _stacked_title(ctx, state, heading, listed)
    bloc = open_bloc(ctx, state, heading, "table.bloc", any_text=True)
    if bloc is not None:
        if bloc.code is None:
            bloc.code = row.prefix.get("bloc")  # printed in its own cell beside the title
        if bloc.code is None and view.parents and (bare := parent_number(bloc.libelle)):
            bloc.code, bloc.libelle = bare  # "1. Exerce …": the number the compétences extend
        if bloc.code is None and (hit := ctx.rules.first("code-unit", bloc.libelle)):
            bloc.code = " ".join((hit.group("code") or "").split())  # "O1 - Caractériser …"
            bloc.libelle = hit.group("libelle") or bloc.libelle
        ctx.made(cell, bloc)
        if "competence" not in view.roles and not units[0].is_item:
            _listed_abilities(ctx, state, bloc, listed, units[0].bold)


def _listed_abilities(
    ctx: Context, state: State, bloc: DBloc, units: list[Unit], bold_title: bool
) -> None:
    """The list under a bloc's title in its own cell, in a table naming no
    compétences column ("Bloc n°1 – …" over "- Analyser un système …"): the
    bloc's compétences (contract: the abilities listed inside the unit). Under
    a bold title the list may be plain lines, one ability a line, none a
    sentence (the NDRC synthesis table); a lead-in over the items ("Appréhender
    et réaliser un message écrit :") groups them, no ability of its own."""
    if len(units) > 1 and ends_lead_in(units[0].text) and all(u.is_item for u in units[1:]):
        units = units[1:]
    plain = bold_title and all(not u.bold and not ends_sentence(u.text) for u in units)
    if not units or not (plain or all(unit.is_item for unit in units)):
        return
    for unit in units:
        add_competence(ctx, bloc, unit, state.source, from_list=True, rule="table.bloc-list")


def _titled(ctx: Context, state: State, units: list[Unit]) -> tuple[list[Unit], list[Unit]]:
    """A bloc cell's heading (the units naming the bloc) and the units listed
    under it. A cell printing its code alone, its title over the lines below
    ("C1 / S'INFORMER / ANALYSER"), is headed by the code, then the title's lines
    as one — parts joined by " - ", a line wrapped after a comma or before a small
    letter, or a sentence ended by its period, by a space; the list under the
    title ("Bloc de compétences 1 :" / its title / "• Vendre" …) follows it.
    A cell of two lines, a worded code alone over one title line ("CC1 :" /
    "S'informer sur …"), is one heading: the code and its title.
    Any other cell is its heading, its units after the first listed under it."""
    lone = numbered(units[0].text) if len(units) == _MIN_UNITS and not units[1].is_item else None
    if lone is not None and lone.word and not lone.title:
        return [replace(units[1], text=f"{units[0].text.strip()} {units[1].text}")], []
    hit = state.bloc_hit(ctx, units[0].text) if len(units) > 2 else None
    lines = list(takewhile(lambda unit: not unit.is_item, units[1:]))
    if hit is None or (hit.group("libelle") or "").strip() or not lines:
        return units, units[1:]
    title = lines[0].text
    for previous, unit in zip(lines, lines[1:], strict=False):
        wrapped = previous.text.rstrip().endswith((",", "-", ".")) or starts_lower(unit.text)
        title = f"{title}{' ' if wrapped else ' - '}{unit.text}"
    return [units[0], replace(units[1], text=title)], units[1 + len(lines) :]


def _stacked_title(
    ctx: Context, state: State, heading: list[Unit], listed: list[Unit]
) -> tuple[list[Unit], list[Unit]]:
    """Beside a column of their own for the compétences, a bloc cell lists
    none: a coded title line over short plain lines, none coded, an item or a
    sentence ("C4 S'informer" / "Informer" / "Communiquer", one word a line),
    prints its title over several lines — joined, by a space, into one."""
    first = heading[0]
    hit = state.bloc_hit(ctx, first.text)
    if len(heading) != 1 + len(listed) or not listed or hit is None:
        return heading, listed
    if not (hit.group("libelle") or "").strip():
        return heading, listed
    for unit in listed:
        text = unit.text.strip()
        if unit.is_item or ends_sentence(text) or len(text.split()) > _STACKED_WORDS:
            return heading, listed
        if state.bloc_hit(ctx, text) or competence_code(ctx, text):
            return heading, listed
    title = " ".join([first.text.strip(), *(unit.text.strip() for unit in listed)])
    return [replace(first, text=title)], []


_STACKED_WORDS = 3  # a stacked title's line is a word or two ("Informer"), not a statement
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
