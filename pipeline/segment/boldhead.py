"""A table's header printed inside its first row's cells.

A ruled table may draw no line under its header: the reader then puts each
column's name at the top of that column's only cell ("Domaines de savoirs
associés" over the savoirs, "Critères de performance" over the critères). The
typography still tells the header apart: every filled cell of the first row
opens with a bold line over lines in body type. When those bold lines name
column roles, they are the table's header row and the rest of the cells its
body row.
"""

from __future__ import annotations

from collections.abc import Callable

from ..docmodel import Block, Cell, Kind, Row

#: the roles a row of cells names (``headers.header_roles``), or None
Roles = Callable[[Row], dict[int, str] | None]

_MIN_CELLS = 2  # filled cells the first row must have
_MIN_BODY = 3  # lines under its name one cell at least must have (a list, not a subtitle)


def bold_headed(block: Block, roles: Roles) -> Block | None:
    """``block`` with the bold first lines of its first row's cells made a
    header row of their own, when they name column roles (read with the
    cells' whole text, the row would be a header of no body); None otherwise."""
    if not block.rows:
        return None
    first = block.rows[0]
    filled = [cell for cell in first.cells if cell.blocks]
    if len(filled) < _MIN_CELLS or len({id(c) for c in filled}) != len(filled):
        return None
    if any(cell.row_span > 1 for cell in first.cells):
        return None  # a cell merged over the rows below: shared with them
    if not all(_opens_bold(cell) for cell in filled):
        return None
    if max(len(cell.blocks) for cell in filled) <= _MIN_BODY:
        return None  # a header's name and a subtitle under it: no body
    head = Row([Cell(cell.blocks[:1], cell.col_span) for cell in first.cells])
    if roles(head) is None:
        return None
    body = Row([Cell(cell.blocks[1:], cell.col_span) for cell in first.cells])
    return Block(
        block.kind,
        block.text,
        page=block.page,
        line=block.line,
        rows=[head, body, *block.rows[1:]],
        bbox=block.bbox,
        features=set(block.features),
    )


def _opens_bold(cell: Cell) -> bool:
    """Whether a cell opens with a bold paragraph over text in body type."""
    top, rest = cell.blocks[0], cell.blocks[1:]
    if top.kind is not Kind.PARAGRAPH or not top.bold or not top.text.strip():
        return False
    return any(b.kind is not Kind.TABLE and not b.bold and b.text.strip() for b in rest)
