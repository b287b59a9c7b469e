"""Tables continued over several pages → one TABLE block.

A table that ends a page continues on the next one when that page starts with
a table of the same column layout. The continuation's first rows that repeat
the table's header rows are dropped (the original ones are marked
``header``). When the last row of the page was cut by the page break — it
reaches the bottom of the page and the next part's first row reads as its
continuation (an empty cell, or a cell starting in lower case) — the two halves
are joined into one row, cell by cell; a merged cell cut by the break stays
one :class:`~pipeline.docmodel.Cell`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..docmodel import Block, Cell, Kind, Row
from ..textclean import ends_sentence
from .pdf_cells import TableShape

_SAME_COLUMN = 4.0  # points: column boundaries this close are the same column
_MAX_HEADER_ROWS = 3
_BOTTOM_SLACK = 40.0  # points: a row ending this close to the lowest content reached the bottom


@dataclass
class Placed:
    """A block of a page, with its table geometry when it is a table."""

    block: Block
    shape: TableShape | None = None


def stitch(pages: list[list[Placed]]) -> list[Block]:
    """All pages' blocks in order, continued tables merged into their first part."""
    bottoms = _content_bottoms(pages)
    blocks: list[Block] = []
    open_table: Placed | None = None  # the table that ended the previous page
    for placed in pages:
        carry, open_table = open_table, None
        current: Placed | None = None
        for index, item in enumerate(placed):
            if index == 0 and carry is not None and _continues(carry, item):
                assert carry.shape is not None and item.shape is not None
                reached = carry.shape.bottom >= bottoms[carry.shape.page_height] - _BOTTOM_SLACK
                _append(carry.block, item.block, reached)
                carry.shape = item.shape
                current = carry
            else:
                blocks.append(item.block)
                current = item
        if current is not None and current.shape is not None:
            open_table = current
    return blocks


def _continues(table: Placed, item: Placed) -> bool:
    return (
        table.shape is not None
        and item.shape is not None
        and _same_columns(table.shape, item.shape)
    )


def _content_bottoms(pages: list[list[Placed]]) -> dict[float, float]:
    """Lowest table bottom per page height (portrait and landscape pages differ)."""
    bottoms: dict[float, float] = {}
    for placed in pages:
        for item in placed:
            if item.shape is not None:
                height = item.shape.page_height
                bottoms[height] = max(bottoms.get(height, 0.0), item.shape.bottom)
    return bottoms


def _same_columns(a: TableShape, b: TableShape) -> bool:
    return len(a.xs) == len(b.xs) and all(
        abs(x - y) <= _SAME_COLUMN for x, y in zip(a.xs, b.xs, strict=True)
    )


def _append(table: Block, part: Block, reached_bottom: bool) -> None:
    """Add the rows of ``part`` (the table's continuation) to ``table``."""
    rows = part.rows[_repeated_header(table.rows, part.rows) :]
    for row in table.rows[: len(part.rows) - len(rows)]:
        row.header = True
    if rows and reached_bottom and _continues_row(table.rows[-1], rows[0]):
        _join_rows(table, rows[0], rows[1:])
        rows = rows[1:]
    table.rows.extend(rows)


def _row_texts(row: Row) -> list[str]:
    return [" ".join(cell.text.split()) for cell in row.cells]


def _repeated_header(rows: list[Row], part: list[Row]) -> int:
    """How many first rows of ``part`` repeat the first rows of the table."""
    count = 0
    for mine, theirs in zip(rows[:_MAX_HEADER_ROWS], part, strict=False):
        if _row_texts(mine) != _row_texts(theirs) or not any(_row_texts(mine)):
            break
        count += 1
    return count


def _continues_row(last: Row, first: Row) -> bool:
    """Whether ``first`` (top of the next page) is the rest of ``last`` (cut by the break)."""
    if len(last.cells) != len(first.cells):
        return False
    return any(
        (before.blocks and not after.blocks) or _starts_lower(after)
        for before, after in zip(last.cells, first.cells, strict=True)
    )


def _starts_lower(cell: Cell) -> bool:
    """Whether a cell's first paragraph starts in lower case (a sentence going on)."""
    return bool(cell.blocks) and cell.blocks[0].text[:1].islower()


def _join_rows(table: Block, first: Row, rest: list[Row]) -> None:
    """Join the continuation row ``first`` into the table's last row, cell by cell."""
    last = table.rows[-1]
    for before, after in zip(last.cells, first.cells, strict=True):
        _join_cell(before, after)
        # the continuation cell may span more rows of the next page: use the original there
        for row in rest:
            row.cells = [before if cell is after else cell for cell in row.cells]
        if after.row_span > 1:
            before.row_span += after.row_span - 1


def _join_cell(before: Cell, after: Cell) -> None:
    if not after.blocks:
        return
    head = after.blocks[0]
    tail = before.blocks[-1] if before.blocks else None
    if (
        tail is not None
        and tail.kind is not Kind.TABLE
        and head.kind is Kind.PARAGRAPH
        and not ends_sentence(tail.text)
        and head.text[:1].islower()
    ):
        tail.text = f"{tail.text} {head.text}"
        before.blocks.extend(after.blocks[1:])
    else:
        before.blocks.extend(after.blocks)
