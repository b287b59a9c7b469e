"""Tables continued over several pages → one TABLE block.

A table that ends a page continues on the next one when that page starts with
a table of the same column layout. Its last row may have been cut by the page
break when it reaches the bottom of the page (the lowest table bottom seen on
pages of that size). The parts are put together by :mod:`.layout.rows`
(repeated header rows dropped, a cut row joined), as for scans.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..docmodel import Block
from .layout.rows import append_part
from .pdf_cells import TableShape

_SAME_COLUMN = 4.0  # points: column boundaries this close are the same column
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
                append_part(carry.block, item.block, reached)
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
