"""Find where a text stands on a PDF's pages (a reference element the extraction missed).

The page's text layer (pypdfium2) is searched with a fuzzy partial match on
whitespace-collapsed text; the boxes of the matched characters are joined. A
scan without a text layer finds nothing, and the element is listed without a box.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from rapidfuzz import fuzz

from ..evaluate import THRESHOLD
from ..models import BBox

_NEEDLE_CHARS = 120  # the start of an element's text is enough to place it


@dataclass
class PageText:
    """One page's text with whitespace collapsed, each character's index in the text layer."""

    number: int
    height: float
    text: str
    chars: list[int]
    layer: pdfium.PdfTextPage


class TextFinder:
    """Locates texts on the pages of one PDF (keeps it open: use as a context manager)."""

    def __init__(self, path: Path) -> None:
        self._pdf = pdfium.PdfDocument(str(path))
        self._pages: list[PageText] = []
        for index in range(len(self._pdf)):
            page = self._pdf[index]
            layer = page.get_textpage()
            raw = layer.get_text_range(0, layer.count_chars())
            text: list[str] = []
            chars: list[int] = []
            for i, char in enumerate(raw):
                if char.isspace():
                    if text and text[-1] == " ":
                        continue
                    char = " "
                text.append(char.casefold())
                chars.append(i)
            self._pages.append(PageText(index + 1, page.get_height(), "".join(text), chars, layer))

    def __enter__(self) -> TextFinder:
        return self

    def __exit__(self, *_: object) -> None:
        self._pdf.close()

    def find(self, text: str) -> tuple[int, BBox] | None:
        """The page and box where ``text`` (its start) best matches, if it matches well."""
        needle = " ".join(text.split())[:_NEEDLE_CHARS].casefold()
        best: tuple[float, PageText, int, int] | None = None
        for page in self._pages:
            if len(page.text) < len(needle):
                continue
            found = fuzz.partial_ratio_alignment(needle, page.text)
            if found is not None and (best is None or found.score > best[0]):
                best = (found.score, page, found.dest_start, found.dest_end)
        if not needle or best is None or best[0] < THRESHOLD * 100:
            return None
        _, page, start, end = best
        boxes = [page.layer.get_charbox(page.chars[i]) for i in range(start, end)]
        boxes = [b for b in boxes if b[2] > b[0]]
        if not boxes:
            return None
        left, bottom = min(b[0] for b in boxes), min(b[1] for b in boxes)
        right, top = max(b[2] for b in boxes), max(b[3] for b in boxes)
        box = BBox(
            x0=round(left, 2),
            top=round(page.height - top, 2),
            x1=round(right, 2),
            bottom=round(page.height - bottom, 2),
        )
        return page.number, box
