"""Which characters of a PDF page a reader can actually see (and read as text).

Documents made from templates keep text nobody sees: characters in render
mode 3 (neither filled nor stroked) or 7 (clip only), characters in the
colour of what lies under them (white on a white page, text set in the
colour of its box), characters outside the page, and characters covered by
an opaque rectangle or picture drawn over them later in the content stream.
Characters set at a slant (neither upright nor turned by a right angle) are
watermarks, not text to read.

pdfminer does not keep the render mode, so the page is laid out once with
pdfplumber's own device extended to note it (:func:`lay_out`); the page's
objects are then visited in content-stream order (:func:`visible_chars`).
Filled rectangles and pictures without transparency cover what was drawn
before them; any filled shape colours the background of what comes after it
(a picture's colour is unknown: text on a picture counts as visible), and so
does a straight line stroked thicker than a line of text (a cover's band of
colour drawn as one wide stroke, its title in white on it). A shape
thinner than :data:`_MIN_COVER` is a rule: it neither hides nor colours the
line of text it crosses (a running footer's rule drawn through a table row
that runs over the footer). A
shape counts only where its clipping path lets it paint (:mod:`.pdf_clip`):
filled under an even-odd ring it paints a border, neither covering nor
colouring the text inside.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from pdfminer.layout import LTContainer, LTCurve, LTImage, LTItem, LTLine, LTPage, LTRect
from pdfplumber.page import PDFPageAggregatorWithMarkedContent
from pdfplumber.utils.exceptions import PdfminerException

from .pdf_chars import Char, Glyphs, place
from .pdf_clip import Clip, ClipInterpreter, painted

_log = logging.getLogger("pdfminer.pdfdevice")
_INVISIBLE_MODES = {3, 7}  # Tr 3: no fill, no stroke; Tr 7: clip only
_SAME_COLOUR = 0.06  # RGB distance under which text and background look alike
_MIN_COVER = 2.0  # points: thinner rectangles are rules, not boxes
_BAND = 6.0  # points: a straight line stroked this wide is a band of colour, not a rule
_UNKNOWN = (float("nan"), float("nan"), float("nan"))  # matches no colour (patterns, pictures)
_BESIDE = 8.0  # points: text this close to a shape's side goes on under it
_CHUNK = 2_000_000  # characters x shapes compared at once (bounds memory)
WHITE = (1.0, 1.0, 1.0)


@dataclass
class _Shape:
    """A filled shape: where it comes in the stream, its box, colour, whether it hides text."""

    index: int  # number of characters drawn before it
    box: tuple[float, float, float, float]
    colour: tuple[float, float, float] | None
    covers: bool


class _Device(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's layout device placing lean characters (:class:`.pdf_chars.Char`,
    not pdfminer's ``LTChar``), also marking characters drawn invisibly."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.glyphs: Glyphs = {}
        self.clip: Clip | None = None  # set by :class:`.pdf_clip.ClipInterpreter`

    def paint_path(self, gstate: Any, stroke: bool, fill: bool, evenodd: bool, path: Any) -> None:
        start = len(self.cur_item._objs)
        super().paint_path(gstate, stroke, fill, evenodd, path)
        if self.clip is not None:  # where the shapes really paint (:func:`.pdf_clip.painted`)
            for item in self.cur_item._objs[start:]:
                item.clip = self.clip  # type: ignore[attr-defined]

    def render_char(
        self,
        matrix: Any,
        font: Any,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: Any,
        graphicstate: Any,
    ) -> float:
        char, advance = place(matrix, font, fontsize, scaling, rise, cid, graphicstate, self.glyphs)
        objs: list[Any] = self.cur_item._objs  # lean characters among layout objects
        objs.append(char)
        return advance

    def render_string_horizontal(
        self,
        seq: Any,
        matrix: Any,
        pos: Any,
        font: Any,
        fontsize: float,
        scaling: float,
        charspace: float,
        wordspace: float,
        rise: float,
        dxscale: float,
        ncs: Any,
        graphicstate: Any,
    ) -> Any:
        """pdfminer's own loop (the same arithmetic), placing lean characters directly."""
        x, y = pos
        a, b, c, d, e, f = matrix
        objs: list[Any] = self.cur_item._objs
        glyphs = self.glyphs
        needcharspace = False
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
                continue
            if not isinstance(obj, bytes):
                _log.warning("Cannot render horizontal string: %r is not a number or bytes", obj)
                continue
            for cid in font.decode(obj):
                if needcharspace:
                    x += charspace
                moved = (a, b, c, d, x * a + y * c + e, x * b + y * d + f)
                char, advance = place(
                    moved, font, fontsize, scaling, rise, cid, graphicstate, glyphs
                )
                objs.append(char)
                x += advance
                if cid == 32 and wordspace:
                    x += wordspace
                needcharspace = True
        return (x, y)

    def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
        start = len(self.cur_item._objs)
        super().render_string(textstate, seq, ncs, graphicstate)
        if textstate.render in _INVISIBLE_MODES:
            for item in self.cur_item._objs[start:]:
                item.invisible = True  # type: ignore[attr-defined]


def lay_out(page: Any) -> LTPage:
    """Lay the pdfplumber ``page`` out with :class:`_Device` (before it is read).

    pdfplumber caches a page's layout in ``page._layout``; filling that cache
    first makes ``page.chars`` and everything else read this layout.
    """
    if not hasattr(page, "_layout"):
        device = _Device(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
        interpreter = ClipInterpreter(page.pdf.rsrcmgr, device)
        try:
            interpreter.process_page(page.page_obj)
        except Exception as err:
            raise PdfminerException(err) from err
        page._layout = device.get_result()
    layout: LTPage = page._layout
    return layout


def visible_chars(page: Any) -> list[dict[str, Any]]:
    """The page's characters a reader can see, in stream order (see :func:`_char`).

    The characters are then taken out of the page's layout: pdfplumber reads
    the rest (rulings, boxes) without turning each character into a dict.
    """
    layout = lay_out(page)
    frame = _Frame.of(page)
    chars: list[dict[str, Any]] = []
    facts: list[tuple[float, float, float, float, float, float]] = []  # x, y, invisible, rgb
    shapes: list[_Shape] = []
    colours: dict[Any, tuple[float, float, float]] = {}
    state, colour = None, _UNKNOWN  # the last character's graphic state (one per string)
    for item in _in_stream_order(layout):
        if isinstance(item, Char):
            if item.graphicstate is not state:
                state, ncolor = item.graphicstate, item.graphicstate.ncolor
                key = tuple(ncolor) if isinstance(ncolor, list) else ncolor
                if key not in colours:
                    colours[key] = rgb(ncolor) or _UNKNOWN
                colour = colours[key]
            hidden = 1.0 if item.invisible or _slanted(item.matrix) else 0.0
            x, y = (item.x0 + item.x1) / 2, (item.y0 + item.y1) / 2
            facts.append((x, y, hidden, *colour))
            chars.append(frame.char(item))
        elif isinstance(item, LTCurve) and item.fill:  # LTRect is a kind of LTCurve
            tint = rgb(item.non_stroking_color)
            for part in painted(item.bbox, getattr(item, "clip", None)):
                if min(part[2] - part[0], part[3] - part[1]) >= _MIN_COVER:  # else a rule:
                    shapes.append(_Shape(len(facts), part, tint, isinstance(item, LTRect)))
        elif isinstance(item, LTLine) and item.stroke and item.linewidth >= _BAND:
            tint = rgb(item.stroking_color)  # a band: it colours what lies on it, hides nothing
            for part in painted(_band(item), getattr(item, "clip", None)):
                shapes.append(_Shape(len(facts), part, tint, False))
        elif isinstance(item, LTImage) and _opaque(item):
            shapes.append(_Shape(len(facts), item.bbox, None, True))
    _drop_chars(layout)
    if not chars:
        return chars
    keep = _visible(np.array(facts, dtype=float).reshape(-1, 6), shapes, layout.bbox)
    return [char for char, seen in zip(chars, keep.tolist(), strict=True) if seen]


@dataclass(frozen=True)
class _Frame:
    """Where a page's layout coordinates go in pdfplumber's frame (top-left origin)."""

    height: float
    left: float  # the media box's corner
    top: float
    doctop: float  # the page's top in the whole document

    @classmethod
    def of(cls, page: Any) -> _Frame:
        return cls(page.height, page.mediabox[0], page.mediabox[1], page.initial_doctop)

    def char(self, item: Char) -> dict[str, Any]:
        """The attributes the readers use of a character, valued as pdfplumber's
        ``page.chars`` values them (the same arithmetic, so the same floats) —
        but for ``upright``, false for a character turned by a right angle
        whose matrix rounds its zero cosines to tiny products (see :func:`turned`)."""
        top = (self.height - item.y1) + self.top
        return {
            "text": item.text,
            "fontname": item.fontname,
            "size": item.size,
            "matrix": item.matrix,
            "upright": item.upright and not turned(item.matrix),
            "x0": item.x0 + self.left if self.left else item.x0,
            "x1": item.x1 + self.left if self.left else item.x1,
            "top": top,
            "bottom": (self.height - item.y0) + self.top,
            "doctop": self.doctop + top,
        }


def _drop_chars(container: LTContainer[Any]) -> None:
    """Take the characters out of a layout (form XObjects included)."""
    container._objs = [item for item in container if not isinstance(item, Char)]
    for item in container:
        if isinstance(item, LTContainer) and not isinstance(item, LTImage):
            _drop_chars(item)


def turned(matrix: tuple[float, ...]) -> bool:
    """Text set sideways: its baseline runs up or down the page. pdfminer calls a
    character upright when ``a * d > 0``; a rotation written with cosines of
    ±6e-17 instead of 0 passes that test, its baseline vertical all the same."""
    a, b = matrix[0], matrix[1]
    return abs(b) > 0.95 * math.hypot(a, b) > 0


def _slanted(matrix: tuple[float, ...]) -> bool:
    """Text set at a slant (neither upright nor turned by a right angle): a watermark."""
    a, b = matrix[0], matrix[1]
    return bool(a and b) and min(abs(a), abs(b)) > 0.05 * max(abs(a), abs(b))


def _in_stream_order(container: LTContainer[Any]) -> Iterator[LTItem]:
    """Every object of a layout, form XObjects opened, as pdfplumber walks them."""
    for item in container:
        if isinstance(item, LTContainer) and not isinstance(item, LTImage):
            yield from _in_stream_order(item)
        else:
            yield item


def _band(line: LTLine) -> tuple[float, float, float, float]:
    """The box a straight stroke paints: its segment widened by half the line's
    width on either side (butt ends: a horizontal stroke widens up and down)."""
    x0, y0, x1, y1 = line.bbox
    half = line.linewidth / 2
    if x1 - x0 >= y1 - y0:
        return (x0, y0 - half, x1, y1 + half)
    return (x0 - half, y0, x1 + half, y1)


def _opaque(image: LTImage) -> bool:
    """A picture with no transparency, large enough to hide text."""
    masked = any(image.stream.get(key) is not None for key in ("SMask", "Mask", "ImageMask"))
    return not masked and min(image.width, image.height) >= _MIN_COVER


def _visible(
    facts: np.ndarray, shapes: list[_Shape], page_box: tuple[float, float, float, float]
) -> np.ndarray:
    """Per character (rows of x, y, invisible, r, g, b): drawn visibly, inside the page,
    not covered by a later shape, not in the colour of what lies under it."""
    x, y = facts[:, 0], facts[:, 1]
    left, bottom, right, top = page_box
    keep = (x >= left) & (x <= right) & (y >= bottom) & (y <= top) & (facts[:, 2] == 0)
    ground = np.tile(np.array(WHITE), (len(facts), 1))
    if shapes:
        boxes = np.array([shape.box for shape in shapes])
        after = np.array([shape.index for shape in shapes])
        covering = np.array([_hides_whole_lines(s, x, y) for s in shapes], dtype=bool)
        tints = np.array([shape.colour or _UNKNOWN for shape in shapes], dtype=float)
        step = max(1, _CHUNK // len(shapes))
        for start in range(0, len(facts), step):
            rows = slice(start, start + step)
            inside = (
                (x[rows, None] >= boxes[None, :, 0])
                & (x[rows, None] <= boxes[None, :, 2])
                & (y[rows, None] >= boxes[None, :, 1])
                & (y[rows, None] <= boxes[None, :, 3])
            )
            position = np.arange(start, start + inside.shape[0])[:, None]
            later = after[None, :] > position
            keep[rows] &= ~(inside & covering[None, :] & later).any(axis=1)
            last = np.where(inside & ~later, np.arange(len(shapes))[None, :], -1).max(axis=1)
            under = last >= 0
            ground[rows][under] = tints[last[under]]
    with np.errstate(invalid="ignore"):
        alike = np.abs(facts[:, 3:] - ground).max(axis=1) <= _SAME_COLOUR
    result: np.ndarray = keep & ~alike
    return result


def _hides_whole_lines(shape: _Shape, x: np.ndarray, y: np.ndarray) -> bool:
    """An opaque shape that hides whole lines of the text drawn before it.

    A shape lying over part of a line (a floating button printed over a web
    page) leaves the line readable on either side: it hides nothing.
    """
    if not shape.covers:
        return False
    x0, bottom, x1, top = shape.box
    before = slice(0, shape.index)
    bx, by = x[before], y[before]
    under = (bx >= x0) & (bx <= x1) & (by >= bottom) & (by <= top)
    if not under.any():
        return True
    lines = np.unique(np.round(by[under]))
    beside = ~under & np.isin(np.round(by), lines)
    near = (np.abs(bx - x0) <= _BESIDE) | (np.abs(bx - x1) <= _BESIDE)
    return not bool((beside & near).any())


def rgb(colour: Any) -> tuple[float, float, float] | None:
    """A fill colour as RGB (gray, RGB or CMYK components), None when unknown (patterns)."""
    if isinstance(colour, (int, float)):
        colour = (colour,)
    if not isinstance(colour, (tuple, list)) or not all(
        isinstance(v, (int, float)) for v in colour
    ):
        return None
    values = [float(v) for v in colour]
    if len(values) == 1:
        return values[0], values[0], values[0]
    if len(values) == 3:
        return values[0], values[1], values[2]
    if len(values) == 4:
        c, m, y, k = values
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None
