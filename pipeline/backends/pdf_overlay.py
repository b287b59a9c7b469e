"""Page overlays: furniture standing inside the page, removed as characters.

A web page printed to PDF repeats its floating widgets ("Top", a help button)
at the same place on every page, wherever the body text flows under them; on
a page they cross, their letters and the body's are read as one word. Such
text is found on characters, before words are built. A *glyph* (a character
with its place, to the point) standing between the top and bottom bands
(those are the block furniture's, :mod:`.layout.furniture`) on at least three
pages and three quarters of them belongs to a repeated line; the line is an
overlay when it is printed over other text (on a page where it stands, a word
that is not its own interleaves its letters with the line's): repeated column
headers of a continued table, or a template's labels, never are. A line with
fewer than two letters or digits is chance and is kept.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from .layout.furniture import MARGIN

Glyph = tuple[str, int, int, int]  # text, x0, top and x1 rounded to the point
Box = tuple[str, float, float, float, float]  # a word: text, x0, top, x1, bottom
_MIN_PAGES = 3
_SHARE = 0.75  # of the pages an overlay stands on


def glyph(char: dict[str, Any]) -> Glyph:
    """A character and its place, to the point."""
    return (char["text"], round(char["x0"]), round(char["top"]), round(char["x1"]))


def inner_glyphs(chars: list[dict[str, Any]], height: float) -> set[Glyph]:
    """Glyphs of a page's visible ``chars`` (spaces too) that could be an
    overlay's: between the page's top and bottom bands (:func:`glyph` inlined:
    this runs on every character of a document)."""
    upper, lower = height * MARGIN, height * (1 - MARGIN)
    return {
        (char["text"], round(char["x0"]), round(char["top"]), round(char["x1"]))
        for char in chars
        if upper < char["top"] and char["bottom"] < lower
    }


def overlay(pages: list[set[Glyph]], words: Callable[[int], list[Box]]) -> set[Glyph]:
    """The glyphs of overlays among each page's inner glyphs, ``words(index)``
    the boxes of a page's words, asked only of pages a repeated line stands on
    (see the module doc)."""
    least = max(_MIN_PAGES, _SHARE * len(pages))
    if len(pages) < least:
        return set()
    counts: Counter[Glyph] = Counter()
    for page in pages:
        counts.update(page)
    lines: dict[int, list[Glyph]] = defaultdict(list)
    for found, count in counts.items():
        if count >= least:
            lines[found[2]].append(found)
    return {
        found
        for line in lines.values()
        if sum(g[0].isalnum() for g in line) >= 2
        and any(
            _crossed(line, words(index))
            for index, glyphs in enumerate(pages)
            if glyphs.issuperset(line)
        )
        for found in line
    }


def _crossed(line: list[Glyph], words: list[Box]) -> bool:
    """Whether one of a page's ``words`` that is not the line's own is printed
    over the line: its letters interleaved with at least two of the line's
    ("évaUlnuaet"), not a word standing in a gap of it (a template's number)."""
    own = "".join(g[0] for g in sorted(line, key=lambda g: g[1]))
    top = line[0][2]
    for text, left, upper, right, lower in words:
        if text in own or not upper - 1 <= top <= lower - 1:
            continue
        inside = sum(left - 0.5 <= g[1] and g[3] <= right + 0.5 for g in line)
        if inside >= 2 and len(text) >= inside + 2:
            return True
    return False


def texts(glyphs: frozenset[Glyph]) -> list[str]:
    """The overlays' text, a line each, top to bottom (for a warning)."""
    lines: dict[int, list[Glyph]] = defaultdict(list)
    for found in glyphs:
        lines[found[2]].append(found)
    return [_line(lines[top]) for top in sorted(lines)]


def _line(glyphs: list[Glyph]) -> str:
    """Glyphs of one line as text, a space where they part by a point or more."""
    text = ""
    end: int | None = None
    for char, x0, _, x1 in sorted(glyphs, key=lambda g: g[1]):
        if end is not None and x0 - end >= 1:
            text += " "
        text += char
        end = x1
    return " ".join(text.split())
