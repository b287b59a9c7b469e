"""Stage ``sommaire``: a unit a sommaire lists and the body never opens.

A sommaire (table of contents) refers to the document's units. Printed as a
table, each entry starts a row; the entries of one level start at the same
column with the same span, and an entry that holds entries of its own (the
next row starts further right) is a unit rather than a page reference. When
such an entry names a bloc of the body, the entries of the same shape are the
blocs of that level: one the body never opens (a form whose pages for that
unit are left out) is kept from its entry, with a ``SOMMAIRE_ONLY`` warning,
rather than lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..docmodel import Block, Kind
from .draft import Context, DBloc, Where, cell_units, positions, similar, units_text


@dataclass(frozen=True)
class _Entry:
    """The first filled cell of a sommaire row."""

    column: int
    span: int
    text: str
    holds: bool  # the next entry starts further right: entries of its own below it
    page: int | None
    line: int | None


def sommaire(ctx: Context) -> None:
    """Add the blocs a sommaire lists beside a bloc of the body, as their siblings."""
    if not ctx.draft.blocs:
        return
    for block in ctx.document.blocks:
        if block.kind is Kind.TABLE and block.rows:
            firsts = _firsts(block)  # none: a fill OCR found as a grid, no text
            if firsts and ctx.rules.first("contents", firsts[0][2]):
                _add_siblings(ctx, _entries(firsts))


def _add_siblings(ctx: Context, entries: list[_Entry]) -> None:
    blocs = ctx.draft.blocs
    known = [
        next((b for b in blocs if similar(e.text, b.libelle)), None) if e.holds else None
        for e in entries
    ]
    shapes = {(e.column, e.span) for e, bloc in zip(entries, known, strict=True) if bloc}
    after: DBloc | None = None
    added: list[DBloc] = []
    for entry, bloc in zip(entries, known, strict=True):
        if not entry.holds or (entry.column, entry.span) not in shapes:
            continue
        found = bloc or next((b for b in added if similar(entry.text, b.libelle)), None)
        if found is not None:
            after = found
            continue
        new = DBloc(None, entry.text, Where(entry.page, entry.line, "sommaire.entry"))
        blocs.insert(blocs.index(after) + 1 if after in blocs else len(blocs), new)
        added.append(new)
        after = new
        ctx.warn(
            "SOMMAIRE_ONLY",
            f"unit listed by the sommaire only, its body not printed: {entry.text[:80]!r}",
            entry.page,
            entry.line,
        )


_First = tuple[int, int, str, int | None, int | None]  # column, span, text, page, line


def _firsts(table: Block) -> list[_First]:
    """Each row's first filled cell."""
    firsts: list[_First] = []
    for row in table.rows:
        for column, cell in positions(row):
            units = cell_units(cell)
            if units:
                text = units_text(units)
                firsts.append((column, max(1, cell.col_span), text, units[0].page, units[0].line))
                break
    return firsts


def _entries(firsts: list[_First]) -> list[_Entry]:
    """The rows' first filled cells, with whether the next row's starts further right."""
    nexts = [f[0] for f in firsts[1:]] + [-1]
    return [
        _Entry(column, span, text, nxt > column, page, line)
        for (column, span, text, page, line), nxt in zip(firsts, nexts, strict=True)
    ]
