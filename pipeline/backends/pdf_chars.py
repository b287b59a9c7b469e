"""Characters of a PDF page as pdfminer places them, without pdfminer's layout objects.

pdfminer builds an ``LTChar`` per character (a dozen attributes, a bounding
box through four matrix products), and pdfplumber tags each one. The readers
use a few of those facts: :class:`Char` keeps them, computed with pdfminer's
own arithmetic (the same floats). :func:`glyph` is the one place where a
character's text and font name are produced.
"""

from __future__ import annotations

from typing import Any

from pdfminer.layout import LTChar
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined

Glyphs = dict[tuple[PDFFont, int], tuple[str, float]]  # (font, cid) -> text, width


class Char:
    """One character: text, font, size, position (pdfminer's frame: bottom-left origin)."""

    __slots__ = (
        "text",
        "fontname",
        "size",
        "matrix",
        "upright",
        "x0",
        "y0",
        "x1",
        "y1",
        "graphicstate",
        "invisible",
    )

    def __init__(
        self,
        text: str,
        fontname: Any,
        size: float,
        matrix: tuple[float, ...],
        upright: bool,
        box: tuple[float, float, float, float],
        graphicstate: Any,
    ) -> None:
        self.text = text
        self.fontname = fontname
        self.size = size
        self.matrix = matrix
        self.upright = upright
        self.x0, self.y0, self.x1, self.y1 = box
        self.graphicstate = graphicstate
        self.invisible = False


def glyph(font: PDFFont, cid: int, cache: Glyphs) -> tuple[str, float]:
    """A character's text and width (text space units), as pdfminer reads them."""
    key = (font, cid)
    found = cache.get(key)
    if found is None:
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = f"(cid:{cid})"  # pdfminer's mark for a character without text
        found = cache[key] = (text, font.char_width(cid))
    return found


def place(
    matrix: tuple[float, float, float, float, float, float],
    font: PDFFont,
    fontsize: float,
    scaling: float,
    rise: float,
    cid: int,
    graphicstate: Any,
    cache: Glyphs,
) -> tuple[Char, float]:
    """A character drawn with ``matrix`` and its advance (what ``LTChar`` computes)."""
    text, width = glyph(font, cid, cache)
    if font.is_vertical():
        item = LTChar(
            matrix, font, fontsize, scaling, rise, text, width, font.char_disp(cid), None, None
        )
        box = (item.x0, item.y0, item.x1, item.y1)
        return Char(
            text, font.fontname, item.size, matrix, item.upright, box, graphicstate
        ), item.adv
    adv = width * fontsize * scaling
    descent = font.get_descent() * fontsize
    bottom, top = descent + rise, descent + rise + fontsize
    a, b, c, d, e, f = matrix
    upright = a * d * scaling > 0 and b * c <= 0
    # apply_matrix_rect(matrix, (0, bottom, adv, top)), term by term
    left1, bottom1 = a * 0 + c * bottom + e, b * 0 + d * bottom + f
    right1, bottom2 = a * adv + c * bottom + e, b * adv + d * bottom + f
    right2, top1 = a * adv + c * top + e, b * adv + d * top + f
    left2, top2 = a * 0 + c * top + e, b * 0 + d * top + f
    y0, y1 = min(bottom1, bottom2, top1, top2), max(bottom1, bottom2, top1, top2)
    box = (min(left1, left2, right1, right2), y0, max(left1, left2, right1, right2), y1)
    return Char(text, font.fontname, y1 - y0, matrix, upright, box, graphicstate), adv
