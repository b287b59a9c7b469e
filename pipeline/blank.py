"""A cheap test for a page image with nothing to read, so that OCR can skip it.

A blank page costs Tesseract as much time and memory as a full one; counting the
dark pixels of the rendered page costs a few milliseconds.
"""

from __future__ import annotations

import numpy as np

DARK = 128  # gray level (0 = black) below which a pixel is ink
MAX_INK = 1e-4  # a page with less ink than this share of its pixels is blank (≈ a dot of dust)


def is_blank(gray: np.ndarray) -> bool:
    """True when the 8-bit grayscale page ``gray`` holds (almost) no ink."""
    return bool(np.count_nonzero(gray < DARK) <= MAX_INK * gray.size)
