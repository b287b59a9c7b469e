"""Run Tesseract 5 (``-l fra``) on a page image and return its word boxes.

Tesseract is called through pytesseract's ``image_to_data`` (TSV: one row per
word with its box and confidence); its plain-text output is never parsed. The
image is handed over as PGM (raw bytes): PNG encoding alone would cost about
as much as the OCR. ``OMP_THREAD_LIMIT=1`` is forced: Tesseract's OpenMP
threads fight each other on a small machine; pages run in parallel instead.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image

from ..errors import MissingTool

_runs = 0  # Tesseract runs in this process (see runs())

LANG = "fra"
_BLOCK_LEVEL = 2  # image_to_data's level of a block (1 page, 3 paragraph, 4 line, 5 word)
PAGE = "--oem 1 --psm 3"  # LSTM engine, automatic page segmentation
BLOCK = "--oem 1 --psm 6"  # LSTM engine, one block of uniform text (a table cell)
# Sauvola's local threshold instead of Otsu's global one: text on tinted fills of
# several shades (coloured slide boxes) stays readable where one threshold for the
# page makes a pale fill black or pale text white.
LOCAL = "-c thresholding_method=2"


@dataclass(frozen=True)
class Word:
    """One word Tesseract read: text, confidence (0–100) and pixel box."""

    text: str
    conf: float
    x0: int
    y0: int
    x1: int
    y1: int
    stroke: float = 0.0  # stroke width relative to the page's median word (1.0 = regular)

    @property
    def height(self) -> int:
        return self.y1 - self.y0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


def check_tesseract(path: str | Path) -> None:
    """Raise :class:`MissingTool` unless Tesseract and its French data are installed."""
    problem = _problem(os.environ.get("PATH", ""), os.environ.get("TESSDATA_PREFIX", ""))
    if problem:
        raise MissingTool(path, problem)


@lru_cache(maxsize=4)
def _problem(search_path: str, tessdata: str) -> str | None:
    """What is missing for OCR (cached per environment), or None."""
    import pytesseract

    try:
        languages = pytesseract.get_languages(config="")
    except pytesseract.TesseractNotFoundError:
        return (
            "OCR needs the tesseract program, which is not installed or not on PATH "
            "(Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-fra)"
        )
    except pytesseract.TesseractError as err:
        return f"tesseract does not run ({err})"
    if LANG not in languages:
        return (
            f"OCR needs Tesseract's French data ({LANG}.traineddata), not installed "
            "(Debian/Ubuntu: apt-get install tesseract-ocr-fra)"
        )
    return None


def runs() -> int:
    """How many pages this process has handed to Tesseract (to check what skips it)."""
    return _runs


Box = tuple[int, int, int, int]  # x0, y0, x1, y1 in pixels


def read_words(gray: np.ndarray, config: str = PAGE) -> list[Word]:
    """The words Tesseract finds on a grayscale page (or block), in its reading order."""
    return read_layout(gray, config)[0]


def read_layout(gray: np.ndarray, config: str = PAGE) -> tuple[list[Word], list[Box]]:
    """The words Tesseract finds, and the boxes of the blocks its page
    segmentation made (a block where it found no word included)."""
    import pytesseract

    global _runs
    _runs += 1
    os.environ["OMP_THREAD_LIMIT"] = "1"
    image = Image.fromarray(gray)
    image.format = "PPM"  # pytesseract writes the temp file in this format: PGM, no compression
    data = pytesseract.image_to_data(
        image, lang=LANG, config=config, output_type=pytesseract.Output.DICT
    )
    words = []
    blocks: list[Box] = []
    for i, text in enumerate(data["text"]):
        x, y, w, h = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
        if data["level"][i] == _BLOCK_LEVEL:
            blocks.append((x, y, x + w, y + h))
        text = text.strip()
        if not text:
            continue
        words.append(Word(text, float(data["conf"][i]), x, y, x + w, y + h))
    return words, blocks
