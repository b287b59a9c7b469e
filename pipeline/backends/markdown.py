"""Markdown → document blocks, through markdown-it-py (CommonMark, pipe tables, raw HTML).

markdown-it parses the block structure; each top-level construct is rendered
to HTML, with its source line (``data-line``) and its list labels as printed
(``data-label``: ``-``, ``*``, ``3.``, ``b)``) set on the elements, and read by
:mod:`.markup`, so that Markdown and HTML share one reading of paragraphs,
emphasis, ``<br>`` lines, typed bullets, lists and tables. An HTML block
(e.g. a ``<table>`` written over many lines) is handed whole to the same HTML
reader; one cut by blank lines is joined again until its tables are closed.

A numbered line standing alone (an ordered list of one single-paragraph item,
``2. Finalité du référentiel`` between paragraphs) is a numbered paragraph, its
number kept in the text, as the text reader reads it: it numbers a section,
it is not a list. Indented code blocks are not read as code: text extractions indent ordinary
lines. Italics (``*x*``, ``_x_``) keep their marks: the document model has no
italic, and the marks still show the emphasis (a subtitle line is not a heading).
An emphasis run opened at the start of a paragraph and closed at the end of the
next one (``**Capacités attestées`` / ``des composantes**``: a line break of the
source written as a paragraph break) is one paragraph, its two lines joined.
Struck-through text (``~~x~~``) is deleted text, read as no text (:mod:`.markup`).
Page markers ("## --- Page 22 ---", :mod:`.pagemarks`) are no text: each
block takes the page of the last marker above it.
Provenance: ``line`` = 1-based line where the block starts.
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..docmodel import Block
from .markup import html_blocks
from .pagemarks import set_pages, without_marks

_TABLE_OPEN = re.compile(r"<table\b", re.IGNORECASE)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)
_MARKS = ("**", "__", "*", "_")  # emphasis marks, longest first


@cache
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    parser.disable("code")
    parser.add_render_rule("em_open", _marks)
    parser.add_render_rule("em_close", _marks)
    return parser


def _marks(self: object, tokens: list[Token], index: int, *_: object) -> str:
    """An italic run is rendered with the marks it was written with."""
    return tokens[index].markup


def markdown_blocks(text: str) -> list[Block]:
    """The blocks of a Markdown text, in order."""
    parser = _parser()
    text, pages = without_marks(text)
    lines = text.split("\n")
    tokens = parser.parse(text)
    blocks: list[Block] = []
    index = 0
    covered = 0  # source lines already read (an HTML block joined across blank lines)
    while index < len(tokens):
        end = _construct_end(tokens, index)
        token = tokens[index]
        start_line = token.map[0] if token.map else covered
        if start_line < covered:
            pass  # inside an HTML block read already
        elif token.type == "html_block":
            last = _html_end(lines, start_line, token.map[1] if token.map else start_line + 1)
            blocks.extend(html_blocks("\n".join(lines[start_line:last]), start_line + 1))
            covered = last
        else:
            group = tokens[index:end]
            following = _construct_end(tokens, end) if end < len(tokens) else end
            if _wrapped_emphasis(group, tokens[end:following]):
                group = _joined(parser, group, tokens[end:following])
                end = following
            stacked = _stacked_lines(group)
            if stacked:
                for offset, line in enumerate(stacked):
                    blocks.extend(html_blocks(parser.render(line), start_line + offset + 1))
                index = end
                continue
            _annotate(group)
            if _numbered_line(group):
                group = _numbered_paragraph(group)
            blocks.extend(html_blocks(parser.renderer.render(group, parser.options, {})))
        index = end
    if any(page is not None for page in pages):
        set_pages(blocks, pages)
    return blocks


def _construct_end(tokens: list[Token], index: int) -> int:
    """Index after the top-level construct that starts at ``index``."""
    depth = 0
    for position in range(index, len(tokens)):
        depth += tokens[position].nesting
        if depth <= 0:
            return position + 1
    return len(tokens)


def _html_end(lines: list[str], start: int, end: int) -> int:
    """End line of an HTML block: past blank lines until every ``<table>`` it opens is closed."""
    chunk = "\n".join(lines[start:end])
    balance = len(_TABLE_OPEN.findall(chunk)) - len(_TABLE_CLOSE.findall(chunk))
    while balance > 0 and end < len(lines):
        balance += len(_TABLE_OPEN.findall(lines[end])) - len(_TABLE_CLOSE.findall(lines[end]))
        end += 1
    return end


def _paragraph_text(group: list[Token]) -> str | None:
    """The inline source of a construct that is one paragraph, else None."""
    if [t.type for t in group] != ["paragraph_open", "inline", "paragraph_close"]:
        return None
    return group[1].content


def _wrapped_emphasis(group: list[Token], following: list[Token]) -> bool:
    """Whether an emphasis run opens a paragraph unclosed and closes the next
    one, which opens none: one paragraph cut in two by a blank line."""
    first, second = _paragraph_text(group), _paragraph_text(following)
    if not first or not second:
        return False
    for mark in _MARKS:
        if first.startswith(mark) and not first[len(mark) :].startswith((mark[0], " ")):
            return (
                first.count(mark) == 1
                and second.endswith(mark)
                and second.count(mark) == 1
                and not second[: -len(mark)].endswith((mark[0], " "))
            )
    return False


def _joined(parser: MarkdownIt, group: list[Token], following: list[Token]) -> list[Token]:
    """Two paragraphs as one, their texts joined by a line break."""
    inline = group[1]
    inline.content = f"{inline.content}\n{following[1].content}"
    inline.children = parser.parseInline(inline.content)[0].children
    if group[0].map and following[0].map:
        group[0].map = inline.map = [group[0].map[0], following[0].map[1]]
    return group


def _numbered_line(group: list[Token]) -> bool:
    """An ordered list of one item holding one paragraph: a numbered line."""
    return group[0].type == "ordered_list_open" and [t.type for t in group[1:]] == [
        "list_item_open",
        "paragraph_open",
        "inline",
        "paragraph_close",
        "list_item_close",
        "ordered_list_close",
    ]


def _numbered_paragraph(group: list[Token]) -> list[Token]:
    """The paragraph of a numbered line, its number put back in front of its text."""
    label, opening, inline, closing = group[1].attrGet("data-label"), *group[2:5]
    opening.hidden = closing.hidden = False  # a tight list hides its <p>
    inline.children = [Token("text", "", 0, content=f"{label} "), *(inline.children or [])]
    return [opening, inline, closing]


def _stacked_lines(group: list[Token]) -> list[str]:
    """The lines of a paragraph that is a stack of separate lines, not wrapped
    text (each its own paragraph), else nothing: lines each led by a code of
    one shape (``02L2 …``, ``02L3 …``: a list), or short lines none of which
    goes on with the line above in lower case (a page's heads read line by line)."""
    text = _paragraph_text(group)
    lines = [line.strip() for line in (text or "").split("\n")]
    if len(lines) < _STACK_MIN or not all(lines):
        return []
    codes = [_LEAD_CODE.match(line) for line in lines]
    if all(codes) and len({len(c.group(1)) for c in codes if c}) == 1:
        return lines
    if all(len(line) <= _STACK_WIDTH and not line[0].islower() for line in lines):
        return lines
    return []


_STACK_MIN = 3  # lines of a paragraph that make a stack
_STACK_WIDTH = 60  # a line this short is no wrapped prose line
_LEAD_CODE = re.compile(r"^((?=[A-Z]*\d)[0-9A-Z]{2,8})\s+\S")  # "02L2 Adopter …"


def _annotate(tokens: list[Token]) -> None:
    """Set each element's source line and each list item's printed label as attributes."""
    for token in tokens:
        if token.nesting == 1 and token.map:
            token.attrSet("data-line", str(token.map[0] + 1))
        if token.type == "list_item_open":
            label = f"{token.info}{token.markup}" if token.info else token.markup
            token.attrSet("data-label", label)
