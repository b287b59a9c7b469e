"""Words and lines of one PDF page, read once.

pdfplumber parses a page's content stream the first time ``page.chars`` is
asked for; everything here works from one ``extract_words`` call on that
cached page, so text, line numbering and table filling share a single pass.

Only what a reader sees is read (:mod:`.pdf_visible`): hidden template text
is gone before words are formed, watermark letters set at a slant too. Single
letters standing far from any other text (stray marks) are dropped.

Pages whose text is rotated by 90° inside an upright page (a landscape table
printed sideways) are turned upright: word, ruling-line and box coordinates
are rotated so that reading order, lines and tables work as on any other page.
The page's drawn boxes (filled or outlined rectangles and filled shapes) are
kept: they bound text regions (:mod:`.pdf_layout`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..docmodel import BBox
from .pdf_rulings import ruling_edges
from .pdf_visible import WHITE, rgb, visible_chars

Y_TOLERANCE = 3.0  # pdfplumber's own default: words within 3 pt of top share a line
# On a page that sets no space characters (words placed by position, as LaTeX
# does), a gap wider than this share of the font size also splits a word
# (besides pdfplumber's fixed 3 pt, which glues the words of 10 pt text: an
# Arial word gap is 0.28 em, 2.8 pt at 10 pt). Pages with space characters
# keep pdfplumber's reading (letter-spaced or justified text stays whole).
GAP_RATIO = 0.25
_BOLD_MARKS = ("bold", "black", "heavy", "semibold", "demibold", ",b")
_ITALIC_MARKS = ("italic", "oblique", ",i")
_SCATTERED = 2.0  # font sizes: a lone letter with no other text this near is a stray mark
_MIN_BOX = 8.0  # points: narrower or flatter shapes are rules and marks, not boxes
_MAX_BOX = 0.8  # share of the page: larger shapes are the page's background


@dataclass
class Word:
    """One word with its box (top-left origin, points) and font facts."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool = False
    line: int = 0  # 1-based line in the page's extracted text
    after_first: float = 0.0  # x where the word's second character starts (glued bullets)


@dataclass
class Line:
    """Words on one visual line of a region, left to right."""

    words: list[Word] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        """The line's dominant font size."""
        sizes: Counter[float] = Counter()
        for word in self.words:
            sizes[round(word.size, 1)] += len(word.text)
        return sizes.most_common(1)[0][0]

    @property
    def number(self) -> int:
        return min(w.line for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@lru_cache(maxsize=512)
def _is_bold(fontname: str) -> bool:
    name = fontname.split("+", 1)[-1].lower()
    return any(mark in name for mark in _BOLD_MARKS)


@lru_cache(maxsize=512)
def _is_italic(fontname: str) -> bool:
    name = fontname.split("+", 1)[-1].lower()
    return any(mark in name for mark in _ITALIC_MARKS)


def _word(raw: dict[str, Any]) -> Word:
    chars = raw["chars"]
    visible = [c for c in chars if not c["text"].isspace()] or chars
    fonts = {c["fontname"] for c in visible}
    if len(fonts) == 1:  # the usual case: one font, decided once per font name
        (font,) = fonts
        bold, italic = _is_bold(font), _is_italic(font)
    else:
        bold = sum(_is_bold(c["fontname"]) for c in visible) * 2 > len(visible)
        italic = sum(_is_italic(c["fontname"]) for c in visible) * 2 > len(visible)
    return Word(
        text=raw["text"],
        x0=raw["x0"],
        x1=raw["x1"],
        top=raw["top"],
        bottom=raw["bottom"],
        size=_size(visible),
        bold=bold,
        italic=italic,
        after_first=chars[1]["x0"] if len(chars) > 1 else raw["x1"],
    )


def _size(chars: list[dict[str, Any]]) -> float:
    """The font size (rounded to 0.1) of most of the characters."""
    sizes = {round(c["size"], 1) for c in chars}
    if len(sizes) == 1:
        return sizes.pop()
    return Counter(round(c["size"], 1) for c in chars).most_common(1)[0][0]


@dataclass
class PageText:
    """A page's words (upright), ruling edges and drawn boxes, in the page's reading frame."""

    words: list[Word]
    edges: list[dict[str, Any]]
    width: float
    height: float
    rotated: int  # 0, 90 or 270: how much the text was turned to be read upright
    boxes: list[BBox] = field(default_factory=list)


def read_page(page: Any) -> PageText:
    """Visible words, line numbers, ruling edges and boxes of a pdfplumber page (one pass)."""
    from pdfplumber.utils import extract_words

    chars = visible_chars(page)
    raw = extract_words(chars, return_chars=True)
    if not any(c["text"].isspace() for c in chars):  # words placed by position only
        raw = [part for word in raw for part in _split_gaps(word)]
    upright = sum(len(w["text"]) for w in raw if w["upright"])
    sideways = [w for w in raw if not w["upright"]]
    rotated = 0
    width, height = float(page.width), float(page.height)
    edges = ruling_edges(page)
    boxes = _boxes(page, width * height)
    if sideways and sum(len(w["text"]) for w in sideways) > upright:
        rotated = _direction(sideways)
        raw = _rotate_words(chars, width, height, rotated)
        edges = [_rotate_box(e, width, height, rotated) for e in edges]
        boxes = [_rotate_bbox(b, width, height, rotated) for b in boxes]
        width, height = height, width
    words = drop_scattered([_word(w) for w in raw if w["text"].strip()])
    number_lines(words)
    return PageText(words, edges, width, height, rotated, boxes)


def _split_gaps(raw: dict[str, Any]) -> list[dict[str, Any]]:
    """An upright word cut where a gap between two characters is wider than
    :data:`GAP_RATIO` of their size (words set without space characters)."""
    chars = raw["chars"]
    if not raw["upright"] or len(chars) < 2:
        return [raw]
    parts: list[list[dict[str, Any]]] = [[chars[0]]]
    for before, char in zip(chars, chars[1:], strict=False):
        if char["x0"] - before["x1"] > GAP_RATIO * max(before["size"], char["size"]):
            parts.append([char])
        else:
            parts[-1].append(char)
    if len(parts) == 1:
        return [raw]
    return [
        {
            **raw,
            "text": "".join(c["text"] for c in part),
            "x0": min(c["x0"] for c in part),
            "x1": max(c["x1"] for c in part),
            "top": min(c["top"] for c in part),
            "bottom": max(c["bottom"] for c in part),
            "chars": part,
        }
        for part in parts
    ]


def drop_scattered(words: list[Word]) -> list[Word]:
    """The words without stray letters: a lone letter far from all other text (a
    lone "-" or digit, as table cells hold, stays)."""
    kept = []
    for word in words:
        if len(word.text) == 1 and word.text.isalpha():
            reach = _SCATTERED * word.size
            near = (
                other
                for other in words
                if other is not word
                and other.x0 - reach < word.x1
                and other.x1 + reach > word.x0
                and other.top - reach < word.bottom
                and other.bottom + reach > word.top
            )
            if next(near, None) is None:
                continue
        kept.append(word)
    return kept


def _boxes(page: Any, page_area: float) -> list[BBox]:
    """Drawn boxes that frame text: outlined or coloured rectangles and filled shapes."""
    boxes = []
    for shape in [*page.rects, *page.curves]:
        width, height = shape["x1"] - shape["x0"], shape["bottom"] - shape["top"]
        if width < _MIN_BOX or height < _MIN_BOX or width * height > _MAX_BOX * page_area:
            continue
        filled = shape.get("fill") and rgb(shape.get("non_stroking_color")) not in (None, WHITE)
        outlined = shape.get("stroke") and shape["object_type"] == "rect"
        if filled or outlined:
            boxes.append(BBox(shape["x0"], shape["top"], shape["x1"], shape["bottom"]))
    return boxes


def number_lines(words: list[Word]) -> None:
    """Give each word the 1-based number of its line in the page's text (top to bottom)."""
    for number, group in enumerate(_by_top(words), start=1):
        for word in group:
            word.line = number


def group_lines(words: list[Word]) -> list[Line]:
    """Words of one region (a column, a cell) grouped into lines, top to bottom."""
    if not words:
        return []
    return [Line(sorted(group, key=lambda w: w.x0)) for group in _by_top(words)]


def _by_top(words: list[Word]) -> list[list[Word]]:
    """Words clustered by ``top`` like pdfplumber's text lines (chained 3-pt tolerance)."""
    groups: list[list[Word]] = []
    last = float("-inf")
    for word in sorted(words, key=lambda w: w.top):
        if groups and word.top - last <= Y_TOLERANCE:
            groups[-1].append(word)
        else:
            groups.append([word])
        last = word.top
    return groups


# ------------------------------------------------------------------ rotation


def _direction(words: list[dict[str, Any]]) -> int:
    """90 when sideways text reads bottom-to-top, 270 when it reads top-to-bottom."""
    votes: Counter[int] = Counter()
    for word in words:
        for char in word["chars"]:
            matrix = char.get("matrix") or (1, 0, 0, 1, 0, 0)
            votes[90 if matrix[1] > 0 else 270] += 1
    return votes.most_common(1)[0][0] if votes else 90


def _rotate_box(obj: dict[str, Any], width: float, height: float, angle: int) -> dict[str, Any]:
    """An object's box in the frame where the page is turned so that text reads upright."""
    x0, x1, top, bottom = obj["x0"], obj["x1"], obj["top"], obj["bottom"]
    if angle == 90:  # turn the page clockwise
        box = {"x0": height - bottom, "x1": height - top, "top": x0, "bottom": x1}
    else:  # turn it counter-clockwise
        box = {"x0": top, "x1": bottom, "top": width - x1, "bottom": width - x0}
    turned = {**obj, **box}
    turned["width"] = box["x1"] - box["x0"]
    turned["height"] = box["bottom"] - box["top"]
    if "orientation" in obj:
        turned["orientation"] = "v" if obj["orientation"] == "h" else "h"
    turned["doctop"] = box["top"]
    return turned


def unrotate(box: BBox, width: float, height: float, angle: int) -> BBox:
    """A box of the upright reading frame back in the page's own frame.

    ``width`` and ``height`` are the page's own (unturned) size; ``angle`` as in
    :attr:`PageText.rotated` (0: the box is returned as it is).
    """
    if angle == 90:
        return BBox(box.top, height - box.x1, box.bottom, height - box.x0)
    if angle == 270:
        return BBox(width - box.bottom, box.x0, width - box.top, box.x1)
    return box


def _rotate_bbox(box: BBox, width: float, height: float, angle: int) -> BBox:
    turned = _rotate_box(box.__dict__, width, height, angle)
    return BBox(turned["x0"], turned["top"], turned["x1"], turned["bottom"])


def _rotate_words(
    chars: list[dict[str, Any]], width: float, height: float, angle: int
) -> list[dict[str, Any]]:
    """Re-extract the page's sideways characters (spaces included) as upright words."""
    from pdfplumber.utils import extract_words

    turned = [_upright_char(c, width, height, angle) for c in chars if not c["upright"]]
    turned.sort(key=lambda c: (round(c["top"]), c["x0"]))
    words = extract_words(turned, return_chars=True)
    if any(c["text"].isspace() for c in turned):
        return list(words)
    return [part for word in words for part in _split_gaps(word)]


def _upright_char(char: dict[str, Any], width: float, height: float, angle: int) -> dict[str, Any]:
    """A sideways character turned upright; its size is its height across the line."""
    turned = _rotate_box(char, width, height, angle)
    turned["upright"] = True
    turned["size"] = turned["height"]
    return turned
