"""OCR of pages that are low-resolution pictures (screenshots at ~95 ppi), real Tesseract.

tests/data/real/but-geii-ese-competences.pdf: every page is one screenshot of
coloured slides, its small print 5-6 pixels high; before it was read at 300 dpi
(Lanczos enlargement, local thresholding) only 3 of the 8 apprentissage codes
of its 'Compétence Concevoir' page came out of Tesseract.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from referentiel.backends.ocr_page import PageJob, ocr_page
from referentiel.backends.ocr_raster import DPI, UPSCALED_DPI, reading_dpi
from referentiel.options import Limits

REAL = Path(__file__).resolve().parent / "data" / "real"
SCREENSHOTS = REAL / "but-geii-ese-competences.pdf"
SCAN = REAL / "cqp-relation-commerciale-distance.scan.pdf"  # 200-ppi scan
CODE = re.compile(r"AC\s?\d\d\.\d\d")


def test_a_low_resolution_picture_is_read_enlarged_and_a_scan_is_not() -> None:
    assert {reading_dpi(SCREENSHOTS, "pdf", i, Limits()) for i in range(7)} == {UPSCALED_DPI}
    assert reading_dpi(SCAN, "pdf", 0, Limits()) == DPI


def test_the_small_print_of_a_screenshot_is_read() -> None:
    gold = json.loads((REAL / "gold" / "but-geii-ese-competences.gold.json").read_text())
    concevoir = {c["code"] for c in gold["blocs"][0]["competences"]}
    page = ocr_page(PageJob(SCREENSHOTS, "pdf", 3, Limits()))  # 'Compétence Concevoir'
    text = " ".join(block.text for top in page.blocks for block in top.walk())
    read = {code.replace(" ", "") for code in CODE.findall(text)}
    assert len(read & concevoir) >= 6, sorted(read)
    assert "Dérisquer les solutions techniques retenues" in text
