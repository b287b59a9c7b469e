"""Find table ruling lines and shaded cells in a page image (numpy only).

A ruling line is a long run of dark pixels, horizontal or vertical. A shaded
cell (white text on a dark fill, as in many table headers; dark text on a
tint darker than the page's threshold) is a large dark rectangle: it is made
white (its light text inverted) so Tesseract reads its text, and its edges
count as rulings. The page handed to Tesseract has its rulings erased, so cell
borders are not read as ``|`` or ``_`` and do not glue words of two cells together.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .ocr_deskew import otsu_threshold

_BLOCK = 8  # px: granularity of the shaded-area search
_MAX_RULE = 12  # px: thicker dark runs are fills or pictures, not rules
_MIN_FILL = (3 * _BLOCK, 2 * _BLOCK)  # px: width, height of the smallest shaded cell
_FLAT = 0.35  # share of a fill's pixels of its own grey at least (text and noise aside)
_FLAT_GREY = 16  # grey levels around the fill's median that count as its grey
_HALO = 2  # px beyond a run's rows where a ruling has no ink and a line of glyphs has
_BUSY = 0.3  # share of dark pixels in those rows that marks glyphs
_CONTRAST = 40  # grey levels between a fill and the text printed on it
_SOLID_ROW = 0.7  # share of dark pixels in a fill's row with no text
_LIT_TEXT = 0.15  # share of dark pixels a line of light text on a fill leaves at least


@dataclass(frozen=True)
class Segment:
    """A ruling: ``pos`` is its y (horizontal) or x (vertical); it spans ``start``–``end``."""

    horizontal: bool
    pos: int
    start: int
    end: int


@dataclass
class Rulings:
    """What was found on one page: rulings, shaded rectangles, the cleaned image."""

    segments: list[Segment]
    shaded: list[tuple[int, int, int, int]]  # x0, y0, x1, y1
    cleaned: np.ndarray  # shaded areas inverted, rulings erased: what Tesseract reads


def find_rulings(gray: np.ndarray, dpi: int, enlarged: bool = False) -> Rulings:
    """Rulings and shaded cells of a deskewed page, and the page cleaned for OCR.

    On an ``enlarged`` picture (a screenshot read at more than its resolution)
    small print is blurred into long dark runs: those with ink just beyond them
    are glyphs, neither erased nor rulings."""
    dark = gray < min(otsu_threshold(gray), 170)
    shaded = _shaded_rects(gray, dark)
    page = gray.copy()
    if shaded:  # else the page is unchanged and so is its dark mask
        for x0, y0, x1, y1 in shaded:
            page[y0:y1, x0:x1] = _whiten(page[y0:y1, x0:x1])
        dark = page < min(otsu_threshold(page), 170)
    for x0, y0, x1, y1 in shaded:  # on a fill, a ruling is darker than the fill
        region = gray[y0:y1, x0:x1]
        dark[y0:y1, x0:x1] = region < np.median(region) - 15
    min_len = max(20, dpi // 4)  # a quarter of an inch: longer than any glyph stroke
    h_mask, h_segments = _long_runs(dark, min_len, enlarged)
    v_mask, v_segments = _long_runs(dark.T, min_len, enlarged)
    segments = [Segment(True, p, s, e) for p, s, e in h_segments]
    segments += [Segment(False, p, s, e) for p, s, e in v_segments]
    for x0, y0, x1, y1 in shaded:
        segments += [
            Segment(True, y0, x0, x1),
            Segment(True, y1, x0, x1),
            Segment(False, x0, y0, y1),
            Segment(False, x1, y0, y1),
        ]
    _erase(page, h_mask | v_mask.T)
    return Rulings(segments=segments, shaded=shaded, cleaned=page)


def _whiten(region: np.ndarray) -> np.ndarray:
    """A fill made white: light text on it (more pixels well lighter than the
    fill than well darker) is inverted to dark text; dark text stays dark."""
    fill = float(np.median(region))
    if np.count_nonzero(region > fill + _CONTRAST) > np.count_nonzero(region < fill - _CONTRAST):
        region, fill = 255 - region, 255 - fill
    return np.clip(region.astype(np.float32) * (255.0 / max(fill, 1.0)), 0, 255).astype(np.uint8)


def _shaded_rects(gray: np.ndarray, dark: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Rectangles of mostly-dark 8-px blocks at least ~3 blocks high and 6 wide,
    each of one flat grey (a fill, not a blot of blurred glyphs)."""
    rows, cols = dark.shape[0] // _BLOCK, dark.shape[1] // _BLOCK
    filled = _block_ink(dark[: rows * _BLOCK, : cols * _BLOCK]) > 0.6 * _BLOCK * _BLOCK
    # close small vertical holes left by the light text on the fill
    closed = filled.copy()
    for gap in range(1, 4):
        closed[gap:-gap] |= filled[: -2 * gap] & filled[2 * gap :]
    rects: list[tuple[int, int, int, int]] = []
    for y0, y1, x0, x1 in _group_runs(closed, min_len=6, max_gap=0):
        if y1 - y0 + 1 >= 3:
            box = (x0 * _BLOCK, y0 * _BLOCK, (x1 + 1) * _BLOCK, (y1 + 1) * _BLOCK)
            for left, top, right, bottom in _refine(dark, box):
                # a fill refined to a speck was not one
                if (
                    right - left >= _MIN_FILL[0]
                    and bottom - top >= _MIN_FILL[1]
                    and _flat(gray[top:bottom, left:right])
                ):
                    rects.append((left, top, right, bottom))
    return rects


def _flat(region: np.ndarray) -> bool:
    """Whether much of ``region`` is one grey (a fill, whatever is printed on it)."""
    fill = np.median(region)
    return bool(np.count_nonzero(np.abs(region - fill) <= _FLAT_GREY) >= _FLAT * region.size)


def _block_ink(dark: np.ndarray) -> np.ndarray:
    """Dark pixels in each ``_BLOCK`` x ``_BLOCK`` block (strided sums, no 4-D reduction)."""
    ink = dark.view(np.uint8)
    columns = ink[:, ::_BLOCK].astype(np.uint16)
    for i in range(1, _BLOCK):
        columns += ink[:, i::_BLOCK]
    blocks = columns[::_BLOCK].copy()
    for i in range(1, _BLOCK):
        blocks += columns[i::_BLOCK]
    return blocks


def _refine(dark: np.ndarray, box: tuple[int, int, int, int]) -> list[tuple[int, int, int, int]]:
    """Pixel-exact edges of the fills in a group of shaded blocks.

    There is one per run of mostly dark columns: fills side by side that the
    closing of holes joined to a rule above them, or a coloured cell framing a
    white box (a framed list), are each a fill; its rows are then found on its
    columns. Without such a run, the blocks' box is kept."""
    x0, y0, x1, y1 = box
    top, left = max(0, y0 - _BLOCK), max(0, x0 - _BLOCK)
    area = dark[top : y1 + _BLOCK, left : x1 + _BLOCK]
    runs = [
        (a, b)
        for a, b in _runs(area[y0 - top : y1 - top, :].mean(axis=0) > 0.5)
        if b >= x0 - left and a < x1 - left
    ]
    if not runs:
        return [box]
    rects = []
    for a, b in runs:
        rows = _fill_rows(area[:, a : b + 1].mean(axis=1), y0 - top, y1 - top)
        if rows is not None:
            # stop short of the border rulings: they belong to the table, not the fill
            rects.append((left + a + 3, top + rows[0] + 3, left + b - 2, top + rows[1] - 2))
    return rects


def _fill_rows(ink: np.ndarray, lo: int, hi: int) -> tuple[int, int] | None:
    """First and last row of a fill found within rows ``lo``–``hi`` at block
    granularity, from each row's share of dark pixels ``ink``.

    The fill is the run of solid rows nearest the middle, grown over the lighter
    rows a line of light text on it leaves (white on dark red: still partly dark,
    unlike the white gap between two fills) to the next solid run, as long as that
    run starts within ``lo``–``hi``. Columns need no such growth: the fill above
    and below a line of text keeps them solid."""
    solid = ink > _SOLID_ROW
    runs = _runs(solid)
    middle = (lo + hi) // 2
    near = [i for i, (a, b) in enumerate(runs) if lo <= b and a < hi]
    if not near:
        return None
    first = last = min(near, key=lambda i: max(runs[i][0] - middle, middle - runs[i][1], 0))
    while first > 0 and runs[first - 1][1] >= lo and _lit(ink, runs[first - 1], runs[first]):
        first -= 1
    while last + 1 < len(runs) and runs[last + 1][0] < hi and _lit(ink, runs[last], runs[last + 1]):
        last += 1
    return runs[first][0], runs[last][1]


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """First and last index of every run of True."""
    padded = np.concatenate(([False], flags, [False])).astype(np.int8)
    change = np.diff(padded)
    starts = np.flatnonzero(change == 1).tolist()
    ends = (np.flatnonzero(change == -1) - 1).tolist()
    return list(zip(starts, ends, strict=True))


def _lit(ink: np.ndarray, above: tuple[int, int], below: tuple[int, int]) -> bool:
    """Whether the rows between two solid runs are a line of light text on the fill."""
    return bool(ink[above[1] + 1 : below[0]].min() > _LIT_TEXT)


def _long_runs(
    dark: np.ndarray, min_len: int, enlarged: bool = False
) -> tuple[np.ndarray, list[tuple[int, int, int]]]:
    """Pixels of row-wise dark runs ≥ ``min_len`` (1-px breaks bridged), and the
    thin lines they form as ``(pos, start, end)``.

    ``dark`` may be a transposed view (the vertical pass): every whole-page step
    keeps its memory order, and only the few rows that can hold a run are copied."""
    bridged = dark.copy(order="K")
    bridged[:, 1:-1] |= dark[:, :-2] & dark[:, 2:]
    mask = np.zeros_like(dark)
    candidates = _rows_with_run(bridged, min_len)
    padded = np.zeros((len(candidates), dark.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = bridged[candidates]
    change = np.diff(padded, axis=1)
    rows, starts = np.nonzero(change == 1)
    _, ends = np.nonzero(change == -1)
    keep = ends - starts >= min_len
    rows, starts, ends = candidates[rows[keep]], starts[keep], ends[keep]
    lines = []
    glyphs = []  # runs of blurred glyphs: neither erased nor rulings
    for y0, y1, x0, x1 in _group_row_runs(rows, starts, ends - 1):
        if enlarged and _textured(dark, y0, y1, x0, x1):
            glyphs.append((y0, y1, x0, x1))
        elif y1 - y0 + 1 <= _MAX_RULE:
            lines.append(((y0 + y1) // 2, x0, x1))
    for row, start, end in zip(rows, starts, ends, strict=True):
        if not any(y0 <= row <= y1 and x0 <= start <= x1 for y0, y1, x0, x1 in glyphs):
            mask[row, start:end] = True
    return mask, lines


def _textured(dark: np.ndarray, y0: int, y1: int, x0: int, x1: int) -> bool:
    """Whether the rows just beyond a run are dark over much of its length: a line
    of blurred glyphs run together (an enlarged screenshot's small print), whose
    letters stick out of the run, rather than a ruling or a fill, clear on both sides."""
    beyond = [y for y in (y0 - _HALO, y1 + _HALO) if 0 <= y < dark.shape[0]]
    return any(dark[y, x0 : x1 + 1].mean() > _BUSY for y in beyond)


def _rows_with_run(mask: np.ndarray, min_len: int) -> np.ndarray:
    """Indices of the rows that may hold a run of True ≥ ``min_len`` (a superset).

    Such a run covers a whole aligned block of ``k = (min_len + 1) // 2`` pixels
    (any ``2k - 1`` consecutive pixels do), so rows with no all-True block are out:
    text rows, whose strokes are short, and white rows."""
    k = max(1, (min_len + 1) // 2)
    blocks = mask.shape[1] // k
    full = mask[:, 0 : blocks * k : k].copy(order="K")
    for i in range(1, k):
        full &= mask[:, i : blocks * k : k]
    return np.flatnonzero(full.any(axis=1))


def _group_runs(mask: np.ndarray, min_len: int, max_gap: int) -> list[tuple[int, int, int, int]]:
    """Rectangles (y0, y1, x0, x1) of row runs of True ≥ ``min_len`` stacked on each other."""
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    change = np.diff(padded, axis=1)
    rows, starts = np.nonzero(change == 1)
    _, ends = np.nonzero(change == -1)
    keep = ends - starts >= min_len
    return _group_row_runs(rows[keep], starts[keep], ends[keep] - 1, max_gap=max_gap)


def _group_row_runs(
    rows: np.ndarray, starts: np.ndarray, ends: np.ndarray, max_gap: int = 2
) -> list[tuple[int, int, int, int]]:
    """Merge runs on neighbouring rows that overlap horizontally into (y0, y1, x0, x1)."""
    groups: list[list[int]] = []  # y0, y1, x0, x1
    open_groups: list[list[int]] = []
    for row, start, end in zip(rows.tolist(), starts.tolist(), ends.tolist(), strict=True):
        open_groups = [g for g in open_groups if g[1] >= row - 1 - max_gap]
        for group in open_groups:
            overlap = min(end, group[3]) - max(start, group[2])
            if overlap > 0.5 * min(end - start, group[3] - group[2]):
                group[1] = row
                group[2] = min(group[2], start)
                group[3] = max(group[3], end)
                break
        else:
            group = [row, row, start, end]
            groups.append(group)
            open_groups.append(group)
    return [(g[0], g[1], g[2], g[3]) for g in groups]


def _erase(page: np.ndarray, mask: np.ndarray) -> None:
    """Whiten ``mask`` widened by 2 px in every direction (antialiased line edges).

    Only the box around the mask is worked on: most pages have few rulings or none."""
    rows = np.flatnonzero(mask.any(axis=1))
    if len(rows) == 0:
        return
    cols = np.flatnonzero(mask.any(axis=0))
    y0, y1 = max(0, rows[0] - 2), rows[-1] + 3
    x0, x1 = max(0, cols[0] - 2), cols[-1] + 3
    box = page[y0:y1, x0:x1]
    box[_grow(mask[y0:y1, x0:x1])] = 255


def _grow(mask: np.ndarray) -> np.ndarray:
    """The mask widened by 2 px in every direction."""
    grown = mask.copy()
    for shift in (1, 2):
        grown[shift:] |= mask[:-shift]
        grown[:-shift] |= mask[shift:]
        grown[:, shift:] |= mask[:, :-shift]
        grown[:, :-shift] |= mask[:, shift:]
    return grown
