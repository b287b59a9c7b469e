"""A table's head printed as a table of its own.

Word may print the rows that head a table — its title, a context paragraph, a
list of resources — as a one-column table set right above it, nothing between
them (a table split in two by its author). Those rows are the table's own
first rows: rows of one cell across it, read as the table reads such rows (a
bloc heading, a note).
"""

from __future__ import annotations

from dataclasses import replace

from ..docmodel import Block, Kind, Row


def joined_heads(blocks: list[Block]) -> list[Block]:
    """``blocks`` with every one-column table directly above a wider table made
    the first rows of that table (each of its cells spanning the table)."""
    out: list[Block] = []
    for block in blocks:
        head = out[-1] if out else None
        if head is not None and _heads(head, block):
            rows = [Row([replace(row.cells[0], col_span=block.grid_width)]) for row in head.rows]
            out[-1] = replace(block, rows=rows + block.rows, page=head.page, line=head.line)
            continue
        out.append(block)
    return out


def _heads(head: Block, table: Block) -> bool:
    """Whether ``head`` is a one-column table of text and ``table`` a wider one."""
    if head.kind is not Kind.TABLE or table.kind is not Kind.TABLE or not head.rows:
        return False
    one_column = all(len(row.cells) == 1 and row.cells[0].col_span <= 1 for row in head.rows)
    return one_column and table.grid_width > 1
