"""Which characters of a PDF page a reader can actually see.

Documents made from templates keep text nobody sees: characters in render
mode 3 (neither filled nor stroked) or 7 (clip only), characters in the
colour of what lies under them (white on a white page, text set in the
colour of its box), characters outside the page, and characters covered by
an opaque rectangle or picture drawn over them later in the content stream.

pdfminer does not keep the render mode, so the page is laid out once with
pdfplumber's own device extended to note it (:func:`lay_out`); the page's
objects are then visited in content-stream order (:func:`visible_chars`).
Filled rectangles and pictures without transparency cover what was drawn
before them; any filled shape colours the background of what comes after it
(a picture's colour is unknown: text on a picture counts as visible).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTItem, LTPage, LTRect
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfplumber.page import PDFPageAggregatorWithMarkedContent
from pdfplumber.utils.exceptions import PdfminerException

_INVISIBLE_MODES = {3, 7}  # Tr 3: no fill, no stroke; Tr 7: clip only
_SAME_COLOUR = 0.06  # RGB distance under which text and background look alike
_MIN_COVER = 2.0  # points: thinner rectangles are rules, not boxes
WHITE = (1.0, 1.0, 1.0)


@dataclass
class _Shape:
    """A filled shape: where it comes in the stream, its box, colour, whether it hides text."""

    index: int  # number of characters drawn before it
    box: tuple[float, float, float, float]
    colour: tuple[float, ...] | None
    covers: bool


class _Device(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's layout device, also marking characters drawn invisibly."""

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
        interpreter = PDFPageInterpreter(page.pdf.rsrcmgr, device)
        try:
            interpreter.process_page(page.page_obj)
        except Exception as err:
            raise PdfminerException(err) from err
        page._layout = device.get_result()
    layout: LTPage = page._layout
    return layout


def visible_chars(page: Any) -> list[dict[str, Any]]:
    """The page's characters (pdfplumber dicts) a reader can see, in stream order."""
    layout = lay_out(page)
    chars = page.chars
    order: list[LTChar] = []
    shapes: list[_Shape] = []
    for item in _in_stream_order(layout):
        if isinstance(item, LTChar):
            order.append(item)
        elif isinstance(item, LTCurve) and item.fill:  # LTRect is a kind of LTCurve
            covers = isinstance(item, LTRect) and min(item.width, item.height) >= _MIN_COVER
            shapes.append(_Shape(len(order), item.bbox, rgb(item.non_stroking_color), covers))
        elif isinstance(item, LTImage) and _opaque(item):
            shapes.append(_Shape(len(order), item.bbox, None, True))
    if len(order) != len(chars):  # not the walk pdfplumber made: keep everything
        return list(chars)
    keep = _visible(order, shapes, layout.bbox)
    return [char for char, seen in zip(chars, keep, strict=True) if seen]


def _in_stream_order(container: LTContainer[Any]) -> Iterator[LTItem]:
    """Every object of a layout, form XObjects opened, as pdfplumber walks them."""
    for item in container:
        if isinstance(item, LTContainer) and not isinstance(item, LTImage):
            yield from _in_stream_order(item)
        else:
            yield item


def _opaque(image: LTImage) -> bool:
    """A picture with no transparency, large enough to hide text."""
    masked = any(image.stream.get(key) is not None for key in ("SMask", "Mask", "ImageMask"))
    return not masked and min(image.width, image.height) >= _MIN_COVER


def _visible(
    chars: list[LTChar],
    shapes: list[_Shape],
    page_box: tuple[float, float, float, float],
) -> list[bool]:
    """Per character: drawn visibly, inside the page, not covered, not background-coloured."""
    centres = np.array([((c.x0 + c.x1) / 2, (c.y0 + c.y1) / 2) for c in chars]).reshape(-1, 2)
    left, bottom, right, top = page_box
    keep = (
        (centres[:, 0] >= left)
        & (centres[:, 0] <= right)
        & (centres[:, 1] >= bottom)
        & (centres[:, 1] <= top)
    )
    keep &= np.array([not getattr(c, "invisible", False) for c in chars], dtype=bool)
    colours = [rgb(c.graphicstate.ncolor) for c in chars]
    background: list[tuple[float, ...] | None] = [WHITE] * len(chars)
    if shapes:
        boxes = np.array([shape.box for shape in shapes])
        after = np.array([shape.index for shape in shapes])
        covering = np.array([shape.covers for shape in shapes], dtype=bool)
        inside = (
            (centres[:, None, 0] >= boxes[None, :, 0])
            & (centres[:, None, 0] <= boxes[None, :, 2])
            & (centres[:, None, 1] >= boxes[None, :, 1])
            & (centres[:, None, 1] <= boxes[None, :, 3])
        )
        position = np.arange(len(chars))[:, None]
        keep &= ~(inside & covering[None, :] & (after[None, :] > position)).any(axis=1)
        under = inside & (after[None, :] <= position)
        for row in np.nonzero(under.any(axis=1))[0].tolist():
            background[row] = shapes[int(np.nonzero(under[row])[0][-1])].colour
    for i, (colour, ground) in enumerate(zip(colours, background, strict=True)):
        if keep[i] and colour is not None and ground is not None and _alike(colour, ground):
            keep[i] = False
    return [bool(k) for k in keep]


def rgb(colour: Any) -> tuple[float, ...] | None:
    """A fill colour as RGB (gray, RGB or CMYK components), None when unknown (patterns)."""
    if isinstance(colour, (int, float)):
        colour = (colour,)
    if not isinstance(colour, (tuple, list)) or not all(
        isinstance(v, (int, float)) for v in colour
    ):
        return None
    values = [float(v) for v in colour]
    if len(values) == 1:
        return (values[0],) * 3
    if len(values) == 3:
        return tuple(values)
    if len(values) == 4:
        c, m, y, k = values
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None


def _alike(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return max(abs(x - y) for x, y in zip(a, b, strict=True)) <= _SAME_COLOUR
