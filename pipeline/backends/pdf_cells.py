"""A table grid with its words → a TABLE block whose cells hold paragraphs and list items.

A merged cell is one :class:`~referentiel.docmodel.Cell` object attached to every
row it spans (``row_span``) and placed once per row with its ``col_span``.
The grid's geometry is kept beside the block (:class:`TableShape`) so that a
table continued on the next page can be recognised and stitched.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..docmodel import BBox, Block, Cell, Kind, Row
from ..textclean import BULLET_GLYPHS, DASHES, PRIVATE_USE_BULLETS
from .layout.grid import GridCell
from .pdf_layout import MIN_RUN, bands, gaps, label_column, runs
from .pdf_paragraphs import Style, blocks_from_lines
from .pdf_tables import Grid
from .pdf_words import Line, Word, group_lines

_LABELS = frozenset(BULLET_GLYPHS + DASHES)  # what a list item's hanging label may be


@dataclass
class TableShape:
    """Where a table stands on its page: column boundaries and vertical extent."""

    xs: list[float]
    top: float
    bottom: float
    page_height: float


def table_block(grid: Grid, page: int, style: Style) -> Block | None:
    """The TABLE block of a grid (None when the grid holds no text at all)."""
    numbers = [w.line for cell in grid.cells for w in cell.words]
    if not numbers:
        return None
    cells = {id(g): _cell(g, page, style) for g in grid.cells}
    rows = []
    for r in range(grid.n_rows):
        covering = [g for g in grid.cells if g.row <= r < g.row + g.row_span]
        if covering:
            rows.append(Row([cells[id(g)] for g in sorted(covering, key=lambda g: g.col)]))
    return Block(Kind.TABLE, page=page, line=min(numbers), rows=rows, bbox=BBox(*grid.bbox))


def _cell(grid_cell: GridCell[Word], page: int, style: Style) -> Cell:
    x0, _, x1, _ = grid_cell.bbox
    sideways = [w for w in grid_cell.words if w.turned]
    if sideways and len(sideways) * 2 > len(grid_cell.words):
        return Cell(_sideways_block(sideways, page), grid_cell.col_span, grid_cell.row_span)
    lines = group_lines(grid_cell.words)
    blocks = []
    for part, left, right in _text_columns(lines, x0, x1, style.line_gap):
        padding = min(max(min(line.x0 for line in part) - left, 1.0), 8.0)
        blocks += blocks_from_lines(part, left + padding, right - padding, page, style, True)
    return Cell(blocks=blocks, col_span=grid_cell.col_span, row_span=grid_cell.row_span)


def _text_columns(
    lines: list[Line], x0: float, x1: float, gap: float
) -> list[tuple[list[Line], float, float]]:
    """A cell's lines in reading order, with the edges they stand between: a
    run of lines sharing one gutter and no blank band between them is two text
    columns set in the cell (read the left one, then the right one)."""
    parts: list[tuple[list[Line], float, float]] = []
    for run, gutters in runs(lines):
        columned = len(gutters) == 1 and sum(1 for line in run if gaps(line)) >= MIN_RUN
        if (
            not columned
            or len(bands(run, gap)) > 1
            or label_column(run, gutters)
            or _labels_only(run, gutters[0])
        ):
            if parts and parts[-1][1:] == (x0, x1):
                parts[-1][0].extend(run)
            else:
                parts.append((list(run), x0, x1))
            continue
        middle = sum(gutters[0]) / 2
        words = [w for line in run for w in line.words]
        left = [w for w in words if (w.x0 + w.x1) / 2 < middle]
        right = [w for w in words if (w.x0 + w.x1) / 2 >= middle]
        parts += [(group_lines(left), x0, middle), (group_lines(right), middle, x1)]
    return [part for part in parts if part[0]]


def _labels_only(run: list[Line], gutter: tuple[float, float]) -> bool:
    """Whether the left of a cell's gutter holds bullet glyphs and dashes alone: a
    list whose labels hang before a tab ("–" then the item), no text column."""
    middle = sum(gutter) / 2
    left = [w.text for line in run for w in line.words if (w.x0 + w.x1) / 2 < middle]
    return bool(left) and all(
        text in _LABELS or PRIVATE_USE_BULLETS.get(text, "") in _LABELS for text in left
    )


def _sideways_block(words: list[Word], page: int) -> list[Block]:
    """A cell set sideways (a rotated label in a merged cell): one paragraph,
    its lines (columns of the page) in reading order, each read along its
    direction (bottom-up for text turned 90°, top-down for 270°); a line that
    opens on a bullet glyph starts a list item (a list set sideways)."""
    up = words[0].turned == 90
    columns: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.x0, reverse=not up):
        if columns and abs(columns[-1][0].x0 - word.x0) <= word.x1 - word.x0:
            columns[-1].append(word)
        else:
            columns.append([word])
    lines = [sorted(column, key=lambda w: w.bottom, reverse=up) for column in columns]
    parts: list[tuple[str | None, list[Word]]] = []
    for line in lines:
        glyph = _bullet(line[0].text)
        if glyph is not None or not parts:
            parts.append((glyph, []))
        parts[-1][1].extend(line)
    if sum(glyph is not None for glyph, _ in parts) < 2:
        parts = [(None, [w for line in lines for w in line])]
    return [_sideways_part(glyph, part, page) for glyph, part in parts]


def _bullet(text: str) -> str | None:
    """The bullet glyph a sideways line opens on (printed glued to its first word or apart)."""
    glyph = PRIVATE_USE_BULLETS.get(text[:1], text[:1])
    return glyph if glyph in BULLET_GLYPHS else None


def _sideways_part(glyph: str | None, words: list[Word], page: int) -> Block:
    """One paragraph (``glyph`` None) or list item of a sideways cell."""
    text = " ".join(w.text for w in words)
    if glyph is not None:
        text = text[1:].strip()
    box = BBox(
        min(w.x0 for w in words),
        min(w.top for w in words),
        max(w.x1 for w in words),
        max(w.bottom for w in words),
    )
    line = min(w.line for w in words)
    kind = Kind.PARAGRAPH if glyph is None else Kind.LIST_ITEM
    return Block(kind, text, page, line, label=glyph, bbox=box, features={"sideways"})
