"""Scanned pages inside a PDF that has a text layer.

A booklet printed from a word processor may carry pages that were scanned and
inserted as pictures (the signed arrêté at its head, an annex only on paper):
such a page has no text layer, only an image over most of the page. The
document is not a scan (most of its pages read as text), so its scanned pages
are read on their own by the OCR backend (Tesseract ``fra``) and their blocks
take their place among the other pages' blocks, with a warning naming them.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from ..docmodel import Block, Document
from ..errors import MissingTool
from ..options import Options

_COVERED = 0.5  # share of the page an image must cover to be the page's scan


def covered(page: Any) -> bool:
    """Whether an image covers most of a pdfplumber ``page`` (a scanned page,
    when the page has no text layer besides)."""
    area = float(page.width) * float(page.height)
    for image in page.images:
        width = float(image["x1"]) - float(image["x0"])
        height = float(image["bottom"]) - float(image["top"])
        if area > 0 and width * height >= _COVERED * area:
            return True
    return False


def read_scans(path: Path, options: Options, numbers: Sequence[int]) -> dict[int, list[Block]]:
    """The blocks of the scanned pages ``numbers`` (1-based), read by OCR;
    empty when OCR is off or its backend cannot run here (the pages then stay
    unread, as a picture is)."""
    if not numbers or options.ocr == "never":
        return {}
    try:
        ocr = importlib.import_module(f"{__package__}.ocr")
        return cast("dict[int, list[Block]]", ocr.read_pages(path, options, numbers))
    except (ImportError, MissingTool):
        return {}


def splice(document: Document, scans: dict[int, list[Block]]) -> None:
    """Put each scanned page's blocks in page order among the document's, and
    say which pages were read by OCR."""
    if not scans:
        return
    blocks: list[Block] = []
    pending = sorted(scans)
    for block in document.blocks:
        while pending and block.page is not None and block.page > pending[0]:
            blocks.extend(scans[pending.pop(0)])
        blocks.append(block)
    for number in pending:
        blocks.extend(scans[number])
    document.blocks = blocks
    document.warn(
        "PDF_SCANNED_PAGES",
        "pages holding only a scanned image were read by OCR: "
        + ", ".join(str(n) for n in sorted(scans)),
    )
