"""Turn ruling segments into table grids with merged cells.

Rulings that cross each other form a table. Their distinct x positions are the
column boundaries and their y positions the row boundaries; two neighbouring
grid cells with no ruling between them are one merged cell (``row_span`` /
``col_span``), as pdfplumber does for vector PDFs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .layout.grid import GridCell
from .ocr_rulings import Segment
from .ocr_tesseract import Word


@dataclass
class TableGrid:
    """One ruled table on a page."""

    xs: list[int]
    ys: list[int]
    cells: list[GridCell[Word]] = field(default_factory=list)  # pixel boxes

    @property
    def box(self) -> tuple[int, int, int, int]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1


def find_tables(segments: list[Segment], dpi: int) -> list[TableGrid]:
    """The tables formed by crossing rulings, top to bottom."""
    tol = max(4, dpi // 20)
    tables = []
    for cluster in _clusters(segments, tol):
        horizontal = [s for s in cluster if s.horizontal]
        vertical = [s for s in cluster if not s.horizontal]
        if len(horizontal) < 2 or len(vertical) < 2:
            continue
        xs = _positions([s.pos for s in vertical], tol)
        ys = _positions([s.pos for s in horizontal], tol)
        if len(xs) < 2 or len(ys) < 2:
            continue
        grid = _prune(TableGrid(xs=xs, ys=ys), horizontal, vertical, tol)
        if grid.n_rows < 1 or grid.n_cols < 1:
            continue
        grid.cells = _cells(grid, horizontal, vertical, tol)
        tables.append(grid)
    return sorted(tables, key=lambda t: (t.ys[0], t.xs[0]))


def _clusters(segments: list[Segment], tol: int) -> list[list[Segment]]:
    """Groups of segments connected by crossings."""
    parent = list(range(len(segments)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    horizontal = [i for i, s in enumerate(segments) if s.horizontal]
    vertical = [i for i, s in enumerate(segments) if not s.horizontal]
    for h in horizontal:
        hs = segments[h]
        for v in vertical:
            vs = segments[v]
            if (
                vs.start - tol <= hs.pos <= vs.end + tol
                and hs.start - tol <= vs.pos <= hs.end + tol
            ):
                parent[find(h)] = find(v)
    groups: dict[int, list[Segment]] = {}
    for i, segment in enumerate(segments):
        groups.setdefault(find(i), []).append(segment)
    return list(groups.values())


def _positions(values: list[int], tol: int) -> list[int]:
    """Distinct positions: values closer than ``tol`` are one ruling (their mean)."""
    merged: list[list[int]] = []
    for value in sorted(values):
        if merged and value - merged[-1][-1] <= tol:
            merged[-1].append(value)
        else:
            merged.append([value])
    return [round(sum(group) / len(group)) for group in merged]


def _prune(
    grid: TableGrid, horizontal: list[Segment], vertical: list[Segment], tol: int
) -> TableGrid:
    """Drop inner grid lines that separate nothing (an underline inside a cell)."""
    xs, ys = grid.xs, grid.ys
    keep_y = [ys[0]]
    for y in ys[1:-1]:
        spans = zip(xs, xs[1:], strict=False)
        if any(_covered(horizontal, y, x0, x1, tol) for x0, x1 in spans):
            keep_y.append(y)
    keep_y.append(ys[-1])
    keep_x = [xs[0]]
    for x in xs[1:-1]:
        spans = zip(keep_y, keep_y[1:], strict=False)
        if any(_covered(vertical, x, y0, y1, tol) for y0, y1 in spans):
            keep_x.append(x)
    keep_x.append(xs[-1])
    return TableGrid(xs=keep_x, ys=keep_y)


def _covered(segments: list[Segment], pos: int, start: int, end: int, tol: int) -> bool:
    """Whether rulings at ``pos`` cover most of the span ``start``–``end``."""
    near = [s for s in segments if abs(s.pos - pos) <= tol]
    covered = sum(max(0, min(s.end, end) - max(s.start, start)) for s in near)
    reaches_start = any(s.start <= start + 2 * tol for s in near)
    reaches_end = any(s.end >= end - 2 * tol for s in near)
    return covered >= 0.8 * (end - start) and reaches_start and reaches_end


def _cells(
    grid: TableGrid, horizontal: list[Segment], vertical: list[Segment], tol: int
) -> list[GridCell[Word]]:
    """Merge grid squares not separated by a ruling; one GridCell per merged area."""
    rows, cols = grid.n_rows, grid.n_cols
    parent = list(range(rows * cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    xs, ys = grid.xs, grid.ys
    for r in range(rows):
        for c in range(cols):
            here = r * cols + c
            if c + 1 < cols and not _covered(vertical, xs[c + 1], ys[r], ys[r + 1], tol):
                parent[find(here)] = find(here + 1)
            if r + 1 < rows and not _covered(horizontal, ys[r + 1], xs[c], xs[c + 1], tol):
                parent[find(here)] = find(here + cols)
    areas: dict[int, list[tuple[int, int]]] = {}
    for r in range(rows):
        for c in range(cols):
            areas.setdefault(find(r * cols + c), []).append((r, c))
    cells: list[GridCell[Word]] = []
    for squares in areas.values():
        r0 = min(r for r, _ in squares)
        r1 = max(r for r, _ in squares)
        c0 = min(c for _, c in squares)
        c1 = max(c for _, c in squares)
        box = (xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1])
        cells.append(GridCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, box))
    return sorted(cells, key=lambda cell: (cell.row, cell.col))
