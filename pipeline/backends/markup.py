"""HTML markup → document blocks, for HTML files and HTML fragments inside text tables.

Text extractions of référentiels put HTML inside table cells (``<p>``,
``<ul>`` without ``<li>`` whose items are separated by bullet glyphs — or by
nothing at all —, ``<i>``, ``<u>``, ``<p align=…>``); real HTML files have
headings, lists and tables with ``rowspan``/``colspan``. One stdlib
:class:`html.parser.HTMLParser` handles both and yields the shared document
model (:mod:`pipeline.docmodel`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..docmodel import Block, Cell, Kind, Row

#: bullet glyphs a list item may start with (removed from the text, kept as label)
GLYPHS = "·•▪◦‣●○■□➢➤►✓✔-–—*"
_GLYPH_ITEM = re.compile(rf"^([{re.escape(GLYPHS)}])\s+")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BREAKS = {
    "p",
    "div",
    "br",
    "blockquote",
    "section",
    "article",
    "header",
    "caption",
    "dl",
    "dt",
    "dd",
}
_EMPHASIS = {"b", "strong", "u"}
_SKIPPED = {"script", "style", "head", "title", "nav", "footer"}  # footer, nav: site chrome
_UPPER = "A-ZÀ-ÖØ-ÞŒ"
_LOWER = "a-zß-öø-ÿœ"
#: where an item of a list printed without glyphs starts: a capitalised word
_ITEM_START = re.compile(
    rf"(?<=[^\s:;,(/\-–])\s+(?=[{_UPPER}](?:[{_LOWER}]|['’][{_LOWER}{_UPPER}]))"
)


def split_glyph_list(text: str) -> list[tuple[str | None, str]]:
    """Items of a list written on one line: ``• a • b`` or ``- a - b`` (glyph kept
    as label), else items starting with a capitalised word (label None)."""
    text = " ".join(text.split())
    match = _GLYPH_ITEM.match(text)
    if match:
        glyph = match.group(1)
        parts = re.split(rf"(?:^|\s){re.escape(glyph)}(?:\s+|$)", text)
        return [(glyph, part.strip()) for part in parts if part.strip()]
    return [(None, part) for part in _split_capitalised(text) if part]


def _split_capitalised(text: str) -> list[str]:
    """Split a run of glyph-less list items before each capitalised word that
    follows a word (not a colon, comma or bracket), outside parentheses."""
    items: list[str] = []
    position = 0
    for match in _ITEM_START.finditer(text):
        before = text[: match.start()]
        if before.count("(") > before.count(")"):
            continue
        items.append(text[position : match.start()].strip())
        position = match.end()
    items.append(text[position:].strip())
    return [item for item in items if item]


@dataclass
class _List:
    ordered: bool
    count: int = 0
    has_items: bool = False


@dataclass
class _Table:
    rows: list[Row] = field(default_factory=list)
    spans: dict[int, tuple[Cell, int]] = field(default_factory=dict)  # column → (cell, rows left)
    column: int = 0
    line: int = 1
    header_cells: int = 0


class _Builder(HTMLParser):
    """Collects blocks; text is flushed into a block at every block boundary."""

    def __init__(self, first_line: int, page: int | None) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.page = page
        self.blocks: list[Block] = []
        self.containers: list[list[Block]] = [self.blocks]
        self.pieces: list[tuple[str, bool]] = []
        self.piece_line: int | None = None
        self.heading = 0
        self.lists: list[_List] = []
        self.in_item = False
        self.emphasis = 0
        self.skipping = 0
        self.tables: list[_Table] = []
        self.in_thead = False

    # ------------------------------------------------------------ positions
    def _line(self) -> int:
        return self.first_line + self.getpos()[0] - 1

    # ------------------------------------------------------------ tags
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _HEADINGS:
            self._flush()
            self.heading = _HEADINGS[tag]
        elif tag in _BREAKS:
            self._flush()
            if tag == "p" and self.lists and not self.lists[-1].has_items and not self.in_item:
                self.lists.pop()  # an unclosed <ul> without <li> ends at the next paragraph
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists.append(_List(ordered=tag == "ol"))
        elif tag == "li":
            self._flush()
            if not self.lists:
                self.lists.append(_List(ordered=False))
            self.lists[-1].has_items = True
            self.lists[-1].count += 1
            self.in_item = True
        elif tag in _EMPHASIS:
            self.emphasis += 1
        elif tag == "table":
            self._flush()
            self.tables.append(_Table(line=self._line()))
        elif tag == "thead":
            self.in_thead = True
        elif tag == "tr" and self.tables:
            self._start_row()
        elif tag in ("td", "th") and self.tables:
            self._start_cell(tag, dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _HEADINGS or tag in _BREAKS:
            self._flush()
            self.heading = 0
        elif tag in ("ul", "ol"):
            self._flush()
            if self.lists:
                self.lists.pop()
            self.in_item = False
        elif tag == "li":
            self._flush()
            self.in_item = False
        elif tag in _EMPHASIS:
            self.emphasis = max(0, self.emphasis - 1)
        elif tag in ("td", "th") and self.tables and len(self.containers) > 1:
            self._flush()
            self.containers.pop()
            self.lists.clear()
            self.in_item = False
        elif tag == "thead":
            self.in_thead = False
        elif tag == "tr" and self.tables:
            self._end_row()
        elif tag == "table" and self.tables:
            self._end_table()

    def handle_data(self, data: str) -> None:
        if self.skipping or not data:
            return
        if not self.pieces and data.strip():
            self.piece_line = self._line()
        self.pieces.append((data, self.emphasis > 0))

    # ------------------------------------------------------------ tables
    def _start_row(self) -> None:
        self._flush()
        table = self.tables[-1]
        table.rows.append(Row(header=self.in_thead))
        table.column = 0
        table.header_cells = 0
        self._fill_spans(table)

    def _fill_spans(self, table: _Table) -> None:
        while table.column in table.spans:
            cell, left = table.spans[table.column]
            table.rows[-1].cells.append(cell)
            if left <= 1:
                del table.spans[table.column]
            else:
                table.spans[table.column] = (cell, left - 1)
            table.column += cell.col_span

    def _start_cell(self, tag: str, attrs: dict[str, str | None]) -> None:
        self._flush()
        table = self.tables[-1]
        if not table.rows:
            self._start_row()
        self._fill_spans(table)
        cell = Cell(col_span=_span(attrs.get("colspan")), row_span=_span(attrs.get("rowspan")))
        table.rows[-1].cells.append(cell)
        if cell.row_span > 1:
            table.spans[table.column] = (cell, cell.row_span - 1)
        table.column += cell.col_span
        table.header_cells += tag == "th"
        self.containers.append(cell.blocks)

    def _end_row(self) -> None:
        self._flush()
        table = self.tables[-1]
        if table.rows:
            self._fill_spans(table)
            row = table.rows[-1]
            if row.cells and table.header_cells == len(row.cells):
                row.header = True

    def _end_table(self) -> None:
        self._flush()
        table = self.tables.pop()
        while len(self.containers) > 1 + len(self.tables) and len(self.containers) > 1:
            self.containers.pop()
        block = Block(Kind.TABLE, page=self.page, line=table.line, rows=table.rows)
        self.containers[-1].append(block)

    # ------------------------------------------------------------ blocks
    def _flush(self) -> None:
        pieces, self.pieces = self.pieces, []
        text = " ".join("".join(p for p, _ in pieces).split())
        if not text:
            return
        line = self.piece_line or self._line()
        out = self.containers[-1]
        if self.heading:
            out.append(Block(Kind.HEADING, text, self.page, line, level=self.heading))
        elif self.lists and self.in_item:
            current = self.lists[-1]
            label = f"{current.count}." if current.ordered else "•"
            level = len(self.lists) - 1
            item = _GLYPH_ITEM.match(text)
            if item and not current.ordered:
                label, text = item.group(1), text[item.end() :]
            out.append(Block(Kind.LIST_ITEM, text, self.page, line, level=level, label=label))
        elif self.lists:
            level = len(self.lists) - 1
            for glyph, item_text in split_glyph_list(text):
                out.append(Block(Kind.LIST_ITEM, item_text, self.page, line, level, glyph))
        else:
            out.extend(_paragraphs(pieces, text, self.page, line))

    def close(self) -> None:
        super().close()
        self._flush()
        while self.tables:
            self._end_table()


def _span(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


def _paragraphs(
    pieces: list[tuple[str, bool]], text: str, page: int | None, line: int
) -> list[Block]:
    """One paragraph, bold when all emphasised; an emphasised lead-in ending
    with a colon (a run-in heading: ``<u>En matière de … :</u> text``) becomes
    its own bold paragraph followed by the rest."""
    emphasised = [p for p, strong in pieces if strong and p.strip()]
    plain = [p for p, strong in pieces if not strong and p.strip()]
    if emphasised and not plain:
        return [Block(Kind.PARAGRAPH, text, page, line, bold=True)]
    lead: list[str] = []
    for piece, strong in pieces:
        if not piece.strip() and not lead:
            continue
        if not strong:
            break
        lead.append(piece)
    lead_text = " ".join("".join(lead).split())
    if lead_text.endswith(":") and len(lead_text) < len(text):
        rest = text[len(lead_text) :].strip()
        return [
            Block(Kind.PARAGRAPH, lead_text, page, line, bold=True),
            Block(Kind.PARAGRAPH, rest, page, line),
        ]
    return [Block(Kind.PARAGRAPH, text, page, line)]


def html_blocks(markup: str, first_line: int = 1, page: int | None = None) -> list[Block]:
    """Blocks of an HTML document or fragment; ``first_line`` is its line in the file."""
    builder = _Builder(first_line, page)
    builder.feed(markup)
    builder.close()
    return builder.blocks


_TAG = re.compile(
    r"</?(?:p|div|ul|ol|li|h[1-6]|br|table|tr|td|th|i|u|b|em|strong|span)\b[^>]*>", re.I
)


def has_markup(text: str) -> bool:
    """Whether a line of text carries HTML tags worth parsing."""
    return bool(_TAG.search(text))
