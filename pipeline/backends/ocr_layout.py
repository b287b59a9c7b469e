"""Lay out one OCR'd page: words + table grids → blocks (paragraphs, list items, tables).

* Words inside a ruled table go to the cell whose box holds their centre; each
  cell is laid out on its own, so columns are never interleaved. A grid of one
  cell (a shaded panel, a frame) is a box: its text is paragraphs of their own.
* Words outside tables form horizontal bands between the tables; a band split
  by a vertical white gutter is laid out column by column, and so is each
  stretch of it between white rows that such a gutter splits (boxes side by
  side, row after row, with no gutter down the whole page).
* In every region, lines are joined into paragraphs (a wrapped line continues
  its paragraph; a bullet, a blank gap, a dedent or a short previous line start
  a new one) and corrected with :mod:`referentiel.ocrfix`.
* Lines in the top and bottom margins are set aside as blocks of their own
  (running header/footer candidates); the document assembler decides whether
  they are page furniture (:mod:`.layout.furniture`).
* Every block gets its box on the page in points (pixels converted at the
  page's resolution, :func:`.layout.geometry.points`), on the deskewed page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

import numpy as np

from .. import ocrfix
from ..docmodel import Block, Cell, Kind, Row
from ..hyphens import FRENCH, join_wrapped
from .layout.geometry import points
from .ocr_grid import TableGrid
from .ocr_lines import Line, detect_bullets, group_lines
from .ocr_style import is_bold
from .ocr_tesseract import Word

MARGIN = 0.075  # top and bottom share of the page where running headers/footers live


@dataclass
class PageContent:
    """What one page yields, before the document-level clean-up."""

    number: int
    dpi: float = 200.0  # pixels per inch of the page image
    height: float = 0.0  # page height in points
    blocks: list[Block] = field(default_factory=list)
    top: list[Block] = field(default_factory=list)
    bottom: list[Block] = field(default_factory=list)
    table_xs: list[list[float]] = field(default_factory=list)  # per table block, page-relative
    warnings: list[tuple[str, str, int | None, int | None]] = field(default_factory=list)
    angle: float = 0.0
    words: int = 0
    correct: bool = True  # apply referentiel.ocrfix corrections
    timings: dict[str, float] = field(default_factory=dict)  # CPU seconds per stage


def layout_page(
    number: int,
    words: list[Word],
    tables: list[TableGrid],
    image: np.ndarray,
    shaded: list[tuple[int, int, int, int]],
    correct: bool = True,
    dpi: float = 200.0,
) -> PageContent:
    """Blocks of one page, in reading order, with 1-based page line numbers."""
    height, width = image.shape
    page = PageContent(
        number=number, dpi=dpi, height=height * 72.0 / dpi, words=len(words), correct=correct
    )
    free: list[Word] = []
    for word in words:
        spot = _cell_of(word, tables)
        if spot is None:
            free.append(word)
        else:
            tables[spot[0]].cells[spot[1]].words.append(word)

    all_lines: list[Line] = []
    cell_lines: dict[tuple[int, int], list[Line]] = {}
    text_regions: list[tuple[int, list[Line]]] = []  # (top of the band, lines of a column)
    for t, table in enumerate(tables):
        for c, grid_cell in enumerate(table.cells):
            if grid_cell.words:
                lines = group_lines(grid_cell.words)
                detect_bullets(lines, image, int(grid_cell.bbox[0]))
                all_lines.extend(lines)
                if _is_box(table):
                    text_regions.append((table.ys[0], lines))
                else:
                    cell_lines[(t, c)] = lines
    for band in _bands(free, tables):
        top = min(w.y0 for w in band)
        for column in _columns(band, width):
            lines = group_lines(column)
            detect_bullets(lines, image, 0)
            all_lines.extend(lines)
            text_regions.append((top, lines))
    for n, line in enumerate(reading_order(all_lines), start=1):
        line.number = n

    placed: list[tuple[float, int, list[Block]]] = []  # (top y, order, blocks)
    grids = [(t, table) for t, table in enumerate(tables) if not _is_box(table)]
    for t, table in grids:
        block = _table_block(table, t, cell_lines, number, page, shaded)
        placed.append((table.ys[0], len(placed), [block]))
    for top, lines in text_regions:
        body = []
        for line in lines:
            if line.y1 < MARGIN * height:
                page.top.extend(region_blocks([line], number, page))
            elif line.y0 > (1 - MARGIN) * height:
                page.bottom.extend(region_blocks([line], number, page))
            else:
                body.append(line)
        if body:
            placed.append((top, len(placed), region_blocks(body, number, page)))
    for _, _, blocks in sorted(placed, key=lambda p: (p[0], p[1])):
        page.blocks.extend(blocks)
    page.table_xs = [[x / width for x in table.xs] for _, table in grids]
    return page


def _is_box(table: TableGrid) -> bool:
    """A grid of one cell is a box (a shaded panel, a frame), not a table: its text
    is read apart as paragraphs, as the PDF reader reads a drawn box's."""
    return table.n_rows == 1 and table.n_cols == 1


def reading_order(lines: list[Line]) -> list[Line]:
    """Lines top to bottom; lines side by side (same visual row) left to right."""
    ordered: list[Line] = []
    row: list[Line] = []
    for line in sorted(lines, key=lambda ln: (ln.y0 + ln.y1) / 2):
        centre = (line.y0 + line.y1) / 2
        if row and abs(centre - (row[0].y0 + row[0].y1) / 2) > 0.5 * row[0].height:
            ordered.extend(sorted(row, key=lambda ln: ln.x0))
            row = []
        row.append(line)
    ordered.extend(sorted(row, key=lambda ln: ln.x0))
    return ordered


def _cell_of(word: Word, tables: list[TableGrid]) -> tuple[int, int] | None:
    for t, table in enumerate(tables):
        x0, y0, x1, y1 = table.box
        if not (x0 <= word.cx <= x1 and y0 <= word.cy <= y1):
            continue
        for c, cell in enumerate(table.cells):
            bx0, by0, bx1, by1 = cell.bbox
            if bx0 <= word.cx <= bx1 and by0 <= word.cy <= by1:
                return t, c
    return None


def _bands(words: list[Word], tables: list[TableGrid]) -> list[list[Word]]:
    """Words outside tables, split into horizontal bands at each table."""
    cuts = sorted(t.ys[0] for t in tables)
    bands: list[list[Word]] = [[] for _ in range(len(cuts) + 1)]
    for word in words:
        bands[sum(1 for c in cuts if word.cy > c)].append(word)
    return [band for band in bands if band]


def _columns(words: list[Word], page_width: int) -> list[list[Word]]:
    """Split a band into columns at vertical white gutters (recursively).

    A gutter crossing the whole band splits it. Otherwise the band is cut at
    its widest horizontal white gap and each part is tried on its own, the cut
    kept only when a part splits into columns: boxes side by side in one stretch
    of the page (a label box beside its text box, row after row) are read box by
    box, while a band of plain text stays one region."""
    split = _gutter_split(words, page_width)
    if split is not None:
        return [col for part in split for col in _columns(part, page_width)]
    halves = _white_row_split(words)
    if halves is None:
        return [words]
    parts = [_columns(half, page_width) for half in halves]
    if all(len(part) == 1 for part in parts):
        return [words]
    return [col for part in parts for col in part]


def _gutter_split(words: list[Word], page_width: int) -> list[list[Word]] | None:
    """The two sides of the widest vertical white gutter no word crosses that
    leaves at least two lines on each side, or None.

    Two lines a side are columns already; a gutter with one line on a side (a
    page title beside the programme's name, a box's short name beside its
    statement) is no column break, but a narrower gutter may still be one (the
    statement's box beside the box of its composantes)."""
    if len(words) < 6:
        return None
    typical = median(w.height for w in words)
    left = min(w.x0 for w in words)
    right = max(w.x1 for w in words)
    covered = np.zeros(right - left + 1, dtype=bool)
    for w in words:
        covered[w.x0 - left : w.x1 - left + 1] = True
    gutters: list[tuple[int, int]] = []
    start = None
    for x, filled in enumerate(covered):
        if not filled and start is None:
            start = x
        elif filled and start is not None:
            if x - start >= max(2.5 * typical, 0.02 * page_width):
                gutters.append((start, x))
            start = None
    for begin, end in sorted(gutters, key=lambda g: g[0] - g[1]):
        cut = left + (begin + end) / 2
        first = [w for w in words if w.cx < cut]
        second = [w for w in words if w.cx >= cut]
        if len(group_lines(first)) >= 2 and len(group_lines(second)) >= 2:
            return [first, second]
    return None


def _white_row_split(words: list[Word]) -> list[list[Word]] | None:
    """Words above and below the widest horizontal white gap between lines, or None."""
    lines = group_lines(words)
    best: tuple[int, int] | None = None  # (gap, index of the first line below)
    bottom = lines[0].y1 if lines else 0
    for i in range(1, len(lines)):
        bottom = max(bottom, lines[i - 1].y1)
        gap = lines[i].y0 - bottom
        if gap > 0 and (best is None or gap > best[0]):
            best = (gap, i)
    if best is None:
        return None
    return [
        [w for line in lines[: best[1]] for w in line.words],
        [w for line in lines[best[1] :] for w in line.words],
    ]


# ------------------------------------------------------------------ paragraphs


def region_blocks(lines: list[Line], page_no: int, page: PageContent) -> list[Block]:
    """Paragraphs and list items of one region (a cell, a column), lines top to bottom."""
    if not lines:
        return []
    heights = [ln.height for ln in lines]
    typical = median(heights)
    gaps = [b.y0 - a.y1 for a, b in zip(lines, lines[1:], strict=False)]
    usual_gap = median(gaps) if gaps else typical * 0.5
    right = max(ln.x1 for ln in lines)
    groups: list[list[Line]] = []
    for i, line in enumerate(lines):
        if not groups or line.bullet is not None:
            groups.append([line])
            continue
        prev = lines[i - 1]
        head = groups[-1][0]
        gap = line.y0 - prev.y1
        first_word = line.words[0].x1 - line.words[0].x0
        short_prev = prev.x1 + first_word + typical < right - typical
        new = (
            gap > max(usual_gap + 0.45 * typical, 0.8 * typical)
            or (head.bullet is not None and line.x0 < head.x0 - 0.8 * typical)
            or short_prev  # the first word would have fitted on the previous line
        )
        if new:
            groups.append([line])
        else:
            groups[-1].append(line)
    bullet_xs = _clusters([g[0].x0 for g in groups if g[0].bullet is not None], typical)
    blocks = [_block(group, page_no, page, typical, bullet_xs) for group in groups]
    return [b for b in blocks if any(c.isalnum() for c in b.text)]  # specks are not text


def _clusters(values: list[int], tol: float) -> list[int]:
    """Distinct indentations (values closer than ``tol`` are one)."""
    distinct: list[int] = []
    for value in sorted(values):
        if not distinct or value - distinct[-1] > tol:
            distinct.append(value)
    return distinct


def _block(
    group: list[Line],
    page_no: int,
    page: PageContent,
    typical: float,
    bullet_xs: list[int],
) -> Block:
    """One paragraph or list item from its lines: words corrected, lines joined."""
    texts = [_line_text(line, page_no, page) for line in group]
    text = texts[0]
    for nxt in texts[1:]:
        text = join_wrapped(text, nxt, FRENCH) if page.correct else f"{text} {nxt}"
    text = " ".join(text.split())
    if page.correct:
        text, _ = ocrfix.fix_text(text)
    head = group[0]
    bold = is_bold([w for line in group for w in line.words])
    pixels = (
        min(ln.x0 for ln in group),
        min(ln.y0 for ln in group),
        max(ln.x1 for ln in group),
        max(ln.y1 for ln in group),
    )
    bbox = points(pixels, page.dpi)
    if head.bullet is None:
        return Block(Kind.PARAGRAPH, text, page=page_no, line=head.number, bold=bold, bbox=bbox)
    level = sum(1 for x in bullet_xs if x < head.x0 - typical)
    return Block(
        Kind.LIST_ITEM,
        text,
        page=page_no,
        line=head.number,
        level=level,
        label=head.bullet,
        bold=bold,
        bbox=bbox,
    )


def _line_text(line: Line, page_no: int, page: PageContent) -> str:
    """A line's text with certain word corrections; unsure words become warnings."""
    threshold = ocrfix.confidence_threshold()
    lex = ocrfix.lexicon()
    words = []
    unsure = []
    for word in line.words:
        fix = ocrfix.fix_word(word.text) if page.correct else None
        text = fix.after if fix else word.text
        if fix is None and word.conf < threshold and not lex.knows(text):
            unsure.append(f"{text!r} ({word.conf:.0f})")
        words.append(text)
    if unsure:
        page.warnings.append(
            ("LOW_CONFIDENCE_OCR", f"low OCR confidence: {', '.join(unsure)}", page_no, line.number)
        )
    return " ".join(words)


# ------------------------------------------------------------------ tables


def _table_block(
    table: TableGrid,
    t: int,
    cell_lines: dict[tuple[int, int], list[Line]],
    page_no: int,
    page: PageContent,
    shaded: list[tuple[int, int, int, int]],
) -> Block:
    cells: list[Cell] = []
    for c, grid_cell in enumerate(table.cells):
        lines = cell_lines.get((t, c), [])
        cell = Cell(
            blocks=region_blocks(lines, page_no, page),
            col_span=grid_cell.col_span,
            row_span=grid_cell.row_span,
        )
        cells.append(cell)
    rows: list[Row] = []
    for r in range(table.n_rows):
        members = [
            (g, cells[i]) for i, g in enumerate(table.cells) if g.row <= r < g.row + g.row_span
        ]
        if not any(g.row == r for g, _ in members):
            continue  # nothing starts here: the row is only the tail of merged cells
        members.sort(key=lambda m: m[0].col)
        header = r == 0 and all(_inside(g.bbox, shaded) for g, _ in members)
        rows.append(Row(cells=[cell for _, cell in members], header=header))
    first = next((ln for lines in cell_lines.values() for ln in lines), None)
    line_no = min(
        (ln.number for (tt, _), lines in cell_lines.items() if tt == t for ln in lines),
        default=first.number if first else None,
    )
    return Block(
        Kind.TABLE, page=page_no, line=line_no, rows=rows, bbox=points(table.box, page.dpi)
    )


def _inside(
    box: tuple[float, float, float, float], shaded: list[tuple[int, int, int, int]]
) -> bool:
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return any(sx0 <= cx <= sx1 and sy0 <= cy <= sy1 for sx0, sy0, sx1, sy1 in shaded)
