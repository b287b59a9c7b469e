"""Page markers a converter writes between pages ("--- PAGE 3 ---", "## --- Page 22 ---").

A text extractor or an OCR service that flattens a paged document often marks
each page with a line of its own. The line is no text of the document: the
plain-text reader turns it into a page break (a form feed, as Tesseract and
pdftotext write them), the Markdown reader into the page of the blocks below.
A Markdown conversion that wrote no marker may still keep each page's printed
number alone on a line ("P a g e | 27", "Page 3 sur 40"): numbered upwards,
those lines are the marks (:func:`without_marks`).
"""

from __future__ import annotations

import re

from ..docmodel import Block
from .page_numbers import page_number_line

_MARK = re.compile(r"^\s*(?:#{1,6}\s*)?[-=_*]{2,}\s*page\s+(\d{1,4})\s*[-=_*]{2,}\s*$", re.I)


def page_mark(line: str) -> int | None:
    """The page number a marker line prints, else None."""
    found = _MARK.match(line)
    return int(found.group(1)) if found else None


def as_form_feeds(text: str) -> str:
    """``text`` with its page markers turned into form feeds (none before the first page's text)."""
    lines = text.split("\n")
    if not any(page_mark(line) is not None for line in lines):
        return text
    out: list[str] = []
    started = False
    for line in lines:
        if page_mark(line) is not None:
            out.append("\f" if started else "")
            continue
        started = started or bool(line.strip())
        out.append(line)
    return "\n".join(out)


#: a page's printed number alone on its line, as a conversion keeps the page's
#: header or footer (group 1: the number)
_PRINTED = page_number_line(r"(\d{1,4})")


def _printed_marks(lines: list[str]) -> dict[int, int]:
    """The lines printing a page number alone (index → number), when the text
    has two or more of them numbered upwards: the pages of a converted document
    that wrote no marker of its own."""
    found = {i: int(m.group(1)) for i, line in enumerate(lines) if (m := _PRINTED.match(line))}
    numbers = list(found.values())
    if len(numbers) < 2 or any(b <= a for a, b in zip(numbers, numbers[1:], strict=False)):
        return {}
    return found


def without_marks(text: str) -> tuple[str, list[int | None]]:
    """``text`` with its marker lines blanked, and each line's page (None before
    any marker); with no marker, the lines printing the page numbers are the marks."""
    pages: list[int | None] = []
    out: list[str] = []
    page: int | None = None
    lines = text.split("\n")
    printed = {} if any(page_mark(line) is not None for line in lines) else _printed_marks(lines)
    for index, line in enumerate(lines):
        number = printed.get(index, page_mark(line))
        if number is not None:
            page = number
            line = ""
        pages.append(page)
        out.append(line)
    return "\n".join(out), pages


def set_pages(blocks: list[Block], pages: list[int | None]) -> None:
    """Give each block (and the blocks of its cells) the page of its first line."""
    for block in blocks:
        if block.page is None and block.line is not None and 0 < block.line <= len(pages):
            block.page = pages[block.line - 1]
        for row in block.rows:
            for cell in row.cells:
                set_pages(cell.blocks, pages)
