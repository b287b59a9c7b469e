"""The OCR shortcuts change nothing but the time: blank pages never reach Tesseract,
and the fast image steps give what their plain formulation gives, on a real scan."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from fixtures.real_docs import REAL
from PIL import Image
from referentiel.backends import ocr, ocr_deskew, ocr_rulings, ocr_tesseract
from referentiel.backends.ocr_raster import load_page
from referentiel.options import Limits, Options

SCAN = REAL / "cqp-relation-commerciale-distance.scan.pdf"


@pytest.fixture(scope="module")
def page() -> np.ndarray:
    """Page 4 of a real scan (text and a ruled table), straightened as the OCR does."""
    gray, _ = ocr_deskew.deskew(load_page(SCAN, "pdf", 3, Limits()))
    return gray


def test_ocr_speed_blank_pages_never_reach_tesseract(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: np.ndarray
) -> None:
    """A TIFF of a blank page, a real page and another blank page: one Tesseract run."""
    monkeypatch.setenv("REFERENTIEL_OCR_WORKERS", "1")  # pages read in this process
    blank = Image.new("L", (page.shape[1], page.shape[0]), 255)
    path = tmp_path / "blank-text-blank.tiff"
    blank.save(path, save_all=True, append_images=[Image.fromarray(page), blank], dpi=(200, 200))
    before = ocr_tesseract.runs()
    document = ocr.parse(path, Options())
    assert ocr_tesseract.runs() - before == 1
    assert document.pages == 3
    assert {block.page for block in document.blocks} == {2}


def test_ocr_speed_otsu_and_downscale_as_plain_numpy(page: np.ndarray) -> None:
    hist = np.bincount(page.ravel(), minlength=256).astype(np.float64)
    weights, means = np.cumsum(hist), np.cumsum(hist * np.arange(256))
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (means[-1] * weights / hist.sum() - means) ** 2 / (
            weights * (hist.sum() - weights)
        )
    assert ocr_deskew.otsu_threshold(page) == int(np.argmax(np.nan_to_num(between)))
    height, width = page.shape[0] // 2 * 2, page.shape[1] // 2 * 2
    blocks = page[:height, :width].reshape(height // 2, 2, width // 2, 2)
    assert np.array_equal(ocr_deskew._downscale(page), blocks.min(axis=(1, 3)))


def test_ocr_speed_ruling_shortcuts_as_plain_numpy(page: np.ndarray) -> None:
    dark = page < min(ocr_deskew.otsu_threshold(page), 170)
    for mask in (dark, dark.T):  # horizontal and vertical passes
        runs = [_longest_run(row) for row in mask]
        candidates = set(ocr_rulings._rows_with_run(mask, 50).tolist())
        assert {y for y, longest in enumerate(runs) if longest >= 50} <= candidates
        assert len(candidates) < len(runs) / 4  # text rows are ruled out
    rows, cols = dark.shape[0] // 8, dark.shape[1] // 8
    blocks = dark[: rows * 8, : cols * 8].reshape(rows, 8, cols, 8)
    ink = ocr_rulings._block_ink(dark[: rows * 8, : cols * 8])
    assert np.array_equal(ink > 0.6 * 64, blocks.mean(axis=(1, 3)) > 0.6)
    rulings = ocr_rulings.find_rulings(page, 200)
    assert rulings.segments  # the page has a ruled table: something was erased
    erased = page.copy()
    mask = np.zeros_like(dark)
    mask[300:302, 100:900] = True
    ocr_rulings._erase(erased, mask)
    expected = page.copy()
    expected[ocr_rulings._grow(mask)] = 255
    assert np.array_equal(erased, expected)


def _longest_run(row: np.ndarray) -> int:
    padded = np.concatenate(([0], row.astype(np.int8), [0]))
    change = np.diff(padded)
    return int((np.flatnonzero(change == -1) - np.flatnonzero(change == 1)).max(initial=0))
