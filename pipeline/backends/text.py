"""Text backend: .txt extractions, Markdown and HTML files → :class:`Document`.

HTML files are read by :mod:`.markup`, Markdown by :mod:`.markdown` (which hands
its HTML blocks to the same reader), unless it is a text extractor's output
saved under a Markdown name (many lines, no blank one: read as text lines); a
text someone else OCR'd gets the OCR corrections (:mod:`.text_ocr`). Plain
text extractions of référentiels are line-oriented: one paragraph per line,
markdown (``#`` headings, ``**bold**``), bullet glyphs, ``[bookmark: …]``
artefacts, and tables written as TAB-separated cells holding HTML (raw OCR
text, paragraphs wrapped over lines, is rebuilt by :mod:`.text_reflow`).
Two table layouts occur:

* **one row per line** — ``cell⇥cell⇥cell``; an empty cell under a filled one
  is the same merged cell (vertical merge), a row whose only filled cell is the
  first spans the whole table;
* **one cell per line** — every line starting with a TAB starts the next cell
  (filling rows of as many cells as the first group has), the lines that follow
  without a TAB continue it (e.g. a critère then its indicateur bullets).

Provenance: page None, line = 1-based line in the file.
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

from ..docmodel import Block, Cell, Document, Kind, Row
from ..formats import Format
from ..options import Options
from ..sniff import detect
from ..textclean import PRIVATE_USE_BULLETS, TYPED_BULLETS
from ..textio import read_text
from .markdown import markdown_blocks
from .markup import has_markup, html_blocks
from .pagemarks import as_form_feeds
from .text_ocr import correct, looks_ocred
from .text_pasted import has_pasted_table, pasted_table
from .text_reflow import is_raw_ocr, reflow

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_RULE = re.compile(r"^[\s\-–—_=*]*$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_PRIVATE_USE = str.maketrans(PRIVATE_USE_BULLETS)
_BULLET = re.compile(rf"^(\s*)([{re.escape(TYPED_BULLETS)}])(?:\s+|$)(.*)$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_PIPE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_EXTRACTION_LINES = 20  # lines a blank-less Markdown file needs to be read as text lines
_RUN_MARKS = re.compile(r"\*+")
# Emphasis marks glued between two runs of text: a closing and an opening mark
# fused ("…?****Quelles"), or marks opening a capitalised run glued to the text
# before it ("COMPETENCE 1**Réaliser"); not "l'**analyse**" nor "de **x** et".
_GLUED_RUN = re.compile(r"\S(?:\*{3,}|\*\*(?=[A-ZÀ-ÝŒ]))\S")


def parse(path: Path, options: Options) -> Document:
    """Read a text, markdown or HTML file into the document model."""
    text, _ = read_text(path)
    text = text.translate(_PRIVATE_USE)  # a Symbol-font bullet read as its code point
    kind = detect(path)
    document = Document(
        filename=path.name,
        format=kind.reported,
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
    )
    if kind is Format.HTML:
        document.blocks = html_blocks(text)
    elif kind is Format.MARKDOWN and not is_line_extraction(text) and not is_pasted(text):
        document.blocks = markdown_blocks(_BOOKMARK.sub("", text))
    elif is_raw_ocr(text := as_form_feeds(text)):
        document.blocks = reflow(text)
    else:
        document.blocks = parse_lines(text.split("\n"))
    if looks_ocred(text):
        correct(document.blocks)
        document.ocr = True
    return document


def is_line_extraction(text: str) -> bool:
    """Whether a file named Markdown is a text extractor's plain output: many
    lines and not one blank line between them. Markdown would join them all
    into one paragraph, which no author writes; they are read as text lines."""
    lines = text.strip().split("\n")
    return len(lines) >= _EXTRACTION_LINES and all(line.strip() for line in lines)


def is_pasted(text: str) -> bool:
    """Whether a file named Markdown is web text pasted from a browser, holding
    a table copied with its cells' paragraphs (:mod:`.text_pasted`): read as
    text lines."""
    return "\t" in text and has_pasted_table(text.split("\n"))


def parse_lines(lines: list[str]) -> list[Block]:
    """Blocks of a line-oriented text (tables included)."""
    raw = [_BOOKMARK.sub("", line).rstrip("\r") for line in lines]
    lines = [line.rstrip(" \r\f\v") for line in raw]
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        pasted = pasted_table(raw, index, line_blocks) if "\t" in line else None
        if pasted:
            blocks.append(pasted[0])
            index = pasted[1]
            continue
        if _is_pipe_table(lines, index):
            end = index
            while end < len(lines) and lines[end].strip().startswith("|"):
                end += 1
            blocks.append(_pipe_table(lines, index, end))
            index = end
            continue
        if "\t" in line and not _RULE.match(line):
            end = _table_end(lines, index)
            blocks.extend(_tables(lines, index, end))
            index = end
            continue
        if line.strip() and not _is_rule(line):
            blocks.extend(line_blocks(line, index + 1))
        index += 1
    return blocks


def _is_pipe_table(lines: list[str], index: int) -> bool:
    """A Markdown pipe table starts here: a ``| … |`` row over a ``|---|`` rule."""
    return (
        index + 1 < len(lines)
        and lines[index].strip().startswith("|")
        and bool(_PIPE_RULE.match(lines[index + 1].strip()))
    )


def _pipe_cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return [part.replace("\\|", "|") for part in re.split(r"(?<!\\)\|", body)]


def _pipe_table(lines: list[str], start: int, end: int) -> Block:
    """A Markdown pipe table: first row is the header, ``<br>`` splits a cell
    into paragraphs."""
    rows: list[Row] = []
    for index in range(start, end):
        if index == start + 1:
            continue  # the |---| rule
        cells = []
        for part in _pipe_cells(lines[index]):
            blocks: list[Block] = []
            for piece in _BR.split(part):
                if piece.strip():
                    blocks.extend(line_blocks(piece.strip(), index + 1))
            cells.append(Cell(blocks=blocks))
        rows.append(Row(cells=cells, header=index == start))
    return Block(Kind.TABLE, line=start + 1, rows=rows)


def _is_rule(line: str) -> bool:
    """A line drawn with dashes (a table rule), not text."""
    return bool(_RULE.match(line)) and line.count("-") + line.count("—") >= 3


# ------------------------------------------------------------------ lines


def line_blocks(line: str, number: int) -> list[Block]:
    """The blocks of one line outside tables (or one line of a cell)."""
    if has_markup(line):
        return html_blocks(line, number)
    if _GLUED_RUN.search(line):
        return _glued_runs(line, number)
    text = html.unescape(line)
    heading = _HEADING.match(text.strip())
    if heading:
        title = _clean(heading.group(2))
        return (
            [Block(Kind.HEADING, title, line=number, level=len(heading.group(1)))] if title else []
        )
    bullet = _BULLET.match(text)
    if bullet and not text.lstrip().startswith("**"):
        indent, glyph, rest = bullet.groups()
        body = _clean(rest)
        if not body:
            return []
        level = len(indent.expandtabs(4)) // 2
        return [
            Block(Kind.LIST_ITEM, body, line=number, level=level, label=glyph, bold=_all_bold(rest))
        ]
    body = _clean(text)
    if not body:
        return []
    return [Block(Kind.PARAGRAPH, body, line=number, bold=_all_bold(text))]


def _glued_runs(line: str, number: int) -> list[Block]:
    """A line whose emphasis runs were glued together by a conversion
    (``TITLE 1**Bold title.****Bold question ?***``): one block per run, the
    plain text before the first run a heading, the runs bold paragraphs."""
    blocks = []
    pieces = _RUN_MARKS.split(line)
    for index, piece in enumerate(pieces):
        body = _clean(html.unescape(piece))
        if not body:
            continue
        if index == 0:
            blocks.append(Block(Kind.HEADING, body, line=number, level=1))
        else:
            bold = index < len(pieces) - 1  # between two runs of marks
            blocks.append(Block(Kind.PARAGRAPH, body, line=number, bold=bold))
    return blocks


def _all_bold(text: str) -> bool:
    stripped = text.strip()
    return stripped.startswith("**") and stripped.endswith("**") and len(stripped) > 4


def _clean(text: str) -> str:
    return " ".join(_BOLD.sub(r"\1", text).replace("**", "").split())


# ------------------------------------------------------------------ tables


def _table_end(lines: list[str], start: int) -> int:
    """Index after the table that starts at ``start``: TAB lines, blank lines
    between them, and non-TAB lines that directly follow a table line."""
    index = start
    last = start
    while index < len(lines):
        line = lines[index]
        if "\t" in line:
            last = index
        elif not line.strip():
            pass
        elif index == last + 1 or _is_rule(line):
            last = index  # continuation of the cell above
        else:
            break
        index += 1
    return last + 1


def _tables(lines: list[str], start: int, end: int) -> list[Block]:
    """The tables of a run of table lines; rows of another width after a blank
    line start another table."""
    numbered = [(i + 1, lines[i]) for i in range(start, end)]
    tab_lines = [line for _, line in numbered if "\t" in line]
    if all(line.startswith("\t") and line.count("\t") == 1 for line in tab_lines):
        rows = _cell_per_line(numbered)
        return [Block(Kind.TABLE, line=start + 1, rows=rows)] if rows else []
    tables = []
    for group in _width_groups(numbered):
        rows = _row_per_line(group)
        if rows:
            tables.append(Block(Kind.TABLE, line=group[0][0], rows=rows))
    return tables


def _width_groups(numbered: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    groups: list[list[tuple[int, str]]] = [[]]
    width = 0
    blank = False
    for number, line in numbered:
        cells = line.count("\t") + 1 if "\t" in line and not _RULE.match(line) else 0
        if cells and blank and width and cells != width and groups[-1]:
            groups.append([])
        if cells:
            width = cells if blank or not width else max(width, cells)
        blank = not line.strip()
        groups[-1].append((number, line))
    return groups


def _cell(parts: list[tuple[int, str]]) -> Cell:
    """A cell from its physical lines (each may hold HTML)."""
    blocks: list[Block] = []
    for number, text in parts:
        if text.strip() and not _is_rule(text):
            blocks.extend(line_blocks(text, number))
    return Cell(blocks=blocks)


def _cell_per_line(numbered: list[tuple[int, str]]) -> list[Row]:
    cells: list[list[tuple[int, str]]] = []
    first_group = 0
    group_open = True
    for number, line in numbered:
        if line.startswith("\t"):
            cells.append([(number, line[1:])])
            if group_open:
                first_group += 1
        elif line.strip():
            if cells:
                cells[-1].append((number, line))
        elif cells:
            group_open = False
    width = max(2, first_group)
    rows: list[Row] = []
    for offset in range(0, len(cells), width):
        group = cells[offset : offset + width]
        rows.append(Row(cells=[_cell(parts) for parts in group]))
    return rows


def _row_per_line(numbered: list[tuple[int, str]]) -> list[Row]:
    raw: list[list[list[tuple[int, str]]]] = []
    previous_was_row = False
    for number, line in numbered:
        if "\t" in line:
            cells = [[(number, part)] for part in line.split("\t")]
            if all(_RULE.match(part) for part in line.split("\t")):
                previous_was_row = False
                continue  # a table rule drawn with dashes
            raw.append(cells)
            previous_was_row = True
        elif line.strip() and previous_was_row and raw:
            target = next((c for c in reversed(raw[-1]) if c[0][1].strip()), raw[-1][-1])
            target.append((number, line))
        else:
            previous_was_row = False
    if not raw:
        return []
    width = max(len(cells) for cells in raw)
    rows: list[Row] = []
    above: list[Cell | None] = [None] * width
    for cells in raw:
        cells = cells + [[(cells[0][0][0], "")]] * (width - len(cells))
        built = [_cell(parts) for parts in cells]
        filled = [bool(cell.blocks) for cell in built]
        if width > 1 and filled[0] and not any(filled[1:]):
            built[0].col_span = width
            rows.append(Row(cells=[built[0]]))
            above = [None] * width
            continue
        row = Row()
        for column, cell in enumerate(built):
            merged = above[column]
            if not filled[column] and merged is not None:
                merged.row_span += 1
                cell = merged
            row.cells.append(cell)
            above[column] = cell if cell.blocks else None
        rows.append(row)
    return rows
