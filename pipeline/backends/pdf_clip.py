"""Where a filled shape really paints: the clipping path pdfminer ignores.

Some PDF makers (Ghostscript among them) draw a table's borders and bands as
a large box filled under a clipping path: an even-odd ring made of a cell's
outer and inner rectangles, or a few strips beside the text. Only the
clipped part is painted, and the text inside the cell stays readable; pdfminer
ignores clipping paths, so such a fill looks like an opaque box drawn over
the text. :class:`ClipInterpreter` follows the clipping path through the
graphics-state stack (a new clip intersects the current one) as boxes in page
space that make its region (:func:`region`: a ring encloses only its band, a
U its three strips) and hands that :class:`Clip` to its device
(``device.clip``) before every painting. :func:`painted` gives the boxes a
filled shape really covers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pdfminer.utils import apply_matrix_pt

from .pdf_content import FastInterpreter

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in page space
Point = tuple[float, float]
_EPS = 0.01  # points: sides closer to parallel than this are
_MAX_CELLS = 400  # grid cells a clipping path is cut into, at most


@dataclass(frozen=True)
class Clip:
    """A clipping path's region, as boxes (page space) that together make it."""

    boxes: tuple[Box, ...]

    def within(self, other: Clip | None) -> Clip:
        """This clip intersected with the one in force (None: the whole page)."""
        if other is None:
            return self
        boxes = tuple(
            box for a in self.boxes for b in other.boxes if (box := _meet(a, b)) is not None
        )
        return Clip(boxes)


def _meet(a: Box, b: Box) -> Box | None:
    box = (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))
    return box if box[0] < box[2] and box[1] < box[3] else None


def subpaths(path: Sequence[tuple[Any, ...]], ctm: Any) -> tuple[list[list[Point]], bool]:
    """The closed subpaths of a path in user space, as page-space points, and
    whether every side is straight and parallel to the page's sides."""
    shapes: list[list[Point]] = []
    square = True
    for segment in path:
        if segment[0] == "re":
            x, y, w, h = (float(v) for v in segment[1:5])
            corners = ((x, y), (x + w, y), (x + w, y + h), (x, y + h))
            shapes.append([apply_matrix_pt(ctm, c) for c in corners])
        elif segment[0] == "m" or not shapes:
            if len(segment) >= 3:
                shapes.append([apply_matrix_pt(ctm, (float(segment[-2]), float(segment[-1])))])
        elif len(segment) >= 3:
            square = square and segment[0] == "l"
            shapes[-1].append(apply_matrix_pt(ctm, (float(segment[-2]), float(segment[-1]))))
    for points in shapes:
        sides = zip(points, [*points[1:], points[0]], strict=True)
        square = square and all(
            abs(a[0] - b[0]) < _EPS or abs(a[1] - b[1]) < _EPS for a, b in sides
        )
    return shapes, square


def region(shapes: list[list[Point]], square: bool, evenodd: bool) -> tuple[Box, ...]:
    """Boxes making the region a clipping path encloses (even-odd or nonzero
    rule): the cells of the grid its corners draw whose centre it encloses; a
    path with slanted or curved sides (or too many corners) counts as its
    subpaths' boxes."""
    xs = sorted({round(p[0], 2) for points in shapes for p in points})
    ys = sorted({round(p[1], 2) for points in shapes for p in points})
    if not square or len(xs) * len(ys) > _MAX_CELLS:
        return tuple(
            (
                min(p[0] for p in ps),
                min(p[1] for p in ps),
                max(p[0] for p in ps),
                max(p[1] for p in ps),
            )
            for ps in shapes
        )
    uprights = [
        (a[0], a[1], b[1])
        for points in shapes
        for a, b in zip(points, [*points[1:], points[0]], strict=True)
        if abs(a[1] - b[1]) >= _EPS
    ]
    boxes = []
    for x0, x1 in zip(xs, xs[1:], strict=False):
        for y0, y1 in zip(ys, ys[1:], strict=False):
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            crossed = [
                1 if b > a else -1 for x, a, b in uprights if x > cx and min(a, b) < cy < max(a, b)
            ]
            if (len(crossed) % 2 if evenodd else sum(crossed)) != 0:
                boxes.append((x0, y0, x1, y1))
    return tuple(boxes)


def painted(box: Box, clip: Clip | None) -> list[Box]:
    """The parts of a filled ``box`` the ``clip`` lets paint."""
    if clip is None:
        return [box]
    return [part for sub in clip.boxes if (part := _meet(box, sub)) is not None]


class ClipInterpreter(FastInterpreter):
    """The page interpreter following the clipping path (see the module doc)."""

    inherited: Clip | None = None  # the clip a form XObject is drawn under (:meth:`dup`)

    def init_state(self, ctm: Any) -> None:
        super().init_state(ctm)
        self.clips: list[Clip | None] = []  # the clip saved by each open ``q``
        self._set(self.inherited)

    def _set(self, clip: Clip | None) -> None:
        self.clip = clip
        self.device.clip = clip  # type: ignore[attr-defined]

    def dup(self) -> ClipInterpreter:
        """The interpreter of a form XObject, drawn under the current clip."""
        form = super().dup()
        assert isinstance(form, ClipInterpreter)
        form.inherited = self.clip
        return form

    def do_Do(self, xobjid: Any) -> None:
        super().do_Do(xobjid)
        self._set(self.clip)  # a form's interpreter shares the device

    def do_q(self) -> None:
        super().do_q()
        self.clips.append(self.clip)

    def do_Q(self) -> None:
        super().do_Q()
        if self.clips:
            self._set(self.clips.pop())

    def do_W(self) -> None:
        """Nonzero clipping path (for the paintings that follow)."""
        self._clip(evenodd=False)

    def do_W_a(self) -> None:
        """Even-odd clipping path (for the paintings that follow)."""
        self._clip(evenodd=True)

    def _clip(self, evenodd: bool) -> None:
        shapes, square = subpaths(self.curpath, self.ctm)
        if shapes:
            self._set(Clip(region(shapes, square, evenodd)).within(self.clip))
