"""The visible text of one Word paragraph, its page-break marks and whether it is all bold.

Runs are read in order through hyperlinks, insertions, content controls and
smart tags; deleted text, field instructions, page-number fields (PAGE,
NUMPAGES, PAGEREF…), footnote marks, bookmarks and drawings are not text.
Complex fields (``w:fldChar`` begin/separate/end) may span paragraphs, so their
state lives in a :class:`Fields` object shared by the whole body walk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from lxml import etree

from .docx_numbering import bullet_glyph
from .docx_styles import Styles
from .docx_xml import child, on, val, w
from .symbol_fonts import map_symbol

_PAGE_FIELDS = {"PAGE", "NUMPAGES", "SECTIONPAGES", "PAGEREF", "SECTION"}
_CONTAINERS = {
    w(tag)
    for tag in (
        "hyperlink",
        "smartTag",
        "ins",
        "moveTo",
        "customXml",
        "dir",
        "bdo",
        "sdt",
        "sdtContent",
    )
}
_SPACE_TAGS = {w("tab"), w("ptab"), w("cr")}
_T, _R, _FLD_SIMPLE = w("t"), w("r"), w("fldSimple")
_SDT, _SDT_PR, _PLACEHOLDER = w("sdt"), w("sdtPr"), w("showingPlcHdr")


def showing_placeholder(node: etree._Element) -> bool:
    """Whether ``node`` is a content control (``w:sdt``) showing its placeholder
    text (``w:showingPlcHdr``): a form field left blank, not the document's text."""
    return node.tag == _SDT and node.find(f"{_SDT_PR}/{_PLACEHOLDER}") is not None


class Break(Enum):
    """A page-break mark met inside a paragraph."""

    RENDERED = "rendered"  # w:lastRenderedPageBreak: where Word's last layout started a page
    EXPLICIT = "explicit"  # w:br w:type="page"


def _page_field(instruction: str) -> bool:
    words = instruction.split()
    return bool(words) and words[0].upper() in _PAGE_FIELDS


@dataclass
class _Field:
    instruction: str = ""
    in_result: bool = False


@dataclass
class Fields:
    """Open complex fields: inside an instruction, or a page-number result, text is hidden."""

    stack: list[_Field] = field(default_factory=list)

    @property
    def hidden(self) -> bool:
        return any(not f.in_result or _page_field(f.instruction) for f in self.stack)

    def char(self, element: etree._Element) -> None:
        kind = element.get(w("fldCharType"))
        if kind == "begin":
            self.stack.append(_Field())
        elif kind == "separate" and self.stack:
            self.stack[-1].in_result = True
        elif kind == "end" and self.stack:
            self.stack.pop()

    def instruction(self, text: str) -> None:
        if self.stack and not self.stack[-1].in_result:
            self.stack[-1].instruction += text


@dataclass
class Content:
    """What a paragraph shows: text pieces and break marks in order, and its boldness."""

    pieces: list[str | Break] = field(default_factory=list)
    bold_runs: int = 0
    plain_runs: int = 0

    @property
    def bold(self) -> bool:
        """True when every run carrying visible text is bold."""
        return self.bold_runs > 0 and self.plain_runs == 0


class ParagraphReader:
    """Reads paragraphs of one document (styles for boldness, shared field state)."""

    def __init__(self, styles: Styles) -> None:
        self.styles = styles
        self.fields = Fields()

    def read(self, paragraph: etree._Element, style_id: str | None) -> Content:
        """The content of ``paragraph`` whose paragraph style is ``style_id``."""
        content = Content()
        paragraph_bold = self.styles.bold(style_id)
        if paragraph_bold is None:
            paragraph_bold = self.styles.default_bold
        self._walk(paragraph, content, paragraph_bold)
        return content

    def _walk(self, parent: etree._Element, content: Content, paragraph_bold: bool) -> None:
        for node in parent:
            tag = node.tag
            if showing_placeholder(node):
                continue  # a content control's placeholder ("Click here…"): no text
            if tag == _R:
                self._run(node, content, paragraph_bold)
            elif tag in _CONTAINERS or (
                tag == _FLD_SIMPLE and not _page_field(node.get(w("instr"), ""))
            ):
                self._walk(node, content, paragraph_bold)

    def _run_bold(self, run: etree._Element, paragraph_bold: bool) -> bool:
        rpr = child(run, "rPr")
        direct = on(child(rpr, "b"))
        if direct is not None:
            return direct
        by_style = self.styles.bold(val(child(rpr, "rStyle")))
        return paragraph_bold if by_style is None else by_style

    def _run(self, run: etree._Element, content: Content, paragraph_bold: bool) -> None:
        texts: list[str] = []
        for node in run:
            tag = node.tag
            if tag == _T:
                if not self.fields.hidden and node.text:
                    texts.append(node.text)
            elif tag == w("fldChar"):
                self.fields.char(node)
            elif tag == w("instrText"):
                self.fields.instruction(node.text or "")
            elif tag == w("lastRenderedPageBreak"):
                content.pieces.append(Break.RENDERED)
            elif tag == w("br"):
                kind = node.get(w("type"))
                if kind == "page":
                    content.pieces.append(Break.EXPLICIT)
                elif not self.fields.hidden:
                    texts.append(" ")
            elif tag in _SPACE_TAGS:
                if not self.fields.hidden:
                    texts.append(" ")
            elif tag == w("noBreakHyphen"):
                texts.append("-")
            elif tag == w("sym"):
                code = node.get(w("char"), "")
                try:
                    char = chr(int(code, 16))
                except ValueError:
                    continue
                check = map_symbol(node.get(w("font"), ""), char)  # a check box stays one
                texts.append(check if check != char else bullet_glyph(char))
            else:
                continue
            if texts:
                text = "".join(texts)
                texts.clear()
                content.pieces.append(text)
                if text.strip():
                    if self._run_bold(run, paragraph_bold):
                        content.bold_runs += 1
                    else:
                        content.plain_runs += 1
