"""Tell bold words from regular ones by their stroke width.

Tesseract's LSTM engine reports no font attributes, so boldness is measured on
the image: the mean length of a word's horizontal ink runs (≈ stroke width)
compared with the page's median word. Bold text is ~1.5× thicker.
"""

from __future__ import annotations

from dataclasses import replace
from statistics import median

import numpy as np

from .ocr_tesseract import Word

BOLD_RATIO = 1.3  # median stroke width of a text over the page's typical word: bold from here


def mark_strokes(words: list[Word], image: np.ndarray) -> list[Word]:
    """The words with ``stroke`` set: their stroke width relative to the page's
    median word. A word with no dark ink (pale text read contrast-stretched) has
    no stroke to measure: left out of the median, it would make the rest bold."""
    widths = [_stroke(word, image) for word in words]
    sample = [w for w, word in zip(widths, words, strict=True) if w and measurable(word)]
    if len(sample) < 5:
        return words
    typical = median(sample) or 1.0
    return [
        replace(word, stroke=width / typical) if measurable(word) else word
        for word, width in zip(words, widths, strict=True)
    ]


def measurable(word: Word) -> bool:
    """Long enough for its stroke width to mean something."""
    return sum(c.isalpha() for c in word.text) >= 3


def is_bold(words: list[Word]) -> bool:
    """Whether a run of words (a paragraph) is set in bold."""
    strokes = [w.stroke for w in words if measurable(w) and w.stroke]
    return bool(strokes) and median(strokes) >= BOLD_RATIO


def _stroke(word: Word, image: np.ndarray) -> float:
    ink = image[word.y0 : word.y1, word.x0 : word.x1] < 140
    if ink.size == 0:
        return 0.0
    starts = int((ink[:, 1:] & ~ink[:, :-1]).sum() + ink[:, 0].sum())
    return float(ink.sum()) / max(starts, 1)
