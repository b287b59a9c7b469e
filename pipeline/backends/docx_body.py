"""Walk a Word body in order into blocks: paragraphs, headings, list items and tables.

Provenance: ``line`` is the 1-based number of the paragraph (``w:p``) in the body,
table-cell paragraphs included, in document order; ``page`` comes from the page
breaks the file records (see :class:`Pages`), or is None when it records none.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from lxml import etree

from ..docmodel import Block, Cell, Kind, Row
from ..textclean import GLUED_DASH, TYPED_BULLETS
from .docx_numbering import Numbering
from .docx_styles import Styles
from .docx_text import Break, ParagraphReader, showing_placeholder
from .docx_xml import child, int_val, on, val, w

_P, _TBL, _TR, _TC = w("p"), w("tbl"), w("tr"), w("tc")
_WRAPPERS = {w("sdt"), w("sdtContent"), w("customXml")}
# Runs of spaces, tabs, no-break and zero-width spaces: one plain space (as the text reader).
_SPACES = re.compile(r"[\s\u00a0\u202f\u2007\u200b\ufeff]+")
# A bullet typed as text at the start of a paragraph ("• item", "- item").
_TYPED_BULLET = re.compile(rf"^([{re.escape(TYPED_BULLETS)}])\s+(?=\S)")


@dataclass
class Pages:
    """The running page number and which break marks count.

    ``mode`` is ``"rendered"`` when the file records Word's last layout
    (``w:lastRenderedPageBreak``: exact pages), ``"explicit"`` when it only has
    page breaks, page-break-before paragraphs and section breaks (pages where the
    text flows over without a recorded break are missed), or ``"none"``.
    As in Word, every explicit break starts a page, even right after another one
    (the empty paragraph mark between them fills a blank page).
    """

    mode: str
    page: int = 1
    started: bool = False  # some paragraph was placed: a break before it is not a new page

    def mark(self, mark: Break) -> None:
        """A break mark inside a paragraph."""
        if (mark is Break.RENDERED) == (self.mode == "rendered"):
            self.page += 1

    def explicit_break(self) -> None:
        """A page-break-before paragraph or a new-page section break."""
        if self.mode == "explicit" and self.started:
            self.page += 1

    @property
    def current(self) -> int | None:
        return None if self.mode == "none" else self.page


def page_mode(body: etree._Element, styles: Styles) -> str:
    """How pages can be counted in this body (see :class:`Pages`)."""
    if next(body.iter(w("lastRenderedPageBreak")), None) is not None:
        return "rendered"
    for br in body.iter(w("br")):
        if br.get(w("type")) == "page":
            return "explicit"
    if any(on(node) for node in body.iter(w("pageBreakBefore"))):
        return "explicit"
    if any(styles.page_break_before(val(node)) for node in body.iter(w("pStyle"))):
        return "explicit"
    return "explicit" if section_breaks(body) else "none"


def section_breaks(body: etree._Element) -> set[etree._Element]:
    """The paragraph-level ``w:sectPr`` after which the next section starts a new page."""
    sections = list(body.iter(w("sectPr")))
    breaks = set()
    for current, following in zip(sections, sections[1:], strict=False):
        if val(child(following, "type")) != "continuous":
            breaks.add(current)
    return breaks


class BodyReader:
    """Turns a body (or a table cell) into blocks, keeping line and page counters."""

    def __init__(self, styles: Styles, numbering: Numbering, pages: Pages, sections: set) -> None:
        self.styles = styles
        self.numbering = numbering
        self.pages = pages
        self.sections = sections
        self.reader = ParagraphReader(styles)
        self.line = 0

    def blocks(self, container: etree._Element) -> list[Block]:
        """Blocks of ``container``'s paragraphs and tables, in order."""
        out: list[Block] = []
        for node in container:
            if node.tag == _P:
                block = self.paragraph(node)
                if block is not None:
                    out.append(block)
            elif node.tag == _TBL:
                out.append(self.table(node))
            elif node.tag in _WRAPPERS:
                inner = self.blocks(node)  # read all the same: lines and pages count on
                if not showing_placeholder(node):
                    out.extend(inner)
        return out

    def paragraph(self, p: etree._Element) -> Block | None:
        """One paragraph as a block; None when it shows no text."""
        self.line += 1
        ppr = child(p, "pPr")
        style_id = val(child(ppr, "pStyle")) or self.styles.default_paragraph
        page_break = on(child(ppr, "pageBreakBefore"))
        if page_break or (page_break is None and self.styles.page_break_before(style_id)):
            self.pages.explicit_break()
        content = self.reader.read(p, style_id)
        label = self._numbering(ppr, style_id)
        self.pages.started = True
        page: int | None = None
        seen_text = False
        parts: list[str] = []
        for piece in content.pieces:
            if isinstance(piece, Break):
                self.pages.mark(piece)
            else:
                if not seen_text and piece.strip():
                    page, seen_text = self.pages.current, True
                parts.append(piece)
        sect = child(ppr, "sectPr")
        if sect is not None and sect in self.sections:
            self.pages.explicit_break()
        text = unicodedata.normalize("NFC", _SPACES.sub(" ", "".join(parts))).strip()
        if not text:
            return None
        block = Block(Kind.PARAGRAPH, text, page, self.line, bold=content.bold)
        block.style = self.styles.name(style_id)
        heading = self.styles.heading_level(style_id)
        outline = int_val(child(ppr, "outlineLvl"))
        if outline is not None:
            heading = outline + 1 if outline < 9 else None
        list_level = self.styles.list_level(style_id)
        if label is not None:
            block.features.add("counted")
        if heading is not None:
            block.kind, block.level = Kind.HEADING, heading
            block.label = label[0] if label else None
        elif label is not None:
            block.kind, block.label, block.level = Kind.LIST_ITEM, label[0], label[1]
            if list_level and not label[1]:
                block.level = list_level
        elif list_level is not None:
            block.kind, block.level = Kind.LIST_ITEM, list_level
        elif match := _TYPED_BULLET.match(text) or GLUED_DASH.match(text):
            block.kind, block.label = Kind.LIST_ITEM, match.group(1)
            block.text = text[match.end() :]
        return block

    def _numbering(
        self, ppr: etree._Element | None, style_id: str | None
    ) -> tuple[str, int] | None:
        """(label, level) of the paragraph's automatic numbering, advancing the counters."""
        num_pr = child(ppr, "numPr")
        by_style = self.styles.num_pr(style_id)
        num_id = val(child(num_pr, "numId")) or (by_style[0] if by_style else None)
        ilvl = int_val(child(num_pr, "ilvl"))
        if ilvl is None:
            ilvl = by_style[1] if by_style else 0
        if num_id is None:
            return None
        label = self.numbering.label(num_id, ilvl)
        return (label[0], ilvl) if label else None

    def table(self, tbl: etree._Element) -> Block:
        """A table block; merged cells are shared ``Cell`` objects (see the module docs)."""
        block = Block(Kind.TABLE, line=self.line + 1)
        start_page = self.pages.current
        vertical: dict[int, Cell] = {}
        for tr in _children(tbl, _TR):
            trpr = child(tr, "trPr")
            row = Row(header=bool(on(child(trpr, "tblHeader"))))
            column = int_val(child(trpr, "gridBefore"), 0) or 0
            before = self.pages.page
            ends = []
            for tc in _children(tr, _TC):
                self.pages.page = before
                tcpr = child(tc, "tcPr")
                span = max(int_val(child(tcpr, "gridSpan"), 1) or 1, 1)
                vmerge = child(tcpr, "vMerge")
                blocks = self.blocks(tc)
                if _placeholder_cell(tc, tr):
                    blocks = []  # a form field left blank: its placeholder is no text
                ends.append(self.pages.page)
                if val(child(tcpr, "hMerge")) == "continue" and row.cells:
                    row.cells[-1].col_span += span
                    row.cells[-1].blocks.extend(blocks)
                    column += span
                    continue
                if vmerge is not None and val(vmerge) != "restart" and column in vertical:
                    cell = vertical[column]
                    cell.row_span += 1
                    cell.blocks.extend(blocks)
                else:
                    cell = Cell(blocks, col_span=span)
                    for covered in range(column, column + span):
                        vertical.pop(covered, None)
                    if vmerge is not None:
                        vertical[column] = cell
                row.cells.append(cell)
                column += span
            if ends:
                self.pages.page = max(ends)
            block.rows.append(row)
        pages = [b.page for b in block.walk() if b.page is not None and b is not block]
        block.page = pages[0] if pages else start_page
        return block


def _placeholder_cell(tc: etree._Element, tr: etree._Element) -> bool:
    """Whether the cell ``tc`` of row ``tr`` is wrapped in a content control
    showing its placeholder text."""
    node = tc.getparent()
    while node is not None and node is not tr:
        if showing_placeholder(node):
            return True
        node = node.getparent()
    return False


def _children(parent: etree._Element, tag: str) -> list[etree._Element]:
    """Children of ``parent`` with ``tag``, looking through content-control wrappers."""
    out = []
    for node in parent:
        if node.tag == tag:
            out.append(node)
        elif node.tag in _WRAPPERS:
            out.extend(_children(node, tag))
    return out
