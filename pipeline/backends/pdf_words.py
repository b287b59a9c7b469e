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
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..docmodel import BBox
from .pdf_overlay import Glyph, glyph, inner_glyphs
from .pdf_rulings import ruling_edges
from .pdf_unmapped import mark_lone_glyphs, reread_unmapped
from .pdf_visible import WHITE, rgb, visible_chars

Y_TOLERANCE = 3.0  # pdfplumber's own default: words within 3 pt of top share a line
_SPREAD = 12.0  # points: the widest letter spacing of a sideways label
_BOLD_MARKS = ("bold", "black", "heavy", "semibold", "demibold", ",b")
_ITALIC_MARKS = ("italic", "oblique", ",i")
_SCATTERED = 2.0  # font sizes: a lone letter with no other text this near is a stray mark
_MIN_BOX = 8.0  # points: narrower or flatter shapes are rules and marks, not boxes
_MAX_BOX = 0.8  # share of the page: larger shapes are the page's background
_WORD_GAP = 0.15  # font sizes: a gap this wide between touching letters is a space
_SPACELESS_GAP = 0.25  # font sizes: a word gap on a page that sets no space characters
_TOUCHING = 0.05  # font sizes: letters closer than this touch
_SMALL_CAPS = 1.15  # a line's capitals this much larger than its other capitals: small caps


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
    turned: int = 0  # 90 / 270: set sideways in an upright page, read bottom-up / top-down


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


def _sideways_words(
    chars: list[dict[str, Any]], width: float, height: float, turned: int
) -> list[dict[str, Any]]:
    """The sideways characters of an upright page as words read in their own
    direction (turned upright, read, and their boxes put back on the page)."""
    words = []
    for word in _rotate_words(chars, width, height, turned, spread=True):
        box = unrotate(
            BBox(word["x0"], word["top"], word["x1"], word["bottom"]), width, height, turned
        )
        words.append(
            {
                **word,
                "x0": box.x0,
                "x1": box.x1,
                "top": box.top,
                "bottom": box.bottom,
                "upright": False,
            }
        )
    return words


def _word(raw: dict[str, Any], turned: int = 0) -> Word:
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
        turned=0 if raw["upright"] else turned,
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
    glyphs: set[Glyph] = field(default_factory=set)  # inner glyphs of an upright page (overlays)


def read_page(page: Any, skip: frozenset[Glyph] = frozenset(), *, reread: bool = True) -> PageText:
    """Visible words, line numbers, ruling edges and boxes of a pdfplumber page
    (one pass), without the characters of overlays ``skip`` (:mod:`.pdf_overlay`);
    undecoded glyphs read again by Tesseract unless ``reread`` is off (ocr=never)."""
    from pdfplumber.utils import extract_words

    chars = visible_chars(page)
    if reread:
        reread_unmapped(page, chars)
    mark_lone_glyphs(chars)
    if skip:
        chars = [c for c in chars if glyph(c) not in skip]
    raw = extract_words(chars, return_chars=True)
    upright = _printed(w for w in raw if w["upright"])
    sideways = [w for w in raw if not w["upright"]]
    rotated = turned = 0
    width, height = float(page.width), float(page.height)
    edges = ruling_edges(page)
    boxes = _boxes(page, width * height)
    if sideways and _printed(sideways) > upright:
        rotated = _direction(sideways)
        raw = _rotate_words(chars, width, height, rotated)
        edges = [_rotate_box(e, width, height, rotated) for e in edges]
        boxes = [_rotate_bbox(b, width, height, rotated) for b in boxes]
        width, height = height, width
    elif sideways:  # sideways words read in their own direction, not by position
        turned = _direction(sideways)
        raw = [w for w in raw if w["upright"]] + _sideways_words(chars, width, height, turned)
    spaceless = not any(c["text"].isspace() for c in chars)  # words placed by position only
    raw = [part for w in raw for part in split_glued(w, spaceless)]
    words = join_small_caps(drop_scattered([_word(w, turned) for w in raw if w["text"].strip()]))
    number_lines(words)
    glyphs = set() if rotated or skip else inner_glyphs(chars, height)
    return PageText(words, edges, width, height, rotated, boxes, glyphs)


def split_glued(raw: dict[str, Any], spaceless: bool = False) -> list[dict[str, Any]]:
    """A pdfplumber word cut where its letters part by a word gap.

    pdfplumber joins characters less than 3 pt apart; a justified line can
    print its word gaps narrower than that (0.23 font size in a 10-pt line).
    Inside a word whose letters touch, a gap of 0.15 font size or more is such
    a space. Words whose letters do not touch (spaced type, odd metrics) stay
    whole, and so does sideways text (its gaps are not along x); a leading
    dash or bullet keeps to its word (list markers are read elsewhere). On a
    ``spaceless`` page (words placed by position only, as LaTeX does: an Arial
    word gap is 0.28 font size) every gap of 0.25 font size is a space, the
    letters touching or not.
    """
    from pdfplumber.utils.text import LIGATURES

    chars = raw["chars"]
    texts = [LIGATURES.get(c["text"], c["text"]) for c in chars]
    if len(chars) < 2 or "".join(texts) != raw["text"] or not raw.get("upright", True):
        return [raw]
    size = sorted(c["size"] for c in chars)[len(chars) // 2]
    gaps = [b["x0"] - a["x1"] for a, b in zip(chars, chars[1:], strict=False)]
    touching = sum(abs(g) < _TOUCHING * size for g in gaps)
    if not spaceless and touching * 2 <= len(gaps):
        return [raw]
    gap = _SPACELESS_GAP if spaceless else _WORD_GAP
    cuts = [i + 1 for i, g in enumerate(gaps) if g >= gap * size]
    if cuts and cuts[0] == 1 and not texts[0].isalnum():
        cuts = cuts[1:]  # a dash or bullet glued to its item's first word stays there
    if not cuts:
        return [raw]
    parts = []
    for start, end in zip([0, *cuts], [*cuts, len(chars)], strict=True):
        part = chars[start:end]
        parts.append(
            {
                **raw,
                "text": "".join(texts[start:end]),
                "chars": part,
                "x0": min(c["x0"] for c in part),
                "x1": max(c["x1"] for c in part),
                "top": min(c["top"] for c in part),
                "bottom": max(c["bottom"] for c in part),
            }
        )
    return parts


def join_small_caps(words: list[Word]) -> list[Word]:
    """Lines set in small capitals made whole again.

    Word processors fake small capitals with two font sizes on one baseline:
    full-size capitals and punctuation ("UE1 : S’", "-", ":") and smaller
    capitals for the rest ("INSCRIRE DANS LE CONTEXTE"). Their tops differ by
    more than the line tolerance, so they would read as two lines. When a run
    of smaller words, all in capitals, shares the baseline of larger words
    without overlapping them, it takes their size and top, and pieces that
    touch ("S’" + "INSCRIRE") become one word.
    """
    groups = _by_top(words)
    kept: list[Word] = []
    index = 0
    last: list[Word] = []  # the last line set in small capitals, once fused
    small = 0.0  # its small capitals' own size
    while index < len(groups):
        group = groups[index]
        follow = groups[index + 1] if index + 1 < len(groups) else None
        if follow is not None and _small_caps_of(group, follow):
            small = max(w.size for w in follow)
            last = _fuse(group, follow)
            kept.extend(last)
            index += 2
            continue
        if last and _goes_on(last, small, group):
            last = _lift(last, group)
            kept.extend(last)
        else:
            kept.extend(group)
            last = []
        index += 1
    return kept


def _goes_on(line: list[Word], small: float, group: list[Word]) -> bool:
    """Whether ``group`` is the next line of a title set in small capitals:
    only capitals at the small size, right under the line."""
    letters = "".join(c for w in group for c in w.text if c.isalpha())
    return (
        bool(letters)
        and letters.isupper()
        and all(abs(w.size - small) < 0.2 and w.bold == line[0].bold for w in group)
        and min(w.top for w in group) - max(w.bottom for w in line) < 0.5 * line[0].size
    )


def _lift(line: list[Word], group: list[Word]) -> list[Word]:
    """The words of ``group`` at the size of the small-capital line above."""
    return [Word(**{**w.__dict__, "size": line[0].size}) for w in group]


def _small_caps_of(large: list[Word], small: list[Word]) -> bool:
    """Whether ``small`` is the small-capital part of the line ``large`` (same baseline)."""
    big = max(w.size for w in large)
    little = max(w.size for w in small)
    if big < little * _SMALL_CAPS:
        return False
    letters = "".join(c for w in small for c in w.text if c.isalpha())
    if not letters or not letters.isupper():
        return False
    base_large = sorted(w.bottom for w in large)[len(large) // 2]
    base_small = sorted(w.bottom for w in small)[len(small) // 2]
    if abs(base_large - base_small) > 0.15 * big:
        return False
    return not any(a.x0 < b.x1 - 0.5 and b.x0 < a.x1 - 0.5 for a in large for b in small)


def _fuse(large: list[Word], small: list[Word]) -> list[Word]:
    """One line of the two: small capitals at the large size, touching pieces joined."""
    size = max(w.size for w in large)
    top = min(w.top for w in large)
    line = sorted([*large, *small], key=lambda w: w.x0)
    fused: list[Word] = []
    for word in line:
        word = Word(**{**word.__dict__, "top": top, "size": size})
        prev = fused[-1] if fused else None
        if prev is not None and word.x0 - prev.x1 < _TOUCHING * size:
            fused[-1] = Word(
                **{
                    **prev.__dict__,
                    "text": prev.text + word.text,
                    "x1": max(prev.x1, word.x1),
                    "bottom": max(prev.bottom, word.bottom),
                    "bold": prev.bold and word.bold,
                }
            )
        else:
            fused.append(word)
    return fused


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


def _printed(words: Iterable[dict[str, Any]]) -> float:
    """How much text the words print: their characters weighted by type size
    (labels set sideways in small type in a table's narrow cells weigh less
    than the upright text of the page around them)."""
    return sum(float(c["size"]) for word in words for c in word["chars"])


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
    chars: list[dict[str, Any]], width: float, height: float, angle: int, spread: bool = False
) -> list[dict[str, Any]]:
    """Re-extract the page's sideways characters (spaces included) as upright
    words; ``spread``: sideways labels in an upright page, read whole however
    widely their letters are spread (justified along a merged cell)."""
    from pdfplumber.utils import extract_words

    turned = [_upright_char(c, width, height, angle) for c in chars if not c["upright"]]
    turned.sort(key=lambda c: (round(c["top"]), c["x0"]))
    if not spread:
        return list(extract_words(turned, return_chars=True))
    # labels of neighbouring cells may stand closer than a line's height
    words = extract_words(turned, return_chars=True, x_tolerance=_SPREAD, y_tolerance=1)
    if any(c["text"].isspace() for c in turned):
        return list(words)
    return [part for word in words for part in split_glued(word, spaceless=True)]


def _upright_char(char: dict[str, Any], width: float, height: float, angle: int) -> dict[str, Any]:
    """A sideways character turned upright; its size is its height across the line."""
    turned = _rotate_box(char, width, height, angle)
    turned["upright"] = True
    turned["size"] = turned["height"]
    return turned
