"""OCR one page end to end: rasterise, deskew, find rulings, run Tesseract, lay out.

This is the unit of work the parallel runner hands to each process; it takes
and returns only picklable values.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..options import Limits
from .ocr_deskew import deskew
from .ocr_grid import find_tables
from .ocr_layout import PageContent, layout_page
from .ocr_raster import DPI, load_page
from .ocr_rulings import find_rulings
from .ocr_style import mark_bold
from .ocr_tesseract import read_words


@dataclass(frozen=True)
class PageJob:
    """Which page of which file to OCR."""

    path: Path
    kind: str  # "pdf" or "image"
    index: int  # 0-based
    limits: Limits
    dpi: int = DPI


def ocr_page(job: PageJob) -> PageContent:
    """The laid-out content of one page."""
    gray = load_page(job.path, job.kind, job.index, job.limits, job.dpi)
    gray, angle = deskew(gray)
    rulings = find_rulings(gray, job.dpi)
    tables = find_tables(rulings.segments, job.dpi)
    words = mark_bold(read_words(rulings.cleaned), rulings.cleaned)
    page = layout_page(job.index + 1, words, tables, rulings.cleaned, rulings.shaded)
    page.angle = angle
    return page
