"""The heads of a form's blank columns.

A grid printed to be filled in (a learner's progression booklet, an
assessment form) names what each row is about in its first column and leaves
every other column blank below a head ("POURQUOI :", "RISQUES",
"AUTOÉVALUATION"): the heads name what the reader will write there, they
state nothing of the référentiel (contract: forms to fill in are not
elements). A head is left out of the stream when its column is blank in
every body row while the first column is filled in most of them.
"""

from __future__ import annotations

from ..docmodel import Block

_MIN_ROWS = 2  # body rows a grid needs for its blank columns to be a form's


def form_heads(block: Block) -> set[int]:
    """The ids of the header cells (first row, not first column) of ``block``
    over columns blank in every body row, when the first column names most rows."""
    rows = block.rows
    if len(rows) <= _MIN_ROWS:
        return set()
    body = rows[1:]
    named = sum(1 for row in body if row.cells and row.cells[0].text.strip())
    if named * 2 <= len(body):
        return set()
    heads: set[int] = set()
    for column, cell in enumerate(rows[0].cells):
        if column == 0 or not cell.text.strip():
            continue
        if all(column >= len(row.cells) or not row.cells[column].text.strip() for row in body):
            heads.add(id(cell))
    return heads
