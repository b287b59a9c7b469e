"""Assemble OCR'd pages into one document.

* Page furniture (running headers, footers, page numbers) is dropped, as in
  PDFs (:mod:`.layout.furniture`, near-equal texts matching: OCR is noisy);
  the running band's text is kept as the document's ``bands``.
* A table continued on the next page (the page starts with a table of the same
  columns) becomes one table (:mod:`.layout.rows`: a repeated header row is
  dropped, a row split by the page break is joined).
* The codes of a numbering series misread by OCR are repaired, and an item
  reading on with the next code of its series is split (:mod:`.ocr_codes`).
"""

from __future__ import annotations

from ..docmodel import Document, Kind
from .layout.furniture import furniture, running_band
from .layout.rows import append_part
from .ocr_codes import repair_codes
from .ocr_layout import PageContent

_SAME_COLUMNS = 0.02  # page-width share within which column boundaries match


def assemble(document: Document, pages: list[PageContent]) -> None:
    """Fill ``document`` (blocks, warnings) from its pages, in order."""
    every = [page.top + page.blocks + page.bottom for page in pages]
    heights = [page.height for page in pages]
    document.bands = running_band(every, heights, noisy=True)
    drop = furniture(every, heights, noisy=True)
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
            append_part(document.blocks[-1], blocks.pop(0), cut_at_bottom=True, noisy=True)
        document.blocks.extend(blocks)
        ends_with_table = bool(blocks) and blocks[-1].kind is Kind.TABLE
        if page.table_xs and (ends_with_table or (not blocks and previous_xs)):
            previous_xs = page.table_xs[-1]
        elif blocks:
            previous_xs = None
        document.warnings.extend(page.warnings)
    document.blocks = repair_codes(document.blocks)


def _same_columns(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= _SAME_COLUMNS for x, y in zip(a, b, strict=True))
