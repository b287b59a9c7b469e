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

BOLD_RATIO = 1.35  # stroke width over the page's median word from which a word is bold


def mark_bold(words: list[Word], image: np.ndarray) -> list[Word]:
    """The words with ``bold`` set from their stroke width."""
    widths = [_stroke(word, image) for word in words]
    sample = [w for w, word in zip(widths, words, strict=True) if _measurable(word)]
    if len(sample) < 5:
        return words
    typical = median(sample)
    return [
        replace(word, bold=_measurable(word) and width >= BOLD_RATIO * typical)
        for word, width in zip(words, widths, strict=True)
    ]


def _measurable(word: Word) -> bool:
    return sum(c.isalpha() for c in word.text) >= 3


def _stroke(word: Word, image: np.ndarray) -> float:
    ink = image[word.y0 : word.y1, word.x0 : word.x1] < 140
    if ink.size == 0:
        return 0.0
    starts = int((ink[:, 1:] & ~ink[:, :-1]).sum() + ink[:, 0].sum())
    return float(ink.sum()) / max(starts, 1)
