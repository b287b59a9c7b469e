"""HTML → document blocks, for HTML files, HTML blocks of Markdown and HTML inside text tables.

lxml's HTML parser builds the tree (it closes what the markup leaves open); a
walk over its start and end events yields the shared document model
(:mod:`referentiel.docmodel`):

* ``<h1>``…``<h6>`` → headings with their level; ``<p>``, ``<div>``, ``<br>``…
  end a paragraph; ``<ul>/<ol>/<li>`` → list items with nesting level and label;
* a line starting with a typed bullet ("- item", "• item") is a list item:
  after a ``<br>`` it is a sub-item (level 1) of the line it continues, or
  the next item when that line is an item of the same bullet; a bullet typed
  alone on its line before a ``<br>`` is the bullet of the next line
  (``•<br>Respect des consignes``: a conversion put the glyph on a line of its own);
* struck-through text (``<s>``, ``<del>``, ``<strike>``) is deleted text, not read;
* ``<ul>`` without ``<li>`` (text extractions) holds items separated by bullet
  glyphs or by nothing at all (:func:`split_glyph_list`);
* a written (unlabelled) list of ONE ``<li>`` whose text lies in paragraphs
  (``<ul><li><p>…</p><p>…</p></li></ul>``: Légifrance wraps a whole annex so) is a
  wrapper, not a list: its paragraphs are read as paragraphs (:func:`_wrapper`);
* tables keep ``<thead>`` rows as header rows; a cell merged over several rows
  (``rowspan``) is the same :class:`Cell` attached to every row it spans, and
  ``colspan`` is kept; cells hold their own blocks (paragraphs, lists, tables).

Provenance: ``line`` is the ``data-line`` attribute of the element or of its
nearest ancestor that has one (HTML rendered from Markdown, see :mod:`.markdown`),
else ``first_line`` plus the element's line in the markup. A ``data-label``
attribute on an ``<li>`` is its label as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from ..docmodel import Block, Cell, Kind, Row
from ..textclean import GLUED_DASH, TYPED_BULLETS, ends_lead_in

_GLYPH_ITEM = re.compile(rf"^([{re.escape(TYPED_BULLETS)}])\s+")
#: a full stop typed as a bullet before a small letter (". du fonctionnement"):
#: French typewritten lists' second level, under a "- " item
_DOT_ITEM = re.compile(r"^(\.)\s+(?=[a-zß-öø-ÿœ])")
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
    "pre",
}
_EMPHASIS = {"b", "strong", "u"}
#: footer, nav: site chrome; s, del, strike: struck-through (deleted) text
_SKIPPED = {"script", "style", "head", "title", "nav", "footer", "s", "del", "strike"}
_UPPER = "A-ZÀ-ÖØ-ÞŒ"
_LOWER = "a-zß-öø-ÿœ"
#: where an item of a list printed without glyphs starts: a capitalised word
_ITEM_START = re.compile(
    rf"(?<=[^\s:;,(/\-–])\s+(?=[{_UPPER}](?:[{_LOWER}]|['’][{_LOWER}{_UPPER}]))"
)
_PARSER = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")  # XHTML; lxml refuses it in a str
#: a superscript o after "n" is the numero sign: "n<sup>o</sup> 1" prints "n° 1"
_NUMERO = re.compile(r"(?<![^\W\d_])[nN]$")
_NUMERO_SUP = {"o": "°", "os": "°s"}


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
    element: etree._Element  # its <ul>/<ol>
    count: int = 0
    label: str | None = None  # the current item's label as printed, when known
    has_items: bool = False


@dataclass
class _Table:
    rows: list[Row] = field(default_factory=list)
    spans: dict[int, tuple[Cell, int]] = field(default_factory=dict)  # column → (cell, rows left)
    column: int = 0
    line: int = 1
    header_cells: int = 0
    in_head: bool = False


class _Builder:
    """Collects blocks from start / end / text events; text is flushed into a
    block at every block boundary."""

    def __init__(self, page: int | None) -> None:
        self.page = page
        self.blocks: list[Block] = []
        self.containers: list[list[Block]] = [self.blocks]
        self.pieces: list[tuple[str, bool]] = []
        self.piece_line = 1
        self.heading = 0
        self.lists: list[_List] = []
        self.items = 0  # open <li> elements
        self.superscript = 0  # open <sup> elements
        self.emphasis = 0
        self.skipping = 0
        self.after_break = False  # the text being collected follows a <br>
        self.tables: list[_Table] = []
        self.wrappers: set[etree._Element] = set()  # lists read as their paragraphs

    # ------------------------------------------------------------ events
    def start(self, tag: str, attrs: dict[str, str], line: int, element: etree._Element) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _HEADINGS:
            self._flush()
            self.heading = _HEADINGS[tag]
        elif tag in _BREAKS:
            self._flush()
            self.after_break = tag == "br"
            if tag == "p" and self.lists and not self.lists[-1].has_items and not self.items:
                self.lists.pop()  # a <ul> without <li> ends at the next paragraph
        elif tag in ("ul", "ol"):
            self._flush()
            if _wrapper(element):
                self.wrappers.update((element, element[0]))
            else:
                self.lists.append(_List(ordered=tag == "ol", element=element))
        elif tag == "li" and element in self.wrappers:
            self._flush()
        elif tag == "li":
            self._flush()
            if self.lists:
                self.lists[-1].has_items = True
                self.lists[-1].count += 1
                self.lists[-1].label = attrs.get("data-label")
            self.items += 1
        elif tag in _EMPHASIS:
            self.emphasis += 1
        elif tag == "sup":
            self.superscript += 1
        elif tag == "table":
            self._flush()
            self.tables.append(_Table(line=line))
        elif tag == "thead" and self.tables:
            self.tables[-1].in_head = True
        elif tag == "tr" and self.tables:
            self._start_row()
        elif tag in ("td", "th") and self.tables:
            self._start_cell(tag, attrs)

    def end(self, tag: str, element: etree._Element) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _HEADINGS or tag in _BREAKS:
            if tag != "br":
                self._flush()
                self.after_break = False
            self.heading = 0 if tag in _HEADINGS else self.heading
        elif tag in ("ul", "ol"):
            self._flush()
            if self.lists and self.lists[-1].element is element:
                self.lists.pop()
        elif tag == "li" and element in self.wrappers:
            self._flush()
        elif tag == "li":
            self._flush()
            self.items = max(0, self.items - 1)
        elif tag in _EMPHASIS:
            self.emphasis = max(0, self.emphasis - 1)
        elif tag == "sup":
            self.superscript = max(0, self.superscript - 1)
        elif tag in ("td", "th") and self.tables and len(self.containers) > 1:
            self._flush()
            self.containers.pop()
            self.after_break = False
        elif tag == "thead" and self.tables:
            self.tables[-1].in_head = False
        elif tag == "tr" and self.tables:
            self._end_row()
        elif tag == "table" and self.tables:
            self._end_table()

    def data(self, text: str, line: int) -> None:
        if self.skipping or not text:
            return
        if not any(p.strip() for p, _ in self.pieces) and text.strip():
            self.piece_line = line
        if self.superscript and text in _NUMERO_SUP and _NUMERO.search(self._last_piece()):
            text = _NUMERO_SUP[text]
        self.pieces.append((text, self.emphasis > 0))

    def _last_piece(self) -> str:
        return self.pieces[-1][0] if self.pieces else ""

    # ------------------------------------------------------------ tables
    def _start_row(self) -> None:
        self._flush()
        table = self.tables[-1]
        table.rows.append(Row(header=table.in_head))
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

    def _start_cell(self, tag: str, attrs: dict[str, str]) -> None:
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
        if table.rows:  # an empty <table></table> carries nothing
            block = Block(Kind.TABLE, page=self.page, line=table.line, rows=table.rows)
            self.containers[-1].append(block)

    # ------------------------------------------------------------ blocks
    def _flush(self) -> None:
        pieces, self.pieces = self.pieces, []
        text = " ".join("".join(p for p, _ in pieces).split())
        if not text:
            return
        line, page, out = self.piece_line, self.page, self.containers[-1]
        if self._lone_glyph_before(out):
            text = f"{out.pop().text} {text}"
        if self.heading:
            out.append(Block(Kind.HEADING, text, page, line, level=self.heading))
        elif self.items:
            current = self.lists[-1] if self.lists else None
            ordered = current is not None and current.ordered
            counted = current is not None and ordered and not current.label
            if current is not None and current.label:
                label = current.label
            else:
                label = f"{current.count}." if counted and current is not None else "•"
            level = max(0, len(self.lists) - 1)
            item = _GLYPH_ITEM.match(text)
            if item and not ordered:
                label, text = item.group(1), text[item.end() :]
            block = Block(Kind.LIST_ITEM, text, page, line, level=level, label=label)
            if counted:
                block.features.add("counted")
            out.append(block)
        elif self.lists:
            level = len(self.lists) - 1
            for glyph, item_text in split_glyph_list(text):
                out.append(Block(Kind.LIST_ITEM, item_text, page, line, level, glyph))
        elif item := _GLYPH_ITEM.match(text) or GLUED_DASH.match(text):
            level = self._break_level(out, item.group(1))
            body = text[item.end() :]
            out.append(Block(Kind.LIST_ITEM, body, page, line, level=level, label=item.group(1)))
        elif item := _DOT_ITEM.match(text):
            last = out[-1] if out else None
            level = 0
            if last is not None and last.kind is Kind.LIST_ITEM:
                level = last.level + (last.label != item.group(1))
            body = text[item.end() :]
            out.append(Block(Kind.LIST_ITEM, body, page, line, level=level, label=item.group(1)))
        else:
            out.extend(_paragraphs(pieces, text, page, line))

    def _lone_glyph_before(self, out: list[Block]) -> bool:
        """Whether the line being flushed follows a ``<br>`` after a line that is
        one typed bullet alone: the bullet of this line."""
        if not self.after_break or self.heading or self.items or self.lists or not out:
            return False
        last = out[-1]
        return last.kind is Kind.PARAGRAPH and len(last.text) == 1 and last.text in TYPED_BULLETS

    def _break_level(self, out: list[Block], glyph: str) -> int:
        """The level of a "- x" line: after a <br>, a sub-item of the line it
        continues, unless that line is an item of the same bullet that opens
        nothing (no ':'; plain lines after it that open nothing either are lines
        it wrapped onto or items that lost their bullet): then the next item of
        the same list; after sub-items typed with another bullet, an item of the
        bullet typed before them is their parent's sibling. The first line of
        its container is level 0."""
        if not self.after_break or not out:
            return 0
        position = len(out) - 1
        while (
            position > 0
            and out[position].kind is Kind.PARAGRAPH
            and not ends_lead_in(out[position].text)
        ):
            position -= 1  # a line the item above wrapped onto, or one that lost its bullet
        last, end = out[position], out[-1]
        if last.kind is Kind.LIST_ITEM and last.label == glyph and not ends_lead_in(end.text):
            return last.level
        earlier = next((b for b in reversed(out) if b.kind is Kind.LIST_ITEM), None)
        same = next(
            (b for b in reversed(out) if b.kind is Kind.LIST_ITEM and b.label == glyph), None
        )
        if same is not None and earlier is not None and earlier.level > same.level:
            return same.level
        return 1

    def close(self) -> None:
        self._flush()
        while self.tables:
            self._end_table()


def _wrapper(element: etree._Element) -> bool:
    """Whether a ``<ul>``/``<ol>`` only wraps paragraphs: one unlabelled ``<li>`` (no
    ``data-label``: written HTML, not a Markdown list) with no text of its own
    outside its ``<p>``/``<div>`` children."""
    children = [child for child in element if isinstance(child.tag, str)]
    if len(children) != 1 or children[0].tag.lower() != "li" or children[0].get("data-label"):
        return False
    item = children[0]
    blocks = [child for child in item if isinstance(child.tag, str)]
    loose = (item.text or "").strip() or any((child.tail or "").strip() for child in blocks)
    return bool(blocks) and not loose and all(b.tag.lower() in ("p", "div") for b in blocks)


def _span(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


def _paragraphs(
    pieces: list[tuple[str, bool]], text: str, page: int | None, line: int
) -> list[Block]:
    """One paragraph, bold when all emphasised; an emphasised lead-in (a run-in
    heading) becomes its own bold paragraph followed by the rest when it ends
    with a colon (``<u>En matière de … :</u> text``), ends a sentence before a
    capitalised rest (``<b>Compétence : x.</b> La période …``), or is glued to a
    capitalised rest (``<b>Title</b>MODULE 2``: a conversion lost the line
    break between them)."""
    emphasised = [p for p, strong in pieces if strong and p.strip()]
    plain = [p for p, strong in pieces if not strong and p.strip()]
    if emphasised and not plain:
        return [Block(Kind.PARAGRAPH, text, page, line, bold=True)]
    lead: list[str] = []
    follow = ""
    for piece, strong in pieces:
        if not piece.strip() and not lead:
            continue
        if not strong:
            follow = piece
            break
        lead.append(piece)
    lead_text = " ".join("".join(lead).split())
    rest = text[len(lead_text) :].strip()
    glued = bool(lead) and not lead[-1][-1:].isspace() and follow[:1].isupper()
    sentence = lead_text.endswith((".", "!", "?")) and rest[:1].isupper()
    if (ends_lead_in(lead_text) or glued or sentence) and len(lead_text) < len(text):
        return [
            Block(Kind.PARAGRAPH, lead_text, page, line, bold=True),
            Block(Kind.PARAGRAPH, rest, page, line),
        ]
    return [Block(Kind.PARAGRAPH, text, page, line)]


def html_blocks(markup: str, first_line: int = 1, page: int | None = None) -> list[Block]:
    """Blocks of an HTML document or fragment; ``first_line`` is its line in the file."""
    if not markup.strip():
        return []
    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", markup), parser=_PARSER)
    except etree.ParserError:  # markup that holds no element at all (only a comment)
        return []
    builder = _Builder(page)
    given: list[int | None] = [None]  # the data-line in force, per open element
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""  # "": an entity
        if event == "start":
            mark = element.get("data-line", "")
            given.append(int(mark) if mark.isdigit() else given[-1])
        line = given[-1] or first_line + (element.sourceline or 1) - 1
        if event == "start":
            builder.start(tag, dict(element.attrib), line, element)
            builder.data(element.text or "", line)
        else:
            given.pop()
            builder.end(tag, element)
            builder.data(element.tail or "", given[-1] or line)
    builder.close()
    return builder.blocks


_TAG = re.compile(
    r"</?(?:p|div|ul|ol|li|h[1-6]|br|table|tr|td|th|i|u|b|em|strong|span)\b[^>]*>", re.I
)


def has_markup(text: str) -> bool:
    """Whether a line of text carries HTML tags worth parsing."""
    return bool(_TAG.search(text))
