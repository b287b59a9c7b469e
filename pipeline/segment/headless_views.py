"""Role views of tables with no header row of their own.

A table with no header may still be read by role: under a heading that names
its columns in order (:func:`captioned_view`), as the rest of the role table
before it, split by a page break or in two (:func:`continued_view`), or
column by column under a caption naming two levels
(:func:`column_major_view`, :mod:`.columnmajor`).
"""

from __future__ import annotations

import re

from ..docmodel import Block, Cell, Row
from .checks import SCORE
from .columnmajor import column_view, pair_view
from .draft import Context, TableView, Unit, cell_text, positions
from .table_roles import caption_roles, finer_roles


def captioned_view(ctx: Context, block: Block, caption: Unit | None) -> TableView | None:
    """A table with no header row under a heading that names its columns in
    order ("Liste des activités types et des compétences professionnelles"):
    the text columns take the roles the heading names; a column of numbers
    only is the code of the activité printed next to it (a number before any
    other role is left out)."""
    if caption is None or caption.table is not None or not caption.heading_like:
        return None
    if len(caption.text) > 160 or not block.rows:
        return None
    named = caption_roles(caption.text, ctx.rules)
    if len(named) < 2:
        return None
    width = max(len(row.cells) for row in block.rows)
    if any(max(1, c.col_span) != 1 for row in block.rows for c in row.cells):
        return None  # merged cells: the columns cannot be told apart safely
    numbers: list[bool] = []
    for column in range(width):
        texts = [cell_text(row.cells[column]) for row in block.rows if column < len(row.cells)]
        filled = [t for t in texts if t]
        if not filled:
            return None
        numbers.append(all(ctx.rules.first("code-only", t) for t in filled))
    text_columns = [c for c in range(width) if not numbers[c]]
    if len(text_columns) != len(named):
        return None
    roles: list[str | None] = [None] * width
    for column, role in zip(text_columns, named, strict=True):
        roles[column] = role
    body = [_with_codes(row, numbers, roles) for row in block.rows]
    return TableView(block, roles, body, ctx.new_source())


def _with_codes(row: Row, numbers: list[bool], roles: list[str | None]) -> Row:
    """``row`` with a number cell's text put before the activité next to it."""
    cells = list(row.cells)
    for column in range(len(cells) - 1):
        if not numbers[column] or roles[column + 1] != "activite":
            continue
        code, target = cells[column].text.strip(), cells[column + 1]
        if code and target.blocks and target.blocks[0].text:
            first = target.blocks[0]
            joined = Block(first.kind, f"{code} {first.text}", page=first.page, line=first.line)
            cells[column + 1] = Cell([joined, *target.blocks[1:]], target.col_span, target.row_span)
    return Row(cells, row.header)


_WEIGHT = re.compile(r"^\d{1,3}(?:[.,]\d+)?\s*%?$")


def continued_view(ctx: Context, block: Block, out: list[Unit]) -> TableView | None:
    """A table with no header at the top of a page, after a table read by role
    that ended the page before (only that page's leftovers between them), or
    right after it with as many columns (a table split in two, nothing between):
    the same table going on, read under the same roles when its text stands in
    columns that have one (bare numbers, a form's weights, may stand elsewhere)."""
    last = next((i for i in range(len(out) - 1, -1, -1) if out[i].table is not None), None)
    if last is None or not block.rows:
        return None
    before = out[last]
    view = before.table
    if view is None:
        return None
    width = block.grid_width
    roles = view.roles
    if last == len(out) - 1 and width != len(roles):
        roles = _finer_grid(block, roles) or roles
    split = last == len(out) - 1 and width == len(roles)
    if not split and (block.page is None or before.page is None or block.page != before.page + 1):
        return None
    if any(u.page != before.page for u in out[last + 1 :]):
        return None
    roled = False
    for row in block.rows:
        for column, cell in positions(row):
            text = cell.text.strip()
            if not text or _WEIGHT.match(text):
                continue
            if column < len(roles) and roles[column] not in (None, SCORE):
                roled = True
            elif not split:  # a split table's columns are the table's own, roled or not
                return None
    if split and not roled:
        return None
    roles = (roles + [None] * width)[:width]
    return TableView(block, roles, list(block.rows), view.source)


def _finer_grid(block: Block, roles: list[str | None]) -> list[str | None] | None:
    """The roles of a table split in two whose second part a converter drew on
    a finer grid (each of the two columns of "Compétences | Critères" cut in
    two: 4 grid columns): each role over as many grid columns, when the widths
    divide and no filled cell straddles two roles' columns (up to a row across
    the whole table, which opens a part of its own); None otherwise."""
    width, count = block.grid_width, len(roles)
    if count < 2 or width <= count or width % count:
        return None
    step = width // count
    for row in block.rows:
        placed = positions(row)
        if len(placed) == 1 and placed[0][1].col_span == width:
            break  # a row across the table: another part of it opens (its own label)
        for column, cell in placed:
            end = column + max(1, cell.col_span) - 1
            if cell.text.strip() and column // step != end // step:
                return None
    return [roles[column // step] for column in range(width)]


def column_major_view(ctx: Context, block: Block, caption: Unit | None) -> TableView | None:
    """A table read column by column under a caption naming two levels, or
    row by row under a caption naming the activités alone (:mod:`.columnmajor`)."""
    if caption is None or caption.table is not None:
        return None
    roles = finer_roles(list(caption_roles(caption.text, ctx.rules)), set())
    return column_view(block, caption, roles, ctx.new_source) or pair_view(
        block, caption, roles, ctx.new_source
    )
