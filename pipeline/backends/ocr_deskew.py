"""Estimate and undo a small page rotation (a sheet fed slightly askew).

The angle is the one whose horizontal projection profile of dark pixels is the
sharpest (text lines and table rules collapse into narrow peaks): a shear
approximation of rotation on a downscaled binary image, coarse then fine. It is
cheap (a few ms per angle) and independent of Tesseract.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

MAX_ANGLE = 5.0  # degrees searched either way; larger rotations are not "small"
_WORK_WIDTH = 800  # pixels: the page is downscaled to about this width first
_MIN_DARK = 200  # fewer dark pixels than this: a blank page, nothing to estimate


def estimate_angle(gray: np.ndarray) -> float:
    """The page's skew in degrees (positive = content rotated counter-clockwise)."""
    small = _downscale(gray)
    ys, xs = np.nonzero(small < otsu_threshold(small))
    if len(xs) < _MIN_DARK:
        return 0.0
    xs = xs - xs.mean()
    best = _search(ys, xs, np.arange(-MAX_ANGLE, MAX_ANGLE + 1e-9, 0.25))
    best = _search(ys, xs, np.arange(best - 0.25, best + 0.25 + 1e-9, 0.02))
    return float(round(best, 2))


def rotate(gray: np.ndarray, angle: float) -> np.ndarray:
    """The page rotated by ``-angle`` degrees (undoing the skew), white fill."""
    if abs(angle) < 0.05:
        return gray
    image = Image.fromarray(gray).rotate(
        -angle, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=255
    )
    return np.asarray(image, dtype=np.uint8)


def deskew(gray: np.ndarray) -> tuple[np.ndarray, float]:
    """The straightened page and the angle that was removed."""
    angle = estimate_angle(gray)
    return rotate(gray, angle), angle


def _downscale(gray: np.ndarray) -> np.ndarray:
    """Each ``step`` x ``step`` block reduced to its darkest pixel (thin strokes stay dark)."""
    step = max(1, gray.shape[1] // _WORK_WIDTH)
    if step == 1:
        return gray
    height = gray.shape[0] // step * step
    width = gray.shape[1] // step * step
    small = gray[:height:step, :width:step].copy()
    for dy in range(step):  # one strided minimum per block position: no 4-D reduction
        for dx in range(step):
            np.minimum(small, gray[dy:height:step, dx:width:step], out=small)
    return small


def otsu_threshold(gray: np.ndarray) -> int:
    """Otsu's threshold on the histogram (robust to gray scanner backgrounds)."""
    hist = np.array(Image.fromarray(gray).histogram(), dtype=np.float64)  # 4x np.bincount
    total = hist.sum()
    weights = np.cumsum(hist)
    means = np.cumsum(hist * np.arange(256))
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (means[-1] * weights / total - means) ** 2 / (weights * (total - weights))
    between = np.nan_to_num(between)
    return int(np.argmax(between))


def _search(ys: np.ndarray, xs: np.ndarray, angles: np.ndarray) -> float:
    """The angle whose sheared row histogram has the most energy (sharpest peaks)."""
    rows = ys.astype(np.float64)
    shifted = np.empty_like(rows)  # reused for every angle: no allocation per pass
    scores = []
    for angle in angles:
        np.multiply(xs, np.tan(np.radians(angle)), out=shifted)
        np.add(rows, shifted, out=shifted)
        np.round(shifted, out=shifted)
        bins = shifted.astype(np.intp)
        bins -= bins.min()
        hist = np.bincount(bins)
        scores.append(float(np.dot(hist, hist)))
    return float(angles[int(np.argmax(scores))])
