"""Read again the table cells where Tesseract's page segmentation failed.

On a whole page (``--psm 3``) Tesseract sometimes finds a bad text line in a
table cell (two lines of the cell, or a line and a speck, taken as one): its
words come back as noise, read with almost no confidence and known to no
French lexicon (``EE``, ``PES For FEU``), and being two lines tall they glue
the cell's items together. A cell is a block of uniform text, so such a cell
is read again on its own (``--psm 6``). Of the two readings of a word the
more confident wins (the page's knows the context: a capital after a full
line); the cell's reading fills the place of the page's noise (its bullets and marks,
which a block reading may drop, stay), and the merged words replace the
cell's when they are read with more confidence as a whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from statistics import median

import numpy as np

from ..ocrfix import Lexicon, is_bullet, lexicon
from .ocr_grid import TableGrid
from .ocr_tesseract import BLOCK, Word, read_words

GARBLED = 30  # a word read with less confidence than this is noise, unless it is French
_INSET = 3  # pixels cut from each side of a cell (its erased rulings)
_PAD = 12  # white margin around the crop (Tesseract reads badly at an image's edge)
_SPECK = 0.35  # a word less tall than this share of the cell's median word is a speck
_OVERLAP = 0.3  # share of the smaller box two readings of one word have in common


def reread_cells(words: list[Word], gray: np.ndarray, tables: list[TableGrid]) -> list[Word]:
    """``words`` with the words of each garbled cell replaced by a better reading."""
    return reread_boxes(words, gray, [cell.bbox for table in tables for cell in table.cells])


def reread_boxes(
    words: list[Word], gray: np.ndarray, boxes: Sequence[tuple[float, float, float, float]]
) -> list[Word]:
    """``words`` with the words of each box holding noise replaced by a better
    reading of the box alone, when it is read with more confidence."""
    lex = lexicon()
    for box in boxes:
        inside = [w for w in words if _within(w, box)]
        if not any(noise(w, lex) for w in inside):
            continue
        again = _read_cell(gray, box)
        kept = [
            w
            for w in inside
            if not noise(w, lex) and not _overlaps_any(w, [a for a in again if a.conf > w.conf])
        ]
        filled = [w for w in again if not _overlaps_any(w, kept)]
        merged = _without_specks(kept + filled)
        if confidence(merged) > confidence(inside):
            first = words.index(inside[0])
            rest = [w for w in words if not _within(w, box)]
            words = rest[:first] + merged + rest[first:]
    return words


def noise(word: Word, lex: Lexicon) -> bool:
    """A word read with almost no confidence that is no French word (``EE``, ``etles``)."""
    return (
        word.conf < GARBLED
        and sum(c.isalpha() for c in word.text) >= 2
        and not lex.knows(word.text)
    )


def _within(word: Word, box: tuple[float, float, float, float]) -> bool:
    x0, y0, x1, y1 = box
    return x0 <= word.cx <= x1 and y0 <= word.cy <= y1


def _read_cell(gray: np.ndarray, box: tuple[float, float, float, float]) -> list[Word]:
    """The words of one cell read alone, in page pixel coordinates."""
    x0, y0 = int(box[0]) + _INSET, int(box[1]) + _INSET
    x1, y1 = int(box[2]) - _INSET, int(box[3]) - _INSET
    if x1 - x0 < 8 or y1 - y0 < 8:
        return []
    return read_crop(gray[y0:y1, x0:x1], x0, y0)


def read_crop(crop: np.ndarray, x0: int, y0: int, pad: int = _PAD) -> list[Word]:
    """The words of a crop of the page whose top left corner is ``(x0, y0)``,
    read as one block on a white margin, in page pixel coordinates."""
    padded = np.pad(crop, pad, constant_values=255)
    dx, dy = x0 - pad, y0 - pad
    return [
        replace(w, x0=w.x0 + dx, y0=w.y0 + dy, x1=w.x1 + dx, y1=w.y1 + dy)
        for w in read_words(padded, BLOCK)
    ]


def _without_specks(words: list[Word]) -> list[Word]:
    """Words, top to bottom, without the specks read as a letter or digit (far
    smaller than the cell's words; a bullet glyph, small too, stays)."""
    typical = median(w.height for w in words) if words else 0
    return sorted(
        (w for w in words if w.height >= _SPECK * typical or is_bullet(w.text)),
        key=lambda w: (w.y0, w.x0),
    )


def _overlaps_any(word: Word, others: list[Word]) -> bool:
    for other in others:
        width = min(word.x1, other.x1) - max(word.x0, other.x0)
        height = min(word.y1, other.y1) - max(word.y0, other.y0)
        smaller = min(_area(word), _area(other))
        if width > 0 and height > 0 and width * height > _OVERLAP * smaller:
            return True
    return False


def _area(word: Word) -> int:
    return max(1, (word.x1 - word.x0) * (word.y1 - word.y0))


def confidence(words: list[Word]) -> float:
    """Mean confidence per character read."""
    chars = sum(len(w.text) for w in words)
    return sum(w.conf * len(w.text) for w in words) / chars if chars else 0.0
