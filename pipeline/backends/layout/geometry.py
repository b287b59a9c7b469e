"""Boxes at the readers' boundary: pixels to points, boxes kept on their page."""

from __future__ import annotations

from ...docmodel import BBox


def points(box: tuple[float, float, float, float], dpi: float) -> BBox:
    """A pixel box (x0, y0, x1, y1) of a page rendered at ``dpi`` as a box in points."""
    scale = 72.0 / dpi
    x0, y0, x1, y1 = box
    return BBox(x0 * scale, y0 * scale, x1 * scale, y1 * scale)


def clamp(box: BBox, width: float, height: float) -> BBox:
    """``box`` cut to the page (shapes drawn past the page's edge)."""
    return BBox(
        min(max(box.x0, 0.0), width),
        min(max(box.top, 0.0), height),
        min(max(box.x1, 0.0), width),
        min(max(box.bottom, 0.0), height),
    )
