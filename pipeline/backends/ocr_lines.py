"""Rebuild text lines from Tesseract's word boxes, and find their bullets.

Words are grouped into lines by vertical overlap (Tesseract's own line ids are
not trusted: on a table row it glues the words of neighbouring cells). A line
starts with a bullet when its first token is a misread bullet glyph (``e``,
``©``, ``°``, ``*``…, see ``rules/ocr.yaml``) or when a small isolated mark sits
just left of its first word (Tesseract often drops the glyph altogether).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from statistics import median

import numpy as np

from ..ocrfix import is_bullet
from ..textclean import BULLET_GLYPHS, DASHES
from .ocr_tesseract import Word

_GLYPHS = BULLET_GLYPHS + DASHES + "*+©®°«»¢_=~>"  # and what Tesseract reads for them
_GLUED_BULLET = re.compile(rf"^[{re.escape(_GLYPHS)}]+_*(?=[^\W\d_])")
_SPECK_CONF = 50
_ONLY_GLYPHS = re.compile(rf"^[eo]?[{re.escape(_GLYPHS)}.]+[eo]?$")  # "*", "e+", "°o"


@dataclass
class Line:
    """One line of text in a region (a cell, a column): its words left to right."""

    words: list[Word]
    bullet: str | None = None  # the glyph read (or "•" for an unread mark), removed from words
    number: int = 0  # 1-based line number on the page

    @property
    def x0(self) -> int:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> int:
        return max(w.x1 for w in self.words)

    @property
    def y0(self) -> int:
        return min(w.y0 for w in self.words)

    @property
    def y1(self) -> int:
        return max(w.y1 for w in self.words)

    @property
    def height(self) -> float:
        return float(median(w.height for w in self.words))

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def group_lines(words: list[Word]) -> list[Line]:
    """Words of one region → lines, top to bottom, each left to right.

    Specks read as punctuation (a lone ``.``, ``|``, ``]`` with a low confidence)
    are dropped, except as a line's first token (which may be a bullet)."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.cy, w.x0)):
        for line in reversed(lines[-3:]):
            top = median(w.y0 for w in line)
            bottom = median(w.y1 for w in line)
            overlap = min(bottom, word.y1) - max(top, word.y0)
            if overlap > 0.5 * min(bottom - top, word.height):
                line.append(word)
                break
        else:
            lines.append([word])
    result = []
    for line in lines:
        ordered = sorted(line, key=lambda w: w.x0)
        kept = ordered[:1] + [w for w in ordered[1:] if not _speck(w)]
        result.append(Line(kept))
    return sorted(result, key=lambda line: (line.y0, line.x0))


def _speck(word: Word) -> bool:
    return word.conf < _SPECK_CONF and not any(c.isalnum() for c in word.text)


def detect_bullets(lines: list[Line], image: np.ndarray | None, left_bound: int) -> None:
    """Mark lines that start with a bullet and take the glyph out of their words."""
    for line in lines:
        first = line.words[0]
        if len(line.words) > 1 and (is_bullet(first.text) or _ONLY_GLYPHS.match(first.text)):
            line.bullet = first.text
            line.words = line.words[1:]
            continue
        glued = _GLUED_BULLET.match(first.text)
        if glued and len(first.text) > glued.end():
            line.bullet = glued.group(0).rstrip("_")
            rest = first.text[glued.end() :]
            line.words[0] = replace(first, text=rest)
            continue
        if image is not None and _mark_before(line, image, left_bound):
            line.bullet = "•"


def _mark_before(line: Line, image: np.ndarray, left_bound: int) -> bool:
    """A small isolated dark mark just left of the line's first word."""
    height = line.height
    x_end = line.x0 - max(2, int(0.25 * height))
    x_start = max(left_bound + 4, int(line.x0 - 4 * height))
    y0 = max(0, int(line.y0 - 0.2 * height))
    y1 = min(image.shape[0], int(line.y1 + 0.2 * height))
    if x_end - x_start < height * 0.5:
        return False
    window = image[y0:y1, x_start:x_end] < 128
    ink = window.sum(axis=0)
    blob = _biggest_blob(ink)
    if blob is None:
        return False
    first, last = blob
    mark = window[:, first : last + 1]
    amount = int(mark.sum())
    if amount < max(6, height * height * 0.03):
        return False
    rows = np.nonzero(mark.any(axis=1))[0]
    width = last - first + 1
    tall = rows[-1] - rows[0] + 1
    isolated = first > 0 and rows[0] > 0 and rows[-1] < window.shape[0] - 1
    sized = 0.2 * height <= width <= 0.8 * height and tall <= 0.8 * height
    solid = amount >= 0.4 * width * tall  # a dot or a dash, not scattered specks
    return bool(isolated and sized and solid)


def _biggest_blob(ink: np.ndarray) -> tuple[int, int] | None:
    """First and last column of the group of inked columns holding the most ink
    (groups split by two or more empty columns): the mark, not a nearby speck."""
    best: tuple[int, int] | None = None
    best_ink = 0
    start = None
    gap = 0
    for x, amount in enumerate([*ink.tolist(), 0, 0]):
        if amount:
            if start is None:
                start = x
            gap = 0
            end = x
        elif start is not None:
            gap += 1
            if gap >= 2:
                total = int(ink[start : end + 1].sum())
                if total > best_ink:
                    best, best_ink = (start, end), total
                start = None
    return best
