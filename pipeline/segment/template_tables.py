"""The table of a templated section (:mod:`.templated`), read by what its columns hold.

Its header names no role the rules know, so each column is read by its
content: a column most of whose lines state an observed result ("Les risques
sont identifiés": a subject, then a conjugated verb, read by spaCy) states the
level the section must reach, its lines the bloc's critères; the other
columns' lines (noun phrases: prerequisites, contents) are the bloc's
connaissances. A full-width row (notes on the whole table) and the header
row are left out, a cell merged down over several rows is read once; a
table with no result column, or with nothing else, is left as it is.
"""

from __future__ import annotations

from ..nlp import is_result
from .content import add_critere
from .draft import Context, DBloc, Unit, cell_units, positions

RULE = "implicit.template-table"
_RESULT_SHARE = 1 / 2  # a column is a critères column when this share of its lines are results


def read_table(ctx: Context, bloc: DBloc, frame: int) -> None:
    """Fill ``bloc`` from the layout table ``frame`` (the id of its block)."""
    block = next((b for b in ctx.document.blocks if id(b) == frame), None)
    if block is None or not block.rows:
        return
    width = max(sum(max(1, c.col_span) for c in row.cells) for row in block.rows)
    columns: dict[int, list[Unit]] = {}
    seen: set[int] = set()  # a cell merged down over several rows is read once
    for row in block.rows[1:]:  # the first row is the header the template repeats
        for column, cell in positions(row):
            if max(1, cell.col_span) < width and id(cell) not in seen:
                seen.add(id(cell))
                columns.setdefault(column, []).extend(cell_units(cell))
    results = {
        column
        for column, units in columns.items()
        if units and sum(is_result(u.text) for u in units) >= _RESULT_SHARE * len(units)
    }
    if not results or len(results) == len(columns):
        return
    for column in sorted(columns):
        for unit in columns[column]:
            if column in results:
                add_critere(bloc, unit, unit.text, [], RULE)
            else:
                bloc.connaissances.append(unit.text)
