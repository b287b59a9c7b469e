"""OCR one page end to end: rasterise, deskew, find rulings, run Tesseract, lay out.

This is the unit of work the parallel runner hands to each process; it takes
and returns only picklable values.
"""

from __future__ import annotations

import resource
from dataclasses import dataclass
from pathlib import Path

from ..blank import is_blank
from ..options import Limits
from .ocr_deskew import deskew
from .ocr_faint import read_faint
from .ocr_grid import find_tables
from .ocr_layout import PageContent, layout_page
from .ocr_passages import garbled_passages
from .ocr_raster import DPI, image_dpi, load_page, reading_dpi
from .ocr_reread import reread_boxes, reread_cells
from .ocr_rulings import find_rulings
from .ocr_style import mark_strokes
from .ocr_tesseract import LOCAL, PAGE, read_layout
from .ocr_tinted import reread_tinted


@dataclass(frozen=True)
class PageJob:
    """Which page of which file to OCR."""

    path: Path
    kind: str  # "pdf" or "image"
    index: int  # 0-based
    limits: Limits
    dpi: int = DPI
    correct: bool = True  # apply the OCR corrections (off: raw Tesseract text, for measuring)


def ocr_page(job: PageJob) -> PageContent:
    """The laid-out content of one page (with the CPU seconds spent in each stage)."""
    clock = cpu_seconds()
    timings: dict[str, float] = {}

    def lap(stage: str) -> None:
        nonlocal clock
        now = cpu_seconds()
        timings[stage] = now - clock
        clock = now

    dpi = reading_dpi(job.path, job.kind, job.index, job.limits, job.dpi)
    gray = load_page(job.path, job.kind, job.index, job.limits, dpi)
    lap("rasterise")
    if is_blank(gray):  # nothing to read: Tesseract would cost as much as on a full page
        return PageContent(job.index + 1, correct=job.correct, timings=timings)
    gray, angle = deskew(gray)
    lap("deskew")
    rulings = find_rulings(gray, dpi, enlarged=dpi > job.dpi)
    tables = find_tables(rulings.segments, dpi)
    lap("rulings")
    # an enlarged picture (a screenshot: slides' colours) is thresholded locally
    config = f"{PAGE} {LOCAL}" if dpi > job.dpi else PAGE
    words, blocks = read_layout(rulings.cleaned, config)
    words = reread_cells(words, rulings.cleaned, tables)
    words = reread_boxes(words, rulings.cleaned, garbled_passages(words, blocks, tables))
    if dpi > job.dpi:  # a screenshot's tints: dark print on fills, pale print left unread
        words = reread_tinted(words, rulings.cleaned, blocks)
        words = read_faint(words, rulings.cleaned)
    lap("tesseract")
    words = mark_strokes(words, rulings.cleaned)
    page = layout_page(
        job.index + 1,
        words,
        tables,
        rulings.cleaned,
        rulings.shaded,
        correct=job.correct,
        dpi=image_dpi(job.path, job.kind, job.index, job.limits, dpi),
    )
    lap("layout")
    page.angle = angle
    page.timings = timings
    return page


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (Tesseract runs as one).

    CPU rather than wall time: on a shared machine a stage's share stays meaningful."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
