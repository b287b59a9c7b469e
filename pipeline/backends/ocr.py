"""OCR backend: image-only PDFs and images (PNG, JPEG, TIFF…) → :class:`Document`.

Each page is rasterised at 200 dpi, deskewed, cleared of its table rulings and
read by Tesseract 5 (``-l fra``) through pytesseract's word boxes; lines,
paragraphs, list items and table cells are rebuilt from the word coordinates
and the rulings, and certain French OCR confusions are corrected
(:mod:`referentiel.ocrfix`). Pages run in parallel, one process per core.

The PDF backend calls :func:`parse` for PDFs without a usable text layer or
when ``--ocr always`` is given. Provenance: page, and the 1-based line on the
page (lines counted top to bottom, running header included).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from .. import ocrfix
from ..docmodel import Block, Document
from ..errors import UnsupportedFormat
from ..options import Options
from ..sniff import detect
from .ocr_document import assemble
from .ocr_page import PageJob, ocr_page
from .ocr_raster import page_count
from .ocr_runner import run_parallel
from .ocr_tesseract import check_tesseract


def parse(path: Path, options: Options, correct: bool = True) -> Document:
    """OCR every page of a PDF or image file into the document model.

    ``correct=False`` keeps Tesseract's text as read (to measure what the
    corrections of :mod:`referentiel.ocrfix` bring)."""
    if options.ocr == "never":
        raise UnsupportedFormat(path, "image-only input needs OCR, which --ocr never forbids")
    kind = detect(path)
    if kind not in ("pdf", "image"):
        raise UnsupportedFormat(path, f"OCR reads PDFs and images, not {kind} files")
    check_tesseract(path)
    count = page_count(path, kind, options.limits)
    jobs = [PageJob(path, kind, index, options.limits, correct=correct) for index in range(count)]
    pages = run_parallel(ocr_page, jobs, warm_up=ocrfix.lexicon)
    document = Document(
        filename=path.name,
        format="pdf" if kind == "pdf" else "image",
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        pages=count,
        ocr=True,
    )
    assemble(document, pages)
    return document


def read_pages(path: Path, options: Options, numbers: Sequence[int]) -> dict[int, list[Block]]:
    """OCR some pages (1-based ``numbers``) of a PDF that has a text layer
    elsewhere (:mod:`.pdf_scans`): each page's blocks, header and footer lines
    included (one page shows no running band)."""
    check_tesseract(path)
    jobs = [PageJob(path, "pdf", n - 1, options.limits) for n in numbers]
    pages = run_parallel(ocr_page, jobs, warm_up=ocrfix.lexicon)
    return {n: [*p.top, *p.blocks, *p.bottom] for n, p in zip(numbers, pages, strict=True)}
