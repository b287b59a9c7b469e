"""The ruling edges of a PDF page: the lines a reader sees as a table's borders.

pdfplumber turns every rectangle into four edges. A rectangle only filled, on
an area of its own colour, draws no line: word processors paint one inside each
shaded cell a few points within its borders (and one per shaded line of text),
white ones on the white page too. Taken as rules, their edges cut sliver rows
and columns through a table. Those edges are left out; a filled rectangle of
another colour than what lies under it (the smallest such rectangle holding
it, else the white page) keeps its edges.
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


def ruling_edges(page: Any) -> list[dict[str, Any]]:
    """The page's edges (lines, rectangles, curves) without those of unseen fills."""
    rects = list(page.rects)
    hidden = _unseen(rects)
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
