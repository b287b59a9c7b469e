"""What the left side of a review shows: page images, or the source's numbered lines.

PDF pages and scans are rendered through the OCR reader's rasteriser (pypdfium2
for PDFs, Pillow for images), in grayscale at :data:`DPI`, and saved as WebP
files beside the report: a page stays well under :data:`MAX_PAGE_BYTES`. DOCX
and text input has no page image: its paragraphs (DOCX) or lines (text) are
shown numbered as the provenance ``line`` counts them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from ..backends.ocr_raster import image_dpi, load_page, page_count
from ..options import Limits

DPI = 96  # a page of A4 is 794 x 1123 pixels: readable beside the tree
MAX_PAGE_BYTES = 200_000
_QUALITIES = (60, 45, 30)  # WebP quality, lowered until the page fits


@dataclass(frozen=True)
class PageImage:
    """One rendered page: 1-based ``number``, size in PDF points, file name beside the report."""

    number: int
    width: float
    height: float
    src: str


@dataclass(frozen=True)
class SourceLine:
    """One numbered paragraph or line of a source without pages."""

    number: int
    text: str


def render_pages(source: Path, kind: str, folder: Path, prefix: str) -> list[PageImage]:
    """Render every page of a PDF or image ``source`` into ``folder`` (created)."""
    raster = "pdf" if kind == "pdf" else "image"
    limits = Limits()
    folder.mkdir(parents=True, exist_ok=True)
    pages = []
    for index in range(page_count(source, raster, limits)):
        dpi = image_dpi(source, raster, index, limits, DPI)
        image = Image.fromarray(load_page(source, raster, index, limits, DPI))
        if dpi != DPI:  # an image declaring its own resolution
            factor = DPI / dpi
            image = image.resize((round(image.width * factor), round(image.height * factor)))
            dpi = DPI
        name = f"{prefix}{index + 1:03d}.webp"
        (folder / name).write_bytes(_encode(image))
        width, height = image.width * 72 / dpi, image.height * 72 / dpi
        pages.append(PageImage(index + 1, width, height, f"{folder.name}/{name}"))
    return pages


def _encode(image: Image.Image) -> bytes:
    """WebP bytes of a page, at the best quality that keeps it under the size cap."""
    data = b""
    for quality in _QUALITIES:
        buffer = io.BytesIO()
        image.save(buffer, "WEBP", quality=quality, method=4)
        data = buffer.getvalue()
        if len(data) <= MAX_PAGE_BYTES:
            break
    return data


def source_lines(source: Path, kind: str) -> list[SourceLine]:
    """The numbered paragraphs (DOCX, as provenance counts them) or lines (text) of a source."""
    if kind == "docx":
        from ..api import parse
        from ..docmodel import Kind

        document = parse(source)
        return [
            SourceLine(block.line, block.text)
            for block in document.walk()
            if block.kind is not Kind.TABLE and block.line is not None and block.text.strip()
        ]
    from ..textio import read_text

    text, _ = read_text(source)
    return [SourceLine(n, line) for n, line in enumerate(text.split("\n"), start=1)]
