"""Passages outside tables where Tesseract's page segmentation failed.

On a page of coloured boxes (a slide's framed list in small coloured type)
Tesseract's automatic page segmentation (``--psm 3``) may cut one passage
into several blocks — a column of line starts it finds no word in, the rest
of the lines split in two — and read each piece badly: its words come back
as noise (see :func:`.ocr_reread.noise`). Such a passage is the union of the
block holding the noise and the blocks beside it on the same lines; it is
read again as one block of uniform text, as a garbled table cell is
(:func:`.ocr_reread.reread_boxes`), and the better reading is kept.
"""

from __future__ import annotations

from statistics import median

from ..ocrfix import lexicon
from .ocr_grid import TableGrid
from .ocr_reread import noise
from .ocr_tesseract import Box, Word

_MIN_NOISE = 2  # noisy words a block must hold to be read again
_BESIDE = 3.0  # line heights: blocks closer than this along their lines are one passage
_GUTTER = 2.0  # line heights: an empty strip this wide between words parts two columns
_SHARED = 0.5  # share of the lower block's height two blocks side by side have in common


def garbled_passages(words: list[Word], blocks: list[Box], tables: list[TableGrid]) -> list[Box]:
    """The boxes of the passages outside tables that hold noise, each the
    union of the noisy blocks and the blocks beside them, with a margin."""
    lex = lexicon()
    free = [b for b in blocks if not any(_inside(_centre(b), t.box) for t in tables)]
    seeds = [
        b
        for b in free
        if sum(1 for w in words if _inside((w.cx, w.cy), b) and noise(w, lex)) >= _MIN_NOISE
    ]
    passages: list[Box] = []
    used: set[Box] = set()
    for seed in seeds:
        if seed in used:
            continue
        heights = [w.height for w in words if _inside((w.cx, w.cy), seed)]
        line = median(heights) if heights else 0
        region = seed
        grown = True
        while grown:
            grown = False
            for block in free:
                if block not in used and block != region and _joins(region, block, line):
                    region = _union(region, block)
                    used.add(block)
                    grown = True
        used.add(seed)
        if _gutter([w for w in words if _inside((w.cx, w.cy), region)], line):
            continue  # two columns: read as one block, their lines would be glued
        margin = int(line / 2)
        region = (region[0] - margin, region[1] - margin, region[2] + margin, region[3] + margin)
        passages.append(_clipped(region, [t.box for t in tables]))
    return passages


def _joins(region: Box, block: Box, line: float) -> bool:
    """Whether ``block`` overlaps ``region`` or stands beside it on the same lines."""
    shared = min(region[3], block[3]) - max(region[1], block[1])
    if shared <= 0:
        return False
    gap = max(block[0] - region[2], region[0] - block[2])
    if gap <= 0:
        return True
    lower = min(region[3] - region[1], block[3] - block[1])
    return gap <= _BESIDE * line and shared >= _SHARED * lower


def _gutter(words: list[Word], line: float) -> bool:
    """Whether ``words`` (a passage's) leave a vertical strip of
    :data:`_GUTTER` line heights empty between words on both sides of it."""
    reach = None
    for word in sorted(words, key=lambda w: w.x0):
        if reach is not None and word.x0 - reach >= _GUTTER * line:
            return True
        reach = word.x1 if reach is None else max(reach, word.x1)
    return False


def _clipped(region: Box, tables: list[Box]) -> Box:
    """``region`` cut back to the edge of each table box it runs into beside
    it (a passage is read without the framed cells next to it)."""
    x0, y0, x1, y1 = region
    for t in tables:
        if min(x1, t[2]) <= max(x0, t[0]) or min(y1, t[3]) <= max(y0, t[1]):
            continue
        middle = (x0 + x1) / 2
        if t[2] < middle:
            x0 = max(x0, t[2])
        elif t[0] > middle:
            x1 = min(x1, t[0])
    return x0, y0, x1, y1


def _centre(box: Box) -> tuple[float, float]:
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def _union(a: Box, b: Box) -> Box:
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def _inside(point: tuple[float, float], box: tuple[float, float, float, float]) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]
