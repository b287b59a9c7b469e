"""Reading order of one page: boxes, text columns and borderless tables between ruled tables.

Text inside a drawn box (a coloured panel, an outlined frame, an arrow) is read
on its own, box by box (the innermost box holding a word's centre): lines are
never merged across a box's edge. Boxes and the free text are then read top to
bottom, left to right.

The words outside ruled tables are grouped into page-wide lines. A run of
consecutive lines that all leave the same vertical strip empty (a *gutter*)
is a multi-column region: with one gutter it is two text columns (read the
left column, then the right one) unless blank bands cross both columns at the
same heights (rows: a borderless two-column table); with two or more gutters
it is a borderless table, its columns given by the gutters.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from ..docmodel import BBox
from ..textclean import BULLET_GLYPHS, PRIVATE_USE_BULLETS
from .pdf_tables import Grid, grid_from_columns
from .pdf_words import Line, Word, group_lines

_MIN_GUTTER = 12.0  # points: narrower gaps are word spaces, justified or not
_MIN_WIDTH = 4.0  # points: a gutter narrowed below this is no gutter
MIN_RUN = 3  # lines showing the gutter before a region counts as columns
_BULLETS = frozenset(BULLET_GLYPHS) | frozenset(PRIVATE_USE_BULLETS)
_LABEL_CHARS = 6  # characters: a typed label ("00ZJ", "12.") is short
_BASELINE = 1.0  # points: words whose bottoms differ more sit on different baselines


@dataclass
class TextRegion:
    """Lines read together (a column, or the full width), with the region's edges."""

    lines: list[Line]
    left: float
    right: float
    page_wide: bool = False  # the page's free text at full width (not a column, not a box)

    @property
    def top(self) -> float:
        return self.lines[0].top


Item = TextRegion | Grid


def reading_order(
    words: list[Word], grids: list[Grid], gap: float, boxes: list[BBox] | None = None
) -> list[Item]:
    """The page's text regions and tables in reading order.

    ``gap`` is the usual space between the lines of one paragraph: a larger gap
    between two page-wide lines is a blank band. ``boxes`` are the page's drawn
    boxes: the text of each is read apart (see the module doc).
    """
    free, boxed = _by_box(words, boxes or [])
    cuts = [box.top for box, _ in boxed if _own_band(box, free)]
    items = _flow(free, grids, gap, page_wide=True, cuts=cuts)
    if boxed:
        for box, inside in boxed:
            items.extend(_flow(inside, [], gap, box=box))
        items.sort(key=lambda item: (round(_item_top(item)), _item_left(item)))
    return items


def _by_box(
    words: list[Word], boxes: list[BBox]
) -> tuple[list[Word], list[tuple[BBox, list[Word]]]]:
    """Words in no box, and each box holding some with its words (innermost box wins)."""
    by_area = sorted(boxes, key=lambda b: (b.x1 - b.x0) * (b.bottom - b.top))
    free: list[Word] = []
    boxed: dict[int, list[Word]] = {}
    for word in words:
        x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
        home = next(
            (i for i, b in enumerate(by_area) if b.x0 <= x <= b.x1 and b.top <= y <= b.bottom),
            None,
        )
        if home is None:
            free.append(word)
        else:
            boxed.setdefault(home, []).append(word)
    return free, [(by_area[i], found) for i, found in boxed.items()]


def _own_band(box: BBox, free: list[Word]) -> bool:
    """A box that has its band of the page to itself (no free word beside it):
    a heading panel between paragraphs, where the free text around it is cut, so
    that the text below the box is not read with (and before) the text above it.
    A panel beside the free text (a sidebar) cuts nothing."""
    return not any(box.top <= (w.top + w.bottom) / 2 <= box.bottom for w in free)


def _flow(
    words: list[Word],
    grids: list[Grid],
    gap: float,
    page_wide: bool = False,
    box: BBox | None = None,
    cuts: list[float] | None = None,
) -> list[Item]:
    """Regions and tables of one stretch of text (the free text, or one ``box``'s);
    ``cuts`` are further heights where a region ends (see ``_own_band``)."""
    lines = group_lines(words)
    items: list[Item] = []
    segment: list[Line] = []
    tops = sorted([g.bbox[1] for g in grids] + (cuts or []))
    edge = 0
    for line in lines:
        while edge < len(tops) and tops[edge] <= line.top:
            items.extend(_segment_items(segment, gap))
            segment = []
            edge += 1
        segment.append(line)
    items.extend(_segment_items(segment, gap))
    items.extend(grids)
    items.sort(key=_item_top)
    _set_right_edges(items, page_wide, box)
    return items


_FRAME_PAGES = 3  # pages of one size whose page-wide text shows the document's frame


def widen_to_frame(orders: list[list[Item]], sizes: list[tuple[float, float]]) -> None:
    """Page-wide text read against the document's text frame, not the page's own
    longest line: on a page of short lines (a list of names, the end of a section)
    the longest one would look full, and the next line glued to it. The frame of
    pages of one size is the median of their page-wide text edges; a page's edges
    are only ever widened to it."""
    edges: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for items, size in zip(orders, sizes, strict=True):
        wide = [i for i in items if isinstance(i, TextRegion) and i.page_wide]
        if wide:
            key = (round(size[0]), round(size[1]))
            edges.setdefault(key, []).append((wide[0].left, wide[0].right))
    frames = {
        key: (statistics.median(e[0] for e in found), statistics.median(e[1] for e in found))
        for key, found in edges.items()
        if len(found) >= _FRAME_PAGES
    }
    for items, size in zip(orders, sizes, strict=True):
        frame = frames.get((round(size[0]), round(size[1])))
        if frame is None:
            continue
        for item in items:
            if isinstance(item, TextRegion) and item.page_wide:
                item.left, item.right = min(item.left, frame[0]), max(item.right, frame[1])


def _item_top(item: Item) -> float:
    return item.bbox[1] if isinstance(item, Grid) else item.top


def _item_left(item: Item) -> float:
    return item.bbox[0] if isinstance(item, Grid) else min(line.x0 for line in item.lines)


_MAX_PADDING = 8.0  # points: the most a box's text is taken to be set in from its edges


def _set_right_edges(items: list[Item], page_wide: bool, box: BBox | None = None) -> None:
    """Full-width regions share the page's text edges (a short paragraph is short).

    In a drawn ``box`` the text runs up to the box's right edge less the padding
    it keeps on the left, as in a table cell: a box of short lines does not
    make its longest line look full (and the next item glued to it)."""
    full = [i for i in items if isinstance(i, TextRegion) and i.right < 0]
    if not full:
        return
    left = min(line.x0 for region in full for line in region.lines)
    right = max(line.x1 for region in full for line in region.lines)
    if box is not None:
        padding = min(max(left - box.x0, 1.0), _MAX_PADDING)
        right = max(right, box.x1 - padding)
    for region in full:
        region.left, region.right, region.page_wide = left, right, page_wide


def _segment_items(lines: list[Line], gap: float) -> list[Item]:
    """Regions of lines lying between two tables."""
    items: list[Item] = []
    single: list[Line] = []
    for run, gutters in runs(lines):
        gapped = sum(1 for line in run if gaps(line))
        if len(gutters) and gapped >= MIN_RUN and not label_column(run, gutters):
            if single:
                items.append(TextRegion(single, -1.0, -1.0))
                single = []
            items.extend(_columns(run, gutters, gap))
        else:
            single.extend(part for line in run for part in _split_offset(line))
    if single:
        items.append(TextRegion(single, -1.0, -1.0))
    return items


def label_column(lines: list[Line], gutters: list[tuple[float, float]]) -> bool:
    """One gutter with, left of it, a single short numbered word or a bullet
    glyph on each line that has any (``00ZJ`` | ``Maintenir …``, ``•`` |
    ``Identification …``), beside text right of it: labels set before their
    items with a tab, a hanging indent read line by line, not a column of its own."""
    if len(gutters) != 1:
        return False
    middle = sum(gutters[0]) / 2
    labelled = 0
    for line in lines:
        left = [w for w in line.words if (w.x0 + w.x1) / 2 < middle]
        if not left:
            continue
        label = left[0].text
        if len(left) > 1 or len(left) == len(line.words) or len(label) > _LABEL_CHARS:
            return False
        if not any(c.isdigit() for c in label) and label not in _BULLETS:
            return False
        labelled += 1
    return labelled >= MIN_RUN


def _split_offset(line: Line) -> list[Line]:
    """A line cut where two of its words stand a gutter apart on baselines
    that differ: two text boxes side by side (a short name beside a title,
    each centred in its own box), not one line of text (tab stops keep the
    baseline)."""
    parts = [[line.words[0]]]
    for a, b in zip(line.words, line.words[1:], strict=False):
        apart = b.x0 - a.x1 >= max(_MIN_GUTTER, 1.5 * a.size)
        if apart and abs(b.bottom - a.bottom) > _BASELINE:
            parts.append([])
        parts[-1].append(b)
    return [Line(words) for words in parts]


def gaps(line: Line) -> list[tuple[float, float]]:
    """The gutters a line leaves: gaps wider than a word space, or, before a
    bullet glyph (which never stands inside a sentence), as wide as the
    narrowest gutter (a right column's list set close to the left column)."""
    words = line.words
    return [
        (a.x1, b.x0)
        for a, b in zip(words, words[1:], strict=False)
        if b.x0 - a.x1 >= (_MIN_GUTTER if b.text in _BULLETS else max(_MIN_GUTTER, 1.5 * a.size))
    ]


def runs(lines: list[Line]) -> list[tuple[list[Line], list[tuple[float, float]]]]:
    """Consecutive lines grouped by the gutters they share (none: a plain run)."""
    out: list[tuple[list[Line], list[tuple[float, float]]]] = []
    run: list[Line] = []
    gutters: list[tuple[float, float]] = []
    for line in lines:
        if gutters:
            kept = _fit(line, gutters)
            if kept is not None:
                run.append(line)
                gutters = kept
                continue
        if run:
            out.append((run, gutters))
        run, gutters = [line], gaps(line)
    if run:
        out.append((run, gutters))
    return out


def _fit(line: Line, gutters: list[tuple[float, float]]) -> list[tuple[float, float]] | None:
    """The gutters narrowed by ``line``, or None when a word of it crosses one."""
    found = gaps(line)
    kept = []
    for a, b in gutters:
        overlap = [(max(a, c), min(b, d)) for c, d in found if min(b, d) - max(a, c) >= _MIN_WIDTH]
        if overlap:
            kept.append(overlap[0])
        elif any(w.x0 < b - 1.0 and w.x1 > a + 1.0 for w in line.words):
            return None
        else:
            kept.append((a, b))
    return kept


def _columns(lines: list[Line], gutters: list[tuple[float, float]], gap: float) -> list[Item]:
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    xs = [left - 1.0] + [(a + b) / 2 for a, b in gutters] + [right + 1.0]
    rows = bands(lines, gap)
    words = [w for line in lines for w in line.words]
    if len(gutters) >= 2 or len(rows) >= 3:
        if len(rows) == 1:  # no blank band: one row per line
            rows = [(line.top - 1.0, line.bottom + 1.0) for line in lines]
        return [grid_from_columns(xs, rows, words)]
    regions: list[Item] = []
    for x0, x1 in zip(xs, xs[1:], strict=False):
        inside = [w for w in words if x0 <= (w.x0 + w.x1) / 2 < x1]
        if inside:
            column = group_lines(inside)
            edge = max(line.x1 for line in column)
            regions.append(TextRegion(column, min(line.x0 for line in column), edge))
    return regions


def bands(lines: list[Line], gap: float) -> list[tuple[float, float]]:
    """Row bands: groups of lines separated by blank bands across every column."""
    out: list[tuple[float, float]] = []
    start = prev = lines[0]
    for line in lines[1:]:
        if line.top - prev.bottom > gap + max(2.0, 0.3 * prev.size):
            out.append((start.top - 1.0, (prev.bottom + line.top) / 2))
            start = line
        prev = line
    out.append((start.top - 1.0, prev.bottom + 1.0))
    return out
