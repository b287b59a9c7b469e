"""Assemble OCR'd pages into one document.

* Page furniture (running headers, footers, page numbers) is dropped, as in
  PDFs (:mod:`.layout.furniture`, near-equal texts matching: OCR is noisy).
* A table continued on the next page (the page starts with a table of the same
  columns) becomes one table: a repeated header row is dropped and a row split
  by the page break (its cells continue in lower case) is joined.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from .. import ocrfix
from ..docmodel import Block, Cell, Document, Kind, Row
from .layout.furniture import furniture
from .ocr_layout import PageContent

_MAX_HEADER_ROWS = 3  # leading rows of a table that may be repeated on each page
_SAME_COLUMNS = 0.02  # page-width share within which column boundaries match


def assemble(document: Document, pages: list[PageContent]) -> None:
    """Fill ``document`` (blocks, warnings) from its pages, in order."""
    drop = furniture(
        [page.top + page.blocks + page.bottom for page in pages],
        [page.height for page in pages],
        noisy=True,
    )
    previous_xs: list[float] | None = None
    for page in pages:
        blocks = [b for b in page.top + page.blocks + page.bottom if id(b) not in drop]
        if (
            previous_xs is not None
            and page.blocks
            and page.blocks[0].kind is Kind.TABLE
            and blocks
            and blocks[0] is page.blocks[0]
            and document.blocks
            and document.blocks[-1].kind is Kind.TABLE
            and _same_columns(previous_xs, page.table_xs[0])
        ):
            _continue_table(document.blocks[-1], blocks.pop(0))
        document.blocks.extend(blocks)
        ends_with_table = bool(blocks) and blocks[-1].kind is Kind.TABLE
        if page.table_xs and (ends_with_table or (not blocks and previous_xs)):
            previous_xs = page.table_xs[-1]
        elif blocks:
            previous_xs = None
        document.warnings.extend(page.warnings)


def _same_columns(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= _SAME_COLUMNS for x, y in zip(a, b, strict=True))


def _same_row(a: Row, b: Row) -> bool:
    """Two rows with the same cells, OCR noise allowed (a repeated header row)."""
    if len(a.cells) != len(b.cells):
        return False
    return all(
        fuzz.ratio(_letters(x.text), _letters(y.text)) >= 85
        for x, y in zip(a.cells, b.cells, strict=True)
    )


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalpha())


def _continue_table(table: Block, more: Block) -> None:
    """Append the rows of ``more`` (the same table on the next page) to ``table``."""
    rows = list(more.rows)
    leading = table.rows[:_MAX_HEADER_ROWS]
    while rows and any(_same_row(rows[0], header) for header in leading):
        rows.pop(0)  # a header row repeated at the top of the page
    if rows and table.rows and _is_split_row(rows[0], table.rows[-1]):
        _join_rows(table.rows[-1], rows.pop(0))
    table.rows.extend(rows)


def _is_split_row(row: Row, last: Row) -> bool:
    """The first row on the new page carries on the last row of the previous page."""
    if len(row.cells) != len(last.cells) or not row.cells:
        return False
    first = row.cells[0].blocks
    if not first:
        return True  # a new row always names its subject in the first column
    start = first[0].text[:1]
    return first[0].label is None and not start.isupper() and not start.isdigit()


def _join_rows(last: Row, row: Row) -> None:
    for target, extra in zip(last.cells, row.cells, strict=True):
        _join_cell(target, extra)


def _join_cell(target: Cell, extra: Cell) -> None:
    blocks = list(extra.blocks)
    if not blocks:
        return
    if target.blocks:
        tail, head = target.blocks[-1], blocks[0]
        if tail.kind is not Kind.TABLE and head.kind is Kind.PARAGRAPH and head.label is None:
            if tail.text.endswith("-"):
                tail.text = ocrfix.join_hyphenated(tail.text, head.text)
            else:
                tail.text = f"{tail.text} {head.text}"
            blocks.pop(0)
    target.blocks.extend(blocks)
