"""Ruled tables of one page: pdfplumber's table finder on the page's cached edges.

Only the *geometry* comes from pdfplumber (cells found from ruling lines and
rectangle borders); the words already extracted for the page are dropped into
those cells, so no text is extracted twice. A cell without an inner rule is a
merged cell: it spans every grid row and column its box covers. A table ruled
between its rows only (no inner vertical rule) whose rows all leave the same
vertical strip empty is two columns: the strip (a gutter) is their boundary.
A word on no cell of the grid lies in a cell whose closing rule is missing: the
column's run of uncovered grid rows around it is that cell. A rule of the page
that crosses a table's column rules without meeting any of them at its ends
(a running footer's rule the table is drawn over) is no rule of the table: it
is left out, and its height kept on the grid (``crossed``).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from types import SimpleNamespace
from typing import Any

from pdfplumber.table import TableFinder, TableSettings

from .layout.grid import GridCell
from .pdf_words import PageText, Word

_SETTINGS = TableSettings.resolve({"vertical_strategy": "lines", "horizontal_strategy": "lines"})
_SNAP = 2.0  # points: boundaries closer than this are the same grid line
_JOIN = 3.0  # points: a rule ending this near a column rule meets it (pdfplumber's tolerance)
_SKEW = 0.5  # points: a ruling this far from straight over its length is straight
_CLOSING_RULES = 3  # column rules ending at one height, for a table left open there
_OPEN_ROW_COLUMNS = 2  # columns holding words in the open row of a table left open


@dataclass
class Grid:
    """A table found on a page, as a grid of (possibly merged) cells."""

    bbox: tuple[float, float, float, float]
    xs: list[float]  # column boundaries, left to right
    ys: list[float]  # row boundaries, top to bottom
    cells: list[GridCell[Word]]
    crossed: list[float] = field(default_factory=list)  # heights of page rules drawn across it

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    def place(self, word: Word) -> bool:
        """Put ``word`` into the cell under its centre; False when outside the grid."""
        x = (word.x0 + word.x1) / 2
        y = (word.top + word.bottom) / 2
        x0, top, x1, bottom = self.bbox
        if not (x0 <= x <= x1 and top <= y <= bottom):
            return False
        col = min(max(bisect_right(self.xs, x) - 1, 0), self.n_cols - 1)
        row = min(max(bisect_right(self.ys, y) - 1, 0), self.n_rows - 1)
        cell = self._cell_at(row, col)
        if cell is None:
            cell = self._hole(row, col)
            self.cells.append(cell)
            self.cells.sort(key=lambda c: (c.row, c.col))
        cell.words.append(word)
        return True

    def _cell_at(self, row: int, col: int) -> GridCell[Word] | None:
        """The cell covering grid row ``row`` and column ``col``, if any."""
        return next(
            (
                c
                for c in self.cells
                if c.row <= row < c.row + c.row_span and c.col <= col < c.col + c.col_span
            ),
            None,
        )

    def _hole(self, row: int, col: int) -> GridCell[Word]:
        """The unclosed cell at (``row``, ``col``): the run of grid rows of that
        column no cell covers around it — a cell whose closing rule is not drawn
        (a merged cell going on over a page break at the table's foot)."""
        first, last = row, row
        while first > 0 and self._cell_at(first - 1, col) is None:
            first -= 1
        while last < self.n_rows - 1 and self._cell_at(last + 1, col) is None:
            last += 1
        box = (self.xs[col], self.ys[first], self.xs[col + 1], self.ys[last + 1])
        return GridCell(row=first, col=col, row_span=last - first + 1, col_span=1, bbox=box)


def find_grids(text: PageText) -> list[Grid]:
    """Ruled tables of a page (at least two cells), top to bottom."""
    if not text.edges:
        return []
    edges, crossing = _closed([_straight(e) for e in text.edges], text.words)
    shim = SimpleNamespace(edges=edges, bbox=(0.0, 0.0, text.width, text.height))
    finder = TableFinder(shim, _SETTINGS)  # type: ignore[arg-type]
    grids = [_grid(table.cells) for table in finder.tables]
    for grid in grids:
        x0, top, x1, bottom = grid.bbox
        grid.crossed = sorted(
            e["top"] for e in crossing if top < e["top"] < bottom and e["x0"] < x1 and e["x1"] > x0
        )
    return sorted((g for g in grids if len(g.cells) >= 2), key=lambda g: g.bbox[1])


def _closed(
    edges: list[dict[str, Any]], words: list[Word]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``edges`` without the page's rules crossing a table (:func:`_crossing`),
    with a closing rule under each table left open (:func:`_closing_rule`); and
    the rules left out."""
    verticals = [e for e in edges if e.get("orientation") == "v" and _long(e)]
    ends: dict[float, list[dict[str, Any]]] = {}
    for edge in verticals:
        key = next((y for y in ends if abs(y - edge["bottom"]) <= _SNAP), edge["bottom"])
        ends.setdefault(key, []).append(edge)
    crossing = [e for group in ends.values() for e in _crossing(group, edges, verticals)]
    kept = [e for e in edges if not any(e is c for c in crossing)]
    flat = [e for e in kept if e.get("orientation") == "h"]
    added = [_closing_rule(bottom, group, verticals, flat, words) for bottom, group in ends.items()]
    return kept + [rule for rule in added if rule is not None], crossing


def _crossing(
    group: list[dict[str, Any]], edges: list[dict[str, Any]], verticals: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The horizontal rules drawn across the table of column rules ``group``
    (three at least) that are none of the page's tables' rules: at least half
    its width, both ends inside it and off every vertical rule of the page
    passing there (a table's rule ends on one)."""
    xs = _boundaries([e["x0"] for e in group])
    if len(xs) < _CLOSING_RULES:
        return []
    left, right = xs[0], max(e["x1"] for e in group)
    top, bottom = min(e["top"] for e in group), max(e["bottom"] for e in group)
    return [
        e
        for e in edges
        if e.get("orientation") == "h"
        and top < e["top"] < bottom
        and left + _SNAP < e["x0"] < e["x1"] < right - _SNAP
        and e["x1"] - e["x0"] >= (right - left) / 2
        and not any(_meets(e, v) for v in verticals)
    ]


def _meets(rule: dict[str, Any], vertical: dict[str, Any]) -> bool:
    """Whether a horizontal ``rule`` ends on a ``vertical`` rule."""
    on = vertical["top"] - _JOIN <= rule["top"] <= vertical["bottom"] + _JOIN
    return on and min(abs(rule["x0"] - vertical["x0"]), abs(rule["x1"] - vertical["x0"])) <= _JOIN


def _closing_rule(
    bottom: float,
    group: list[dict[str, Any]],
    verticals: list[dict[str, Any]],
    flat: list[dict[str, Any]],
    words: list[Word],
) -> dict[str, Any] | None:
    """A table whose column rules (``group``) all stop at ``bottom``, the lowest
    they reach, with no rule across there (its last row runs on to the next page,
    its closing rule not drawn): the rule from its first column rule to its last
    at that height — None when a rule of the page (not aligned on the table's
    sides) crosses the table above it (the table is drawn over the page's
    furniture), or when its open row holds words in fewer than two columns."""
    left = min(e["x0"] for e in group)
    right = max(e["x1"] for e in group)
    xs = _boundaries([e["x0"] for e in group])
    if len(xs) < _CLOSING_RULES:
        return None
    top = min(e["top"] for e in group)
    lower = any(e["bottom"] > bottom + _SNAP and left <= e["x0"] <= right for e in verticals)
    covered = sum(
        max(0.0, min(e["x1"], right) - max(e["x0"], left))
        for e in flat
        if abs(e["top"] - bottom) <= _SNAP
    )
    furniture = any(
        top < e["top"] < bottom
        and e["x1"] - e["x0"] >= (right - left) / 2
        and min(abs(e["x0"] - left), abs(e["x1"] - right)) > _SNAP
        for e in flat
    )
    if lower or furniture or 2 * covered >= right - left:
        return None
    above = [e["top"] for e in flat if e["top"] < bottom - _SNAP and e["x0"] <= left + _SNAP]
    row_top = max(above, default=top)
    filled = {
        bisect_right(xs, w.x0)
        for w in words
        if row_top < (w.top + w.bottom) / 2 < bottom and left < w.x0 < right
    }
    if len(filled) < _OPEN_ROW_COLUMNS:
        return None
    rule = {"x0": left, "x1": right, "top": bottom, "bottom": bottom}
    return {**group[0], **rule, "orientation": "h", "width": right - left, "height": 0.0}


def _long(edge: dict[str, Any]) -> bool:
    """A vertical rule longer than a box's side (not the end of a thin bar)."""
    return float(edge["bottom"]) - float(edge["top"]) > 2 * _SNAP


def _straight(edge: dict[str, Any]) -> dict[str, Any]:
    """A ruling drawn a hair off the vertical or horizontal (715.9 → 716.0
    over a table's height) as the straight line it is meant to be: the table
    finder ignores slanted edges, and would lose a table's border."""
    if edge.get("orientation") is not None:
        return edge
    width, height = edge["x1"] - edge["x0"], edge["bottom"] - edge["top"]
    if width <= _SKEW < height:
        x = (edge["x0"] + edge["x1"]) / 2
        return {**edge, "orientation": "v", "x0": x, "x1": x, "width": 0.0}
    if height <= _SKEW < width:
        y = (edge["top"] + edge["bottom"]) / 2
        return {**edge, "orientation": "h", "top": y, "bottom": y, "height": 0.0}
    return edge


def _grid(boxes: list[tuple[float, float, float, float]]) -> Grid:
    xs = _boundaries([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _boundaries([b[1] for b in boxes] + [b[3] for b in boxes])
    cells: list[GridCell[Word]] = []
    for x0, top, x1, bottom in boxes:
        col, col_end = _index(xs, x0), _index(xs, x1)
        row, row_end = _index(ys, top), _index(ys, bottom)
        cells.append(
            GridCell(
                row=row,
                col=col,
                row_span=max(row_end - row, 1),
                col_span=max(col_end - col, 1),
                bbox=(x0, top, x1, bottom),
            )
        )
    cells.sort(key=lambda c: (c.row, c.col))
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    return Grid(bbox=bbox, xs=xs, ys=ys, cells=cells)


def _boundaries(values: list[float]) -> list[float]:
    merged: list[float] = []
    for value in sorted(values):
        if merged and value - merged[-1] <= _SNAP:
            continue
        merged.append(value)
    return merged


def _index(bounds: list[float], value: float) -> int:
    return min(range(len(bounds)), key=lambda i: abs(bounds[i] - value))


def split_words(grids: list[Grid], words: list[Word]) -> list[Word]:
    """Drop each word into its table cell; return the words outside every table."""
    outside = []
    for word in words:
        if not any(grid.place(word) or _overflows(grid, word) for grid in grids):
            outside.append(word)
    for grid in grids:
        _take_back_overflow(grid)
        _split_at_gutter(grid)
    return outside


_MIN_GUTTER = 12.0  # points: narrower gaps are word spaces (as pdf_layout's)
_EDGE = 0.1  # share of the table's width: a gap this near an edge is a margin


def _split_at_gutter(grid: Grid) -> None:
    """A one-column table of several rows whose words all leave one vertical
    strip empty, with words on both sides of it in two rows or more, becomes
    two columns split at the strip's middle (rows ruled, columns not)."""
    if grid.n_cols != 1 or grid.n_rows < 2 or any(w.turned for c in grid.cells for w in c.words):
        return
    x0, _, x1, _ = grid.bbox
    margin = _EDGE * (x1 - x0)
    spans = sorted((w.x0, w.x1) for cell in grid.cells for w in cell.words)
    gaps, reach = [], x0 + margin
    for left, right in spans:
        if left - reach >= _MIN_GUTTER and reach < x1 - margin:
            gaps.append((reach, left))
        reach = max(reach, right)
    inner = [(a, b) for a, b in gaps if b <= x1 - margin]
    if len(inner) != 1:
        return
    middle = sum(inner[0]) / 2
    split = [c for c in grid.cells if {w.x1 < middle for w in c.words} == {True, False}]
    if len(split) < 2:
        return
    cells: list[GridCell[Word]] = []
    for cell in grid.cells:
        top, bottom = cell.bbox[1], cell.bbox[3]
        for col, (left, right) in enumerate(((x0, middle), (middle, x1))):
            words = [w for w in cell.words if (w.x1 < middle) == (col == 0)]
            cells.append(
                replace(cell, col=col, col_span=1, bbox=(left, top, right, bottom), words=words)
            )
    grid.xs = [x0, middle, x1]
    grid.cells = cells


_OVERFLOW_GAP = 0.5  # font sizes: a word this close along its line continues it
_BASELINE = 1.0  # points: words whose bottoms differ less share a line


def _overflows(grid: Grid, word: Word) -> bool:
    """A last word printed past the table's right ruling (a line too long for
    its cell): it starts inside the table, a word gap after a word of the cell
    on the same baseline; it goes back to that cell. Whether it did."""
    x0, top, x1, bottom = grid.bbox
    y = (word.top + word.bottom) / 2
    if word.turned or not (x0 <= word.x0 < x1 and top <= y <= bottom):
        return False
    gap = _OVERFLOW_GAP * word.size
    for cell in grid.cells:
        left, up, right, down = cell.bbox
        if not (left <= word.x0 < right and up <= y <= down):
            continue
        if any(
            not o.turned and abs(o.bottom - word.bottom) < _BASELINE and 0 <= word.x0 - o.x1 <= gap
            for o in cell.words
        ):
            cell.words.append(word)
            return True
    return False


def _take_back_overflow(grid: Grid) -> None:
    """A sideways label longer than its cell runs over the cell's ruling (a
    spreadsheet centres it along the cell): a sideways word alone on its line
    in a cell, continuing a line of the next cell up or down (same column
    position, a word gap away), goes back to that line's cell."""
    for cell in grid.cells:
        for word in [w for w in cell.words if w.turned]:
            if any(o is not word and _same_line(o, word) for o in cell.words):
                continue
            home = next((c for c in grid.cells if c is not cell and _continues(c, word)), None)
            if home is not None:
                cell.words.remove(word)
                home.words.append(word)


def _same_line(a: Word, b: Word) -> bool:
    return a.turned == b.turned and abs(a.x0 - b.x0) < _SNAP


def _continues(cell: GridCell[Word], word: Word) -> bool:
    """Whether a sideways word of ``cell`` is on ``word``'s line, a word gap before or after it."""
    gap = _OVERFLOW_GAP * word.size
    return any(
        _same_line(o, word) and -_SNAP < max(o.top - word.bottom, word.top - o.bottom) <= gap
        for o in cell.words
    )


def grid_from_columns(xs: list[float], rows: list[tuple[float, float]], words: list[Word]) -> Grid:
    """A borderless table from column boundaries and row bands (text alignment)."""
    ys = [rows[0][0]] + [bottom for _, bottom in rows]
    cells: list[GridCell[Word]] = [
        GridCell(row=r, col=c, row_span=1, col_span=1, bbox=(xs[c], ys[r], xs[c + 1], ys[r + 1]))
        for r in range(len(rows))
        for c in range(len(xs) - 1)
    ]
    grid = Grid(bbox=(xs[0], ys[0], xs[-1], ys[-1]), xs=xs, ys=ys, cells=cells)
    for word in words:
        grid.place(word)
    return grid
