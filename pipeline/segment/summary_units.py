"""Stage ``summary-units``: the units a summary table alone gives.

A summary table (a training's « objectifs / savoirs / durée » synthesis) lists
the blocs row by row, each row's first cell opening with a code of the body's
bloc series ("1re partie" beside the body's "1re Partie : …"), and in a cell
of its own the list of the bloc's compétences. Its entries are references
(contract: summaries are references) where the body prints the same units;
an excerpt or a form may leave units out of the body, and then the summary is
the only place they exist: they are units, not references.

Evidence that a table is such a summary: at least one row's code is the code
of a bloc of the body, and at least one of its list items names a compétence
the body gives that bloc (so the list is the compétence level, not a list of
topics). Then each row whose code has the shape of the body's bloc codes
(same unit word, another number) gives its bloc (the body's, or a new one:
code and the cell's other lines as libellé) and each list item no compétence
of that bloc matches is a compétence of it. A unit kept this way is warned
``SOMMAIRE_ONLY``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..docmodel import Block, Kind
from .draft import (
    Context,
    DBloc,
    DCompetence,
    Unit,
    Where,
    cell_units,
    code_key,
    positions,
    similar,
    units_text,
)

_NUMBER = re.compile(r"\d+(?:ere|er|re|eme|e)?")  # a code's number, its ordinal suffix with it


@dataclass(frozen=True)
class _Row:
    """A summary row: its code, the other lines of its first cell, its list items."""

    code: Unit
    libelle: str
    items: list[Unit]


def summary_units(ctx: Context) -> None:
    """Add the blocs and compétences only a summary table gives."""
    blocs = [b for b in ctx.draft.blocs if b.code]
    if not blocs:
        return
    shapes = {_shape(b.code or "") for b in blocs}
    for block in ctx.document.blocks:
        if block.kind is not Kind.TABLE:
            continue
        rows = _rows(block, shapes)
        if rows and _is_summary(rows, blocs):
            _add(ctx, rows)


def _shape(code: str) -> str:
    """A code with its number folded ("1re Partie", "3e partie :" → "#partie")."""
    return _NUMBER.sub("#", code_key(code))


def _rows(table: Block, shapes: set[str]) -> list[_Row]:
    """The rows whose first cell opens with a code of the body's bloc shape and
    whose other cells hold list items."""
    rows: list[_Row] = []
    for row in table.rows:
        cells = [cell_units(cell) for _, cell in positions(row)]
        first = cells[0] if cells else []
        if not first or "#" not in _shape(first[0].text) or _shape(first[0].text) not in shapes:
            continue
        items = [u for units in cells[1:] for u in units if u.is_item]
        if items:
            libelle = units_text(first[1:])
            rows.append(_Row(first[0], libelle, items))
    return rows


def _is_summary(rows: list[_Row], blocs: list[DBloc]) -> bool:
    """Whether a row names a body bloc and one of its items a compétence of it."""
    for row in rows:
        bloc = _bloc(blocs, row.code.text)
        if bloc is not None and any(_named(bloc, item.text) for item in row.items):
            return True
    return False


def _add(ctx: Context, rows: list[_Row]) -> None:
    blocs = ctx.draft.blocs
    for row in rows:
        bloc = _bloc(blocs, row.code.text)
        if bloc is None:
            code = row.code.text.rstrip(" :.")
            bloc = DBloc(code, row.libelle, Where(*row.code.where, "summary.unit", row.code.bbox))
            blocs.append(bloc)
            _warn(ctx, code, row.code)
        for item in row.items:
            if not _named(bloc, item.text):
                where = Where(*item.where, "summary.item", item.bbox)
                bloc.competences.append(DCompetence(item.text, where, from_list=True))
                _warn(ctx, item.text, item)


def _bloc(blocs: list[DBloc], code: str) -> DBloc | None:
    key = code_key(code)
    return next((b for b in blocs if b.code and code_key(b.code) == key), None)


def _named(bloc: DBloc, text: str) -> bool:
    return any(similar(text, c.libelle) for c in bloc.competences)


def _warn(ctx: Context, text: str, unit: Unit) -> None:
    ctx.warn(
        "SOMMAIRE_ONLY",
        f"unit listed by a summary table only, its body not printed: {text[:80]!r}",
        *unit.where,
    )
