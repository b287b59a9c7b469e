"""A web table copied from a browser and pasted as text.

A browser copies an HTML table as its cells joined by TABs and its rows by
line breaks; a cell holding several paragraphs keeps them on lines of their
own. A two-column table whose body cells hold paragraphs therefore pastes as
its header row on one line (``Column one⇥Column two``), the first body cell's
paragraphs, a line holding only the TAB between the two cells, then the
second cell's paragraphs::

    Liste de compétences ⇥Modalités d'évaluation

    C1.1 …
    C1.2 …
    ⇥

    Mise en situation …

Nothing marks where the last cell ends: it runs to the next line that is not
a cell's paragraph — a line holding a TAB with text (the next table), a line of
spaces only (an empty paragraph of the page), a label line ending with a colon
over a paragraph (the page's next section; a cell's lead-in has items below
it), or the caption line right above the next table's header row. Such a
file is read line by line, never as Markdown (which would join the header row
to the line above it and drop the TAB lines).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..docmodel import Block, Cell, Kind, Row
from ..textclean import TYPED_BULLETS

_BOUNDARY = re.compile(r"^[ \u00a0]*\t[\t \u00a0]*$")
_MAX_HEAD = 80  # characters of a header cell: a column name, not a paragraph

LineBlocks = Callable[[str, int], list[Block]]


def is_boundary(line: str) -> bool:
    """A line holding only the TAB(s) between two pasted cells."""
    return bool(_BOUNDARY.match(line))


def _head_cells(line: str) -> list[str] | None:
    """The cells of a header row: two or more short, non-empty TAB-separated names."""
    if "\t" not in line or is_boundary(line):
        return None
    cells = [cell.strip(" \u00a0") for cell in line.split("\t")]
    if len(cells) < 2 or not all(cells) or any(len(cell) > _MAX_HEAD for cell in cells):
        return None
    return cells


def _is_row_line(line: str) -> bool:
    """A line holding a TAB and text: a row of a table."""
    return "\t" in line and not is_boundary(line)


def has_pasted_table(lines: list[str]) -> bool:
    """Whether a text holds a pasted table: a header row followed by its cell boundaries."""
    return any(pasted_table(lines, index, _no_blocks) for index in range(len(lines)))


def _no_blocks(_line: str, _number: int) -> list[Block]:
    return []


def pasted_table(lines: list[str], start: int, line_blocks: LineBlocks) -> tuple[Block, int] | None:
    """The pasted table whose header row is ``lines[start]`` and the index
    after its last cell, or None when no such table starts there."""
    heads = _head_cells(lines[start])
    if heads is None:
        return None
    cells: list[list[int]] = [[]]
    index = start + 1
    while index < len(lines) and len(cells) < len(heads):
        line = lines[index]
        if is_boundary(line):
            cells.append([])
        elif _is_row_line(line):
            return None  # a row per line: another kind of table
        elif line.strip():
            cells[-1].append(index)
        index += 1
    if len(cells) < len(heads) or not any(cells):
        return None
    end = _last_cell_end(lines, index)
    cells[-1].extend(i for i in range(index, end) if lines[i].strip())
    header = Row(cells=[Cell(blocks=line_blocks(head, start + 1)) for head in heads], header=True)
    body = Row(cells=[_cell(lines, numbers, line_blocks) for numbers in cells])
    return Block(Kind.TABLE, line=start + 1, rows=[header, body]), end


def _last_cell_end(lines: list[str], index: int) -> int:
    """Index after the last cell's paragraphs, which start at ``index``."""
    end = index
    while end < len(lines):
        line = lines[end]
        if _is_row_line(line) or is_boundary(line):
            return _before_caption(lines, index, end)
        if line and not line.strip(" \u00a0\r"):
            return end  # an empty paragraph of the page
        if end > index and _section_label(lines, end):
            return end
        end += 1
    return end


def _section_label(lines: list[str], index: int) -> bool:
    """A label line of the page ("Description des … :") over a paragraph,
    after a blank line: the next section, not a cell's lead-in (which a list
    of items follows)."""
    text = lines[index].strip(" \u00a0\r")
    if not text.endswith(":") or lines[index - 1].strip():
        return False
    below = next((line.strip() for line in lines[index + 1 :] if line.strip()), "")
    return bool(below) and below[0] not in TYPED_BULLETS


def _before_caption(lines: list[str], start: int, end: int) -> int:
    """The next table's caption (its last text line above it) is not the cell's."""
    caption = end - 1
    while caption > start and not lines[caption].strip():
        caption -= 1
    return caption if caption > start else end


def _cell(lines: list[str], numbers: list[int], line_blocks: LineBlocks) -> Cell:
    blocks: list[Block] = []
    for number in numbers:
        blocks.extend(line_blocks(lines[number], number + 1))
    return Cell(blocks=blocks)
