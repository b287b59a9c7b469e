"""Pale text Tesseract skipped: found from the ink left unread, read again stretched.

On screenshots of designed slides some lines are printed in a pale tint (light
orange on white); the page's threshold takes their ink for background and no word
is read there. Evidence of such a passage: rows of ink that no word covers, with
no dark pixel in them (pale ink only: the leftovers around dark words, rulings and
specks have dark pixels or no width). A tinted fill (a coloured box beside
the pale lines, as pale as they are) is no ink: a stroke of print is thin, so
ink that fills a square as tall as half a line is ground, not print (else the
box and the dark words printed on it join the pale lines into one passage,
which then holds dark ink and is dropped). Each passage is cropped, its contrast
stretched (its palest ink to black, its background to white) and read as one
block; a passage read with too little confidence is dropped.
"""

from __future__ import annotations

from statistics import median

import numpy as np

from .ocr_reread import confidence, read_crop
from .ocr_tesseract import Word

_INK = 215  # a pixel darker than this is ink (pale ink included)
_DARK = 140  # a passage holding a pixel darker than this is no pale text
_MIN_CONF = 60.0  # a passage re-read with less confidence (per character) is dropped
_MIN_SHARE = 0.002  # a row holds ink when this share of its pixels are ink
_WIDTH = 6  # a passage is at least this many text heights wide
_PAD = 10


def read_faint(words: list[Word], gray: np.ndarray) -> list[Word]:
    """``words`` plus the words of the pale passages no word covers."""
    if not words:
        return words
    height = int(median(w.height for w in words))
    found: list[Word] = []
    for box in faint_passages(words, gray, height):
        found.extend(_read(gray, box))
    return words + found


def faint_passages(
    words: list[Word], gray: np.ndarray, height: int
) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, y0, x1, y1) of pale ink no word covers."""
    ink = gray < _INK
    ink &= ~fills(ink, max(3, height // 2))
    margin = max(2, height // 2)
    for w in words:
        ink[max(0, w.y0 - margin) : w.y1 + margin, max(0, w.x0 - margin) : w.x1 + margin] = False
    boxes = []
    for y0, y1 in _runs(np.asarray(ink.sum(axis=1) > _MIN_SHARE * gray.shape[1]), height // 2):
        if not height // 2 <= y1 - y0 <= 8 * height:
            continue
        for x0, x1 in _runs(np.asarray(ink[y0:y1].any(axis=0)), 2 * height):
            if x1 - x0 < _WIDTH * height:
                continue
            if gray[y0:y1, x0:x1].min() < _DARK:
                continue  # dark ink: no pale passage (a ruling, a dark word's edge)
            boxes.append((x0, y0, x1, y1))
    return boxes


def fills(ink: np.ndarray, size: int) -> np.ndarray:
    """The pixels of ``ink`` covered by a ``size`` x ``size`` square wholly of ink."""
    whole = _window_sums(ink.astype(np.int32), size) == size * size
    return _window_sums(whole.astype(np.int32), size, end=True) > 0


def _window_sums(values: np.ndarray, size: int, end: bool = False) -> np.ndarray:
    """Sum of ``values`` over the ``size`` x ``size`` square starting at each pixel
    (``end``: ending at it), 0 where the square leaves the array."""
    table = np.zeros((values.shape[0] + 1, values.shape[1] + 1), dtype=np.int64)
    table[1:, 1:] = values.cumsum(axis=0).cumsum(axis=1)
    sums = table[size:, size:] - table[:-size, size:] - table[size:, :-size] + table[:-size, :-size]
    out = np.zeros(values.shape, dtype=np.int64)
    if end:
        out[size - 1 :, size - 1 :] = sums
    else:
        out[: sums.shape[0], : sums.shape[1]] = sums
    return out


def _runs(flags: np.ndarray, gap: int) -> list[tuple[int, int]]:
    """Runs of True in ``flags`` (start, end), runs closer than ``gap`` merged."""
    runs: list[tuple[int, int]] = []
    for index in np.flatnonzero(flags):
        if runs and index - runs[-1][1] <= gap:
            runs[-1] = (runs[-1][0], int(index) + 1)
        else:
            runs.append((int(index), int(index) + 1))
    return runs


def _read(gray: np.ndarray, box: tuple[int, int, int, int]) -> list[Word]:
    """The words of one pale passage, its contrast stretched, in page coordinates."""
    x0, y0, x1, y1 = box
    crop = gray[y0:y1, x0:x1].astype(float)
    low, high = crop.min(), float(np.percentile(crop, 90))
    if high - low < 10:
        return []
    stretched = np.clip((crop - low) * 255.0 / (high - low), 0, 255).astype(np.uint8)
    words = [w for w in read_crop(stretched, x0, y0, _PAD) if w.text.strip()]
    if confidence(words) < _MIN_CONF:
        return []  # no text read there (a tint, a picture)
    return words
