"""B.U.T. overview tables: a reference to the compétences, not their content.

A B.U.T. référentiel often opens on an overview of its compétences side by
side (short name, code, composantes, statement) before giving each its own
page headed "Compétence RT1" (contract, 'Families and levels': summaries are
references, they name the same blocs once). A table whose rows are keyed by
the codes of blocs headed elsewhere in the document is that overview.
"""

from __future__ import annotations

from ..textclean import fold
from .draft import Context, TableView, cell_units
from .state import bloc_headings

_KEYED_ROWS = 2  # rows keyed by a bloc's code that make the table an overview


def heading_codes(ctx: Context) -> frozenset[str]:
    """The codes, folded, of the bloc headings a B.U.T. document prints outside
    any table (none in another document), found once before the walk."""
    if ctx.draft.type != "BUT":
        return frozenset()
    return frozenset(
        fold(code) for _index, hit in bloc_headings(ctx, ctx.units) if (code := hit.group("code"))
    )


def overview_table(codes: frozenset[str], view: TableView) -> bool:
    """Whether ``view`` is a B.U.T. overview: at least two of its rows carry,
    alone on a line of their first cell, the code of a bloc whose heading is
    printed outside any table (``codes``, :func:`heading_codes`)."""
    if len(codes) < _KEYED_ROWS:
        return False
    keyed = 0
    for row in view.body:
        first = row.cells[0] if row.cells else None
        if first is not None and any(fold(u.text) in codes for u in cell_units(first)):
            keyed += 1
    return keyed >= _KEYED_ROWS
