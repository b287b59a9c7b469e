"""Dark print on a tinted fill read as noise: its line read again, the fill stretched to white.

On a screenshot of a designed slide, a statement printed in black on a coloured
box (an orange fill) is thresholded with its ground; a line of it may come back
as a few words read with almost no confidence (``A oui`` for ``d'un système``).
Evidence of such a line: at least two of its words read with less confidence
than :data:`.ocr_reread.GARBLED`, on a tinted ground (the crop's median pixel
darker than white paper). The line alone is read again, cropped and
contrast-stretched (its darkest ink to black, the fill to white); the new
reading replaces the line's words when it is more confident. Only the noisy
line is replaced: its neighbours, read well, keep their words and marks.
"""

from __future__ import annotations

import numpy as np

from .ocr_lines import group_lines
from .ocr_reread import GARBLED, confidence, read_crop
from .ocr_tesseract import Box, Word

_PAPER = 235  # a ground at least this light is paper, not a fill
_MIN_LOW = 2  # words read with almost no confidence a line must hold
_PAD_X = 10  # pixels of the fill kept beside the line
_PAD_Y = 3  # pixels kept above and below it (the lines around stay out)


def reread_tinted(words: list[Word], gray: np.ndarray, blocks: list[Box]) -> list[Word]:
    """``words`` with each noisy line on a tinted fill replaced by a better reading."""
    for block in blocks:
        for line in group_lines([w for w in words if _within(w, block)]):
            own = [w for w in line.words if w in words]
            if sum(1 for w in own if w.conf < GARBLED and _alnum(w.text)) < _MIN_LOW:
                continue
            again = _read(gray, (line.x0, line.y0, line.x1, line.y1))
            if again and confidence(again) > confidence(own):
                first = words.index(own[0])
                rest = [w for w in words if w not in own]
                words = rest[:first] + again + rest[first:]
    return words


def _read(gray: np.ndarray, box: Box) -> list[Word]:
    """The words of ``box`` on a tinted ground, the ground stretched to white, or []."""
    x0, y0 = max(0, box[0] - _PAD_X), max(0, box[1] - _PAD_Y)
    x1, y1 = box[2] + _PAD_X, box[3] + _PAD_Y
    crop = gray[y0:y1, x0:x1].astype(float)
    low, ground = float(crop.min()), float(np.median(crop))
    if ground >= _PAPER or ground - low < 10:
        return []
    stretched = np.clip((crop - low) * 255.0 / (ground - low), 0, 255).astype(np.uint8)
    return [w for w in read_crop(stretched, x0, y0) if _alnum(w.text) or w.conf >= GARBLED]


def _alnum(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _within(word: Word, box: Box) -> bool:
    return box[0] <= word.cx <= box[2] and box[1] <= word.cy <= box[3]
