"""A table continued on the next page: its rows appended to the first part, once.

The reader decides *that* a table goes on (same columns, the next page starts
with it); this module puts the parts together, the same way for PDFs and scans:

* the continuation's first rows that repeat the table's first rows (a header
  printed again on each page) are dropped, and the originals marked ``header``;
* when the page break may have cut the last row (the reader says so: it reached
  the bottom of the page), and the next part's first row reads as its rest — an
  empty first cell (a new row names its subject there), a cell left empty where
  the last row had text, or a cell going on in lower case — the two halves are
  joined cell by cell; a merged cell cut by the break stays one cell;
* a first row that may continue the last one but could not be joined (the
  break was not at the bottom of the page) is kept; the table is marked
  ``continued`` for the segmenter to know.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from ...docmodel import Block, Cell, Kind, Row
from ...hyphens import FRENCH, join_wrapped
from ...textclean import ends_sentence

_MAX_HEADER_ROWS = 3  # leading rows of a table that may be printed again on each page
_NEAR_EQUAL = 85  # rapidfuzz ratio from which two noisy (OCR) cell texts are the same


def append_part(table: Block, part: Block, cut_at_bottom: bool, noisy: bool = False) -> None:
    """Add the rows of ``part`` (the table's continuation on the next page) to ``table``.

    ``cut_at_bottom``: the table's last row reached the bottom of its page, so
    the break may have cut it; ``noisy``: cell texts are OCR'd (near-equal match).
    """
    repeated = _repeated_header(table.rows, part.rows, noisy)
    for row in table.rows[:repeated]:
        row.header = True
    rows = part.rows[repeated:]
    if rows and table.rows and continues_row(table.rows[-1], rows[0]):
        if cut_at_bottom:
            _join_rows(table.rows[-1], rows[0], rows[1:])
            rows = rows[1:]
        else:
            table.features.add("continued")
    table.rows.extend(rows)


def _texts(row: Row) -> list[str]:
    return [" ".join(cell.text.split()) for cell in row.cells]


def _same_row(a: Row, b: Row, noisy: bool) -> bool:
    left, right = _texts(a), _texts(b)
    if len(left) != len(right) or not any(left):
        return False
    if not noisy:
        return left == right
    return all(
        fuzz.ratio(_letters(x), _letters(y)) >= _NEAR_EQUAL
        for x, y in zip(left, right, strict=True)
    )


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalpha())


def _repeated_header(rows: list[Row], part: list[Row], noisy: bool) -> int:
    """How many first rows of ``part`` repeat the first rows of the table."""
    count = 0
    for mine, theirs in zip(rows[:_MAX_HEADER_ROWS], part, strict=False):
        if not _same_row(mine, theirs, noisy):
            break
        count += 1
    return count


def continues_row(last: Row, first: Row) -> bool:
    """Whether ``first`` (top of the next page) reads as the rest of ``last``."""
    if len(last.cells) != len(first.cells) or not first.cells:
        return False
    if not first.cells[0].blocks:
        return True  # a new row names its subject in the first column
    return any(
        before.blocks and (not after.blocks or after.blocks[0].text[:1].islower())
        for before, after in zip(last.cells, first.cells, strict=True)
    )


def _join_rows(last: Row, first: Row, rest: list[Row]) -> None:
    """Join ``first`` into ``last`` cell by cell (``rest``: the part's later rows)."""
    for before, after in zip(last.cells, first.cells, strict=True):
        if before is after:
            continue
        _join_cell(before, after)
        # the continuation cell may span more rows of the next page: use the original there
        for row in rest:
            row.cells = [before if cell is after else cell for cell in row.cells]
        if after.row_span > 1:
            before.row_span += after.row_span - 1


def _join_cell(before: Cell, after: Cell) -> None:
    """The blocks of ``after`` added to ``before``; a sentence cut by the break is rejoined."""
    if not after.blocks:
        return
    head = after.blocks[0]
    tail = before.blocks[-1] if before.blocks else None
    if (
        tail is not None
        and tail.kind is not Kind.TABLE
        and head.kind is Kind.PARAGRAPH
        and head.label is None
        and not ends_sentence(tail.text)
        and head.text[:1].islower()
    ):
        tail.text = join_wrapped(tail.text, head.text, FRENCH)
        before.blocks.extend(after.blocks[1:])
    else:
        before.blocks.extend(after.blocks)
