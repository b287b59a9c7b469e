"""Characters of a PDF page as pdfminer places them, without pdfminer's layout objects.

pdfminer builds an ``LTChar`` per character (a dozen attributes, a bounding
box through four matrix products), and pdfplumber tags each one. The readers
use a few of those facts: :class:`Char` keeps them, computed with pdfminer's
own arithmetic (the same floats). :func:`glyph` is the one place where a
character's text and font name are produced (once per font and character code).
"""

from __future__ import annotations

from typing import Any

from pdfminer.layout import LTChar
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfplumber.page import fix_fontname_bytes

from .symbol_fonts import map_symbol

_UNUSED: tuple[Any, Any] = (None, None)  # an LTChar's colour space and graphic state
Glyphs = dict[tuple[PDFFont, int], tuple[str, Any, float, float | None]]  # see glyph()


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
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        graphicstate: Any,
    ) -> None:
        self.text = text
        self.fontname = fontname
        self.size = size
        self.matrix = matrix
        self.upright = upright
        self.x0, self.y0, self.x1, self.y1 = x0, y0, x1, y1
        self.graphicstate = graphicstate
        self.invisible = False


def glyph(font: PDFFont, cid: int) -> tuple[str, Any, float, float | None]:
    """A character code's text and font name, as pdfplumber reads them, with its width and
    the font's descent (text space units; None for a vertical font).

    The one place where a character's text and font name are produced; a check mark or
    box of a symbol font (Wingdings…) becomes its Unicode glyph.
    """
    try:
        text = font.to_unichr(cid)
    except PDFUnicodeNotDefined:
        text = f"(cid:{cid})"  # pdfminer's mark for a character without text
    name = font.fontname
    if isinstance(name, bytes):  # rare byte-encoded font names, as pdfplumber decodes them
        name = fix_fontname_bytes(name)
    text = map_symbol(name, text)
    descent = None if font.is_vertical() else font.get_descent()
    return text, name, font.char_width(cid), descent


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
    found = cache.get((font, cid))
    if found is None:
        found = cache[font, cid] = glyph(font, cid)
    text, fontname, width, descent = found
    if descent is None:  # a vertical font
        item = LTChar(
            matrix, font, fontsize, scaling, rise, text, width, font.char_disp(cid), *_UNUSED
        )
        box = (item.x0, item.y0, item.x1, item.y1)
        return Char(text, fontname, item.size, matrix, item.upright, *box, graphicstate), item.adv
    adv = width * fontsize * scaling
    descent *= fontsize
    bottom, top = descent + rise, descent + rise + fontsize
    a, b, c, d, e, f = matrix
    upright = a * d * scaling > 0 and b * c <= 0
    # apply_matrix_rect(matrix, (0, bottom, adv, top)), term by term
    left1, bottom1 = a * 0 + c * bottom + e, b * 0 + d * bottom + f
    right1, bottom2 = a * adv + c * bottom + e, b * adv + d * bottom + f
    right2, top1 = a * adv + c * top + e, b * adv + d * top + f
    left2, top2 = a * 0 + c * top + e, b * 0 + d * top + f
    x0, x1 = min(left1, left2, right1, right2), max(left1, left2, right1, right2)
    y0, y1 = min(bottom1, bottom2, top1, top2), max(bottom1, bottom2, top1, top2)
    return Char(text, fontname, y1 - y0, matrix, upright, x0, y0, x1, y1, graphicstate), adv
