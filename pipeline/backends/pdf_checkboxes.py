"""Check boxes drawn as little squares → the words ``☒`` / ``☐``.

A form printed from a word processor often draws its check boxes instead of
printing a glyph: a small outlined square, crossed by two diagonal strokes (or
holding a tick, a filled square or a letter) when it is checked. Read as
drawings, such squares are ruling lines that cut table cells into slivers, and
their meaning is lost. Here each one becomes a word (``☒`` when something is
drawn or printed inside it, ``☐`` when it is empty) on the line of the text
beside it, and its strokes are taken out of the page's rulings and boxes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..docmodel import BBox
from .pdf_visible import WHITE, rgb
from .pdf_words import PageText, Word
from .symbol_fonts import EMPTY, TICKED

_SIDE = (5.0, 14.0)  # points: the side of a check box
_SQUARE = 0.25  # sides may differ by this share of the side
_SLACK = 1.0  # points: strokes this far outside the square are still its own


@dataclass(frozen=True)
class _Box:
    x0: float
    top: float
    x1: float
    bottom: float

    def holds(self, x0: float, top: float, x1: float, bottom: float) -> bool:
        return (
            x0 >= self.x0 - _SLACK
            and x1 <= self.x1 + _SLACK
            and top >= self.top - _SLACK
            and bottom <= self.bottom + _SLACK
        )


def read_checkboxes(text: PageText) -> None:
    """Turn the page's drawn check boxes into words (in place, see the module doc)."""
    boxes = _squares(text.edges)
    if not boxes:
        return
    for box in boxes:
        inside = [w for w in text.words if box.holds(w.x0, w.top, w.x1, w.bottom)]
        marked = any(_mark(e, box) for e in text.edges) or any(w.text.strip() for w in inside)
        text.words = [w for w in text.words if not any(w is i for i in inside)]
        text.words.append(_word(box, TICKED if marked else EMPTY, text.words))
    text.edges = [e for e in text.edges if not any(_within(e, b) for b in boxes)]
    text.boxes = [b for b in text.boxes if not any(_same(b, box) for box in boxes)]


def _squares(edges: list[dict[str, Any]]) -> list[_Box]:
    """Small squares outlined by four rulings."""
    low, high = _SIDE
    outlines = [e for e in edges if e.get("stroke") and not _filled(e)]
    across = [e for e in outlines if e.get("orientation") == "h" and low <= _width(e) <= high]
    down = [e for e in outlines if e.get("orientation") == "v" and low <= _height(e) <= high]
    found: list[_Box] = []
    for top in across:
        for bottom in across:
            side = bottom["top"] - top["top"]
            if not (
                abs(side - _width(top)) <= _SQUARE * _width(top)
                and abs(bottom["x0"] - top["x0"]) <= _SLACK
                and abs(bottom["x1"] - top["x1"]) <= _SLACK
            ):
                continue
            box = _Box(top["x0"], top["top"], top["x1"], bottom["top"])
            sides = [e for e in down if _within(e, box)]
            left = any(abs(e["x0"] - box.x0) <= _SLACK for e in sides)
            right = any(abs(e["x0"] - box.x1) <= _SLACK for e in sides)
            if left and right and not any(_same(box, b) for b in found):
                found.append(box)
    return found


def _filled(edge: dict[str, Any]) -> bool:
    """A side of a shape filled with colour (a square bullet, not a box; a
    box is stroked, an unstroked white square is invisible)."""
    return bool(edge.get("fill")) and rgb(edge.get("non_stroking_color")) not in (None, WHITE)


def _mark(edge: dict[str, Any], box: _Box) -> bool:
    """A stroke inside the box that is not one of its sides: a cross or a tick."""
    if not _within(edge, box):
        return False
    if _width(edge) > _SLACK and _height(edge) > _SLACK:
        return True  # a diagonal stroke (pdfplumber calls a slanted line "v")
    return (  # a ruling well inside: a filled mark, a tick drawn straight
        edge["x0"] > box.x0 + _SLACK
        and edge["x1"] < box.x1 - _SLACK
        and edge["top"] > box.top + _SLACK
        and edge["bottom"] < box.bottom - _SLACK
    )


def _within(edge: dict[str, Any], box: _Box) -> bool:
    return box.holds(edge["x0"], edge["top"], edge["x1"], edge["bottom"])


def _same(a: _Box | BBox, b: _Box | BBox) -> bool:
    return (
        abs(a.x0 - b.x0) <= _SLACK
        and abs(a.x1 - b.x1) <= _SLACK
        and abs(a.top - b.top) <= _SLACK
        and abs(a.bottom - b.bottom) <= _SLACK
    )


def _width(edge: dict[str, Any]) -> float:
    return float(edge["x1"] - edge["x0"])


def _height(edge: dict[str, Any]) -> float:
    return float(edge["bottom"] - edge["top"])


def _word(box: _Box, glyph: str, words: list[Word]) -> Word:
    """The box as a word, on the line (and in the font size) of the nearest text."""
    middle = (box.top + box.bottom) / 2
    near = min(words, key=lambda w: abs((w.top + w.bottom) / 2 - middle), default=None)
    size = near.size if near is not None else box.bottom - box.top
    line = near.line if near is not None else 0
    return Word(glyph, box.x0, box.x1, box.top, box.bottom, size, bold=False, line=line)
