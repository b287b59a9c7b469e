"""Header rows found again: a header repeated with a cell left blank, and a
head printed inside a table's body, over one column.

A table drawn again on the next page may leave a header cell blank: the row
repeats the shape of an earlier header (:func:`row_shape`) and takes its roles.
A grid may name a column's role again lower down, in a row of its own: the
ministry's fiche (Québec programmes d'études) prints "Critères de performance
pour l'ensemble de la compétence" in its context column, under the context,
and the critères of the whole compétence below it. Such a row — one filled
cell, right of the first column, one short line naming a role other than its
column's — starts the rows where that column has that role.
"""

from __future__ import annotations

from ..docmodel import Row
from ..rules import RuleSet
from ..textclean import fold
from .draft import Headers, TableView, cell_units, positions

_HEAD_CHARS = 80  # a column head is a short line
_MIN_REPEATED = 2  # header cells a misprinted header repeats at least


def column_head(row: Row, view: TableView, rules: RuleSet, width: int) -> list[str | None] | None:
    """The roles of the rows under a body row's lone head (its column's only), else None."""
    filled = [(column, cell) for column, cell in positions(row) if cell_units(cell)]
    if len(filled) != 1 or filled[0][0] == 0:
        return None
    column, cell = filled[0]
    units = cell_units(cell)
    if len(units) != 1 or len(units[0].text) > _HEAD_CHARS or units[0].is_item:
        return None
    hit = rules.first("column", units[0].text)
    role = hit.rule.value if hit is not None else None
    if role is None or column >= len(view.roles) or view.roles[column] in (None, role):
        return None
    return [role if at == column else None for at in range(width)]


def row_shape(row: Row, width: int) -> tuple[int, frozenset[tuple[int, str]]]:
    """A row's shape: the table's width and its filled cells by column (folded
    text, its line breaks read as spaces)."""
    cells = {
        (column, " ".join(fold(cell.text).split()))
        for column, cell in positions(row)
        if cell.text.strip()
    }
    return width, frozenset(cells)


def repeated_header(
    shape: tuple[int, frozenset[tuple[int, str]]], headers: Headers
) -> dict[int, str] | None:
    """The roles of an earlier header row that this row repeats with cells left
    blank (the same table drawn again, one header cell forgotten), or with one
    cell misprinted, all its others repeated ("Dmaine de compétences" over
    the same three heads)."""
    width, cells = shape
    if not cells:
        return None
    for (known_width, known), roles in headers.items():
        if known_width != width or not {c for c, _ in cells} & set(roles):
            continue
        if cells < known or _misprinted(cells, known):
            return roles
    return None


def _misprinted(cells: frozenset[tuple[int, str]], known: frozenset[tuple[int, str]]) -> bool:
    """Whether ``cells`` repeat every cell of ``known`` but one, printed otherwise
    in the same column, and at least two of them."""
    other, missing = cells - known, known - cells
    return (
        len(other) == len(missing) == 1
        and len(cells & known) >= _MIN_REPEATED
        and {c for c, _ in other} == {c for c, _ in missing}
    )
