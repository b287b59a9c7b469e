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
from .draft import Context, DBloc, Where, cell_units, positions, similar


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
            _add_siblings(ctx, _entries(block))


def _add_siblings(ctx: Context, entries: list[_Entry]) -> None:
    if not entries or not ctx.rules.first("contents", entries[0].text):
        return
    blocs = ctx.draft.blocs
    shapes = {
        (e.column, e.span)
        for e in entries
        if e.holds and any(similar(e.text, b.libelle) for b in blocs)
    }
    after: DBloc | None = None
    for entry in entries:
        if not entry.holds or (entry.column, entry.span) not in shapes:
            continue
        known = next((b for b in blocs if similar(entry.text, b.libelle)), None)
        if known is not None:
            after = known
            continue
        bloc = DBloc(None, entry.text, Where(entry.page, entry.line, "sommaire.entry"))
        blocs.insert(blocs.index(after) + 1 if after in blocs else len(blocs), bloc)
        after = bloc
        ctx.warn(
            "SOMMAIRE_ONLY",
            f"unit listed by the sommaire only, its body not printed: {entry.text[:80]!r}",
            entry.page,
            entry.line,
        )


def _entries(table: Block) -> list[_Entry]:
    """Each row's first filled cell, with whether the next row's starts further right."""
    firsts: list[tuple[int, int, str, int | None, int | None]] = []
    for row in table.rows:
        for column, cell in positions(row):
            units = cell_units(cell)
            if units:
                text = " ".join(u.text for u in units)
                firsts.append((column, max(1, cell.col_span), text, units[0].page, units[0].line))
                break
    if not firsts:  # a table whose cells hold no text (a fill OCR found as a grid)
        return []
    nexts = [f[0] for f in firsts[1:]] + [-1]
    return [
        _Entry(column, span, text, nxt > column, page, line)
        for (column, span, text, page, line), nxt in zip(firsts, nexts, strict=True)
    ]
