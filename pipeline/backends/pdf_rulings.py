"""The ruling edges of a PDF page: the lines a reader sees as a table's borders.

pdfplumber turns every rectangle into four edges. A rectangle only filled, on
an area of its own colour, draws no line: word processors paint one inside each
shaded cell a few points within its borders (and one per shaded line of text),
white ones on the white page too. Taken as rules, their edges cut sliver rows
and columns through a table. Those edges are left out; a filled rectangle of
another colour than what lies under it (the smallest such rectangle holding
it, else the white page) keeps its edges, unless rules frame it on all four
sides (see :func:`_framed`): then it is a cell's shading, often painted in
pieces around a form field, and the rules are the cell's borders.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from pdfplumber.utils import curve_to_edges, line_to_edge, rect_to_edges

from .pdf_visible import WHITE, rgb

_MIN_SIDE = 2.0  # points: a thinner rectangle is a rule, drawn to be seen
_SLACK = 0.5  # points: a rectangle within this of another's box lies inside it
_SAME = 0.02  # colour components closer than this are the same colour
_MAX_FILLS = 3000  # more filled rectangles than this: a drawing, left as it is
_FRAME = 40.0  # points: a rule this far beyond a shading's side may be its cell's border


def ruling_edges(page: Any) -> list[dict[str, Any]]:
    """The page's edges (lines, rectangles, curves) without those of unseen fills."""
    rects = list(page.rects)
    hidden = _unseen(rects) | _framed(rects, page.lines)
    if not hidden:
        return list(page.edges)
    return [
        *map(line_to_edge, page.lines),
        *(edge for i, rect in enumerate(rects) if i not in hidden for edge in rect_to_edges(rect)),
        *(edge for curve in page.curves for edge in curve_to_edges(curve)),
    ]


def _unseen(rects: list[dict[str, Any]]) -> set[int]:
    """Indexes of the filled, unstroked rectangles painted on their own colour."""
    fills = [
        (i, colour)
        for i, r in enumerate(rects)
        if r.get("fill")
        and not r.get("stroke")
        and r["x1"] - r["x0"] >= _MIN_SIDE
        and r["bottom"] - r["top"] >= _MIN_SIDE
        and (colour := rgb(r.get("non_stroking_color"))) is not None
    ]
    if not fills or len(fills) > _MAX_FILLS:
        return set()
    box = np.array([[rects[i][k] for k in ("x0", "top", "x1", "bottom")] for i, _ in fills])
    colours = np.array([colour for _, colour in fills])
    area = (box[:, 2] - box[:, 0]) * (box[:, 3] - box[:, 1])
    inside = (
        (box[:, None, 0] >= box[None, :, 0] - _SLACK)
        & (box[:, None, 1] >= box[None, :, 1] - _SLACK)
        & (box[:, None, 2] <= box[None, :, 2] + _SLACK)
        & (box[:, None, 3] <= box[None, :, 3] + _SLACK)
        & (area[:, None] < area[None, :])
    )  # inside[a, b]: rectangle a lies within the larger rectangle b
    hidden = set()
    for a, (index, colour) in enumerate(fills):
        holders = np.flatnonzero(inside[a])
        under = colours[holders[np.argmin(area[holders])]] if holders.size else np.array(WHITE)
        if np.all(np.abs(np.array(colour) - under) < _SAME):
            hidden.add(index)
    return hidden


def _framed(rects: list[dict[str, Any]], lines: list[dict[str, Any]]) -> set[int]:
    """Indexes of the filled, unstroked rectangles that rules frame: on each
    side a rule (a line, or a rectangle thinner than ``_MIN_SIDE``) across the
    whole side, on it or at most ``_FRAME`` beyond it, or a piece of the same
    shading going on (a fill of the same colour touching that side)."""
    rules = [
        (r["x0"], r["top"], r["x1"], r["bottom"])
        for r in [*lines, *rects]
        if min(r["x1"] - r["x0"], r["bottom"] - r["top"]) < _MIN_SIDE
    ]
    fills = [
        (i, (r["x0"], r["top"], r["x1"], r["bottom"]), colour)
        for i, r in enumerate(rects)
        if r.get("fill")
        and not r.get("stroke")
        and min(r["x1"] - r["x0"], r["bottom"] - r["top"]) >= _MIN_SIDE
        and (colour := rgb(r.get("non_stroking_color"))) is not None
    ]
    if not rules or not fills or len(fills) > _MAX_FILLS:
        return set()
    frame = np.array(rules)
    mid_x, mid_y = (frame[:, 0] + frame[:, 2]) / 2, (frame[:, 1] + frame[:, 3]) / 2
    shade = np.array([box for _, box, _ in fills])
    colours = np.array([colour for _, _, colour in fills])
    framed = set()
    for index, (x0, top, x1, bottom), colour in fills:
        across = (frame[:, 0] <= x0 + _SLACK) & (frame[:, 2] >= x1 - _SLACK)
        down = (frame[:, 1] <= top + _SLACK) & (frame[:, 3] >= bottom - _SLACK)
        same = np.all(np.abs(colours - np.array(colour)) < _SAME, axis=1)
        rows = same & (shade[:, 1] < bottom) & (shade[:, 3] > top)  # beside it
        columns = same & (shade[:, 0] < x1) & (shade[:, 2] > x0)  # above or below it
        sides = (
            np.any(across & (mid_y <= top + _SLACK) & (mid_y >= top - _FRAME))
            or np.any(columns & (np.abs(shade[:, 3] - top) <= _SLACK)),
            np.any(across & (mid_y >= bottom - _SLACK) & (mid_y <= bottom + _FRAME))
            or np.any(columns & (np.abs(shade[:, 1] - bottom) <= _SLACK)),
            np.any(down & (mid_x <= x0 + _SLACK) & (mid_x >= x0 - _FRAME))
            or np.any(rows & (np.abs(shade[:, 2] - x0) <= _SLACK)),
            np.any(down & (mid_x >= x1 - _SLACK) & (mid_x <= x1 + _FRAME))
            or np.any(rows & (np.abs(shade[:, 0] - x1) <= _SLACK)),
        )
        if all(sides):
            framed.add(index)
    return framed
