"""PDF backend: text-layer PDFs read with pdfplumber → :class:`Document`.

Each page is laid out once (pdfminer's character pass, :mod:`.pdf_words`); the
same words feed the ruled-table finder (:mod:`.pdf_tables`, on the page's
cached edges) and the text. Then, over the whole document:

1. each page is put in reading order — boxes, columns, borderless tables, ruled
   tables (:mod:`.pdf_layout`; page-wide text measured against the document's
   text frame) — and its lines become paragraphs and list
   items (:mod:`.pdf_paragraphs`), its tables TABLE blocks (:mod:`.pdf_cells`),
   each with its box on the page;
2. running headers, footers and page numbers — blocks, tables included — are
   removed (:mod:`.layout.furniture`; a footer's text in the cells of a table
   drawn over it first goes back to the page, :mod:`.pdf_running`); text
   repeated at the same place on most pages inside them (a printed web page's
   floating widgets) is removed as characters, before the words are built, with a warning
   (:mod:`.pdf_overlay`); the running band's text is kept as the document's
   ``bands``;
3. tables continued on the next page are stitched into one (:mod:`.pdf_stitch`).

A PDF without a usable text layer (a scan: fewer than half of its pages that
hold anything read as text; blank pages, such as a spreadsheet's overflow, are
not counted), or any PDF with ``ocr="always"``, is handed to the OCR backend;
in a PDF with a text layer, the pages that are only a scanned picture are read
by OCR on their own (:mod:`.pdf_scans`).
Provenance: page (1-based) and the block's first line in the page's extracted
text (1-based, top to bottom).
"""

from __future__ import annotations

import gc
import hashlib
import importlib
import statistics
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from ..docmodel import BBox, Block, Document
from ..errors import CorruptFile, EmptyFile, EncryptedFile, LimitExceeded, MissingTool
from ..options import Options
from .layout.furniture import furniture, running_band
from .layout.geometry import clamp
from .pdf_cells import TableShape, table_block
from .pdf_checkboxes import read_checkboxes
from .pdf_layout import Item, TextRegion, reading_order, widen_to_frame
from .pdf_overlay import Box, Glyph, overlay, texts
from .pdf_paragraphs import Style, blocks_from_lines
from .pdf_running import lift
from .pdf_scans import covered, read_scans, splice
from .pdf_stitch import Placed, stitch
from .pdf_tables import Grid, find_grids, split_words
from .pdf_words import Word, group_lines, read_page, unrotate

_MIN_TEXT_CHARS = 20  # a page with fewer readable characters has no text layer
_HEADING_RATIO = 1.2  # font size over the body size that makes a heading


@dataclass
class _Page:
    """What the first pass keeps of a page (the pdfplumber page is closed)."""

    number: int
    width: float  # in the reading frame (turned when the text was read upright)
    height: float
    rotated: int  # see PageText.rotated
    boxes: list[BBox]  # drawn boxes bounding text regions
    words: list[Word]  # outside ruled tables
    grids: list[Grid]
    glyphs: set[Glyph]  # characters that could be an overlay's (see pdf_overlay)
    bare: bool = False  # no word, image nor curve: a blank page (a spreadsheet's overflow)
    pictured: bool = False  # an image covers most of the page (a scan, without text)

    def all_words(self) -> list[Word]:
        return self.words + [w for g in self.grids for c in g.cells for w in c.words]


def parse(path: Path, options: Options) -> Document:
    """Read a PDF into the document model (OCR for scans, see the module doc)."""
    if options.ocr == "always":
        return _ocr(path, options, "OCR was requested for every page (ocr=always)")
    pages, overlays = _read_pages(path, options)
    readable = sum(1 for page in pages if _text_chars(page) >= _MIN_TEXT_CHARS)
    inked = sum(1 for page in pages if not page.bare)  # blank pages are no scan's
    if not inked or readable * 2 < inked:
        return _ocr(path, options, "the PDF is scanned (no text layer)")
    document = Document(
        filename=path.name,
        format="pdf",
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        pages=len(pages),
    )
    if overlays:
        document.warn(
            "PDF_PAGE_OVERLAY",
            "text standing at the same place on most pages was removed as page furniture: "
            + " / ".join(f"« {text} »" for text in texts(overlays)),
        )
    lifted = lift([p.grids for p in pages], [p.words for p in pages], [p.height for p in pages])
    for page, running in zip(pages, lifted, strict=True):
        page.words.extend(running)
    style = _style(pages)
    orders = [reading_order(p.words, p.grids, style.line_gap, p.boxes) for p in pages]
    widen_to_frame(orders, [(p.width, p.height) for p in pages])
    placed = [_page_blocks(page, items, style) for page, items in zip(pages, orders, strict=True)]
    blocks, heights = [[p.block for p in page] for page in placed], [p.height for p in pages]
    document.bands = running_band(blocks, heights)
    drop = furniture(blocks, heights)
    document.blocks = stitch([[p for p in page if id(p.block) not in drop] for page in placed])
    scans = [p.number for p in pages if p.pictured and _text_chars(p) < _MIN_TEXT_CHARS]
    splice(document, read_scans(path, options, scans))
    return document


# ------------------------------------------------------------------ first pass


def _read_pages(path: Path, options: Options) -> tuple[list[_Page], frozenset[Glyph]]:
    """Open the PDF and read every page once (words, line numbers, ruled tables);
    a document with overlays is read again without them. Returns the pages and
    the overlays' glyphs."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(path)
    except Exception as err:
        if isinstance(err, PDFPasswordIncorrect) or "password" in repr(err).lower():
            raise EncryptedFile(path, "the PDF is password-protected") from err
        raise CorruptFile(path, f"not a readable PDF ({_reason(err)})") from err
    with pdf:
        try:
            count = len(pdf.pages)
        except Exception as err:
            raise CorruptFile(path, f"the PDF's page tree is broken ({_reason(err)})") from err
        if count > options.limits.max_pages:
            raise LimitExceeded(
                path, f"{count} pages, over the {options.limits.max_pages}-page limit"
            )
        pages = []
        with _collector_spared() as spare:
            for page in pdf.pages:
                try:
                    pages.append(_read(page, reread=options.ocr != "never"))
                except Exception as err:
                    raise CorruptFile(
                        path, f"page {page.page_number} cannot be read ({_reason(err)})"
                    ) from err
                finally:
                    page.close()
                spare()
        overlays = frozenset(overlay([page.glyphs for page in pages], partial(_boxes, pages)))
        for index, read in enumerate(pages):
            read.glyphs = set()
            if overlays:
                pages[index] = _read(pdf.pages[index], overlays, reread=options.ocr != "never")
                pdf.pages[index].close()
    return pages, overlays


@contextmanager
def _collector_spared() -> Iterator[Callable[[], None]]:
    """Keep the pages read so far out of the cyclic garbage collector's passes.

    Every page's words stay alive until the document-wide passes: left to the
    collector, each of its passes walks them all again, and its cost grows
    with the length of the document. ``spare()`` after a page moves what is
    alive into the permanent generation (:func:`gc.freeze`); it is put back on
    the way out. A process that froze objects itself is left alone.
    """
    if gc.get_freeze_count() or not gc.isenabled():
        yield lambda: None
        return
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()


def _read(page: Any, skip: frozenset[Glyph] = frozenset(), *, reread: bool = True) -> _Page:
    text = read_page(page, skip, reread=reread)
    read_checkboxes(text)
    grids = find_grids(text)
    words = split_words(grids, text.words)
    return _Page(
        page.page_number,
        text.width,
        text.height,
        text.rotated,
        text.boxes,
        words,
        grids,
        text.glyphs,
        not (text.words or page.images or page.curves),
        covered(page),
    )


def _boxes(pages: list[_Page], index: int) -> list[Box]:
    """The boxes of a page's words (for :func:`.pdf_overlay.overlay`)."""
    return [(w.text, w.x0, w.top, w.x1, w.bottom) for w in pages[index].all_words()]


def _reason(err: BaseException) -> str:
    return f"{type(err).__name__}: {err}".strip().rstrip(":")


def _text_chars(page: _Page) -> int:
    return sum(len(w.text) for w in page.all_words() if "(cid:" not in w.text)


# ------------------------------------------------------------------ document-wide


def _style(pages: list[_Page]) -> Style:
    """Body font size, heading sizes, usual line gap and vocabulary of the document."""
    sizes: Counter[float] = Counter()
    body_sizes: set[float] = set()
    vocabulary: set[str] = set()
    for page in pages:
        for word in page.all_words():
            sizes[round(word.size, 1)] += len(word.text)
            vocabulary.add(word.text.strip(".,;:!?()[]«»\"'’…").lower())
        body_sizes.update(round(w.size, 1) for w in page.words)
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    headings = sorted((s for s in body_sizes if s >= body * _HEADING_RATIO), reverse=True)
    return Style(
        body_size=body,
        heading_sizes=headings,
        cell_heading_sizes=frozenset(s for s in sizes if s >= body * _HEADING_RATIO),
        line_gap=_line_gap(pages, body),
        vocabulary=frozenset(vocabulary),
    )


def _line_gap(pages: list[_Page], body: float) -> float:
    """The usual blank space between two lines of one paragraph, in points."""
    gaps: list[float] = []
    for page in pages:
        lines = group_lines(page.words)
        gaps.extend(
            b.top - a.bottom
            for a, b in zip(lines, lines[1:], strict=False)
            if 0 <= b.top - a.bottom < 0.6 * body
        )
    return statistics.median(gaps) if gaps else 0.25 * body


# ------------------------------------------------------------------ second pass


def _page_blocks(page: _Page, items: list[Item], style: Style) -> list[Placed]:
    """A page's blocks in reading order, its tables with their geometry."""
    placed: list[Placed] = []
    for item in items:
        if isinstance(item, TextRegion):
            blocks = blocks_from_lines(item.lines, item.left, item.right, page.number, style)
            placed.extend(Placed(b) for b in blocks)
            continue
        block = table_block(item, page.number, style)
        if block is not None:
            shape = TableShape(item.xs, item.bbox[1], item.bbox[3], page.height)
            placed.append(Placed(block, shape))
    _page_frame([p.block for p in placed], page)
    return placed


def _page_frame(blocks: list[Block], page: _Page) -> None:
    """Boxes in the page's own frame (a page read turned upright is turned back), on the page."""
    width, height = page.width, page.height
    if page.rotated:
        width, height = height, width  # the page's own size (the text frame is turned)
    for block in blocks:
        for inner in block.walk():
            if inner.bbox is not None:
                box = unrotate(inner.bbox, width, height, page.rotated)
                inner.bbox = clamp(box, width, height)


# ------------------------------------------------------------------ scans


def _ocr(path: Path, options: Options, why: str) -> Document:
    """Hand a PDF to the OCR backend, or say clearly why it cannot be read."""
    if options.ocr == "never":
        raise EmptyFile(path, f"{why}, and OCR is disabled (ocr=never)")
    try:
        ocr = importlib.import_module(f"{__package__}.ocr")
    except ModuleNotFoundError as err:
        if err.name != f"{__package__}.ocr":
            raise
        raise MissingTool(path, f"{why}: the OCR backend is not available") from err
    document: Document = ocr.parse(path, options)
    return document
