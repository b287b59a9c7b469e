"""OCR backend on generated images (tests/fixtures/make_ocr_fixtures.py), real Tesseract."""

from __future__ import annotations

from pathlib import Path

import pytest
from referentiel.backends import ocr
from referentiel.backends.ocr_deskew import estimate_angle
from referentiel.backends.ocr_raster import load_page
from referentiel.docmodel import Document, Kind
from referentiel.errors import LimitExceeded, MissingTool, UnsupportedFormat
from referentiel.options import Limits, Options

DATA = Path(__file__).resolve().parent / "data" / "ocr"
BULLET_GLYPHS = ("•", "·", "©", "°", "«", "*", "+", "e ")


@pytest.fixture(scope="module")
def parsed() -> dict[str, Document]:
    """Each fixture OCR'd once for the whole module."""
    names = ["rotated.jpg", "table3.png", "pages.tiff", "smudged.png"]
    return {name: ocr.parse(DATA / name, Options()) for name in names}


def test_ocr_deskew_recovers_the_angle() -> None:
    page = load_page(DATA / "rotated.jpg", "image", 0, Limits())
    assert estimate_angle(page) == pytest.approx(2.0, abs=0.3)


def test_ocr_document_envelope(parsed: dict[str, Document]) -> None:
    document = parsed["rotated.jpg"]
    assert document.ocr is True
    assert document.format == "image"
    assert document.pages == 1
    assert len(document.sha256) == 64


def test_ocr_rotated_page_lists(parsed: dict[str, Document]) -> None:
    blocks = parsed["rotated.jpg"].blocks
    items = [b for b in blocks if b.kind is Kind.LIST_ITEM]
    headings = [b.text for b in blocks if b.kind is Kind.PARAGRAPH and b.text[:2] in {"1.", "6."}]
    assert len(items) >= 20  # 23 bullets on the page; an unread bullet merges at worst
    assert all(b.label for b in items)
    assert not any(b.text.startswith(BULLET_GLYPHS) for b in items)
    assert any(b.text == "Prospection" for b in items)
    assert len(headings) == 2
    assert all(b.page == 1 and b.line and b.line >= 1 for b in blocks)
    lines = [b.line for b in blocks if b.line is not None]
    assert lines == sorted(lines)


def test_ocr_table_rows_and_cells(parsed: dict[str, Document]) -> None:
    tables = [b for b in parsed["table3.png"].blocks if b.kind is Kind.TABLE]
    assert len(tables) == 1
    rows = tables[0].rows
    assert [len(r.cells) for r in rows] == [3, 3, 3, 3]
    header = [c.text for c in rows[0].cells]
    assert header == ["Activités", "Compétences", "Critères d'évaluation"]
    assert rows[1].cells[0].text.startswith("A1 Accueil du public")
    assert rows[1].cells[1].text == "C1 Accueillir chaque visiteur avec courtoisie"
    assert rows[2].cells[1].text.startswith("C2 ")
    assert rows[3].cells[1].text.startswith("C3 Mettre en œuvre")


def test_ocr_table_merged_cell_is_one_object(parsed: dict[str, Document]) -> None:
    rows = next(b for b in parsed["table3.png"].blocks if b.kind is Kind.TABLE).rows
    merged = rows[2].cells[0]
    assert merged is rows[3].cells[0]
    assert merged.row_span == 2
    assert merged.text == "A2 Gestion des réservations"


def test_ocr_table_cell_bullets_become_list_items(parsed: dict[str, Document]) -> None:
    rows = next(b for b in parsed["table3.png"].blocks if b.kind is Kind.TABLE).rows
    cell = rows[1].cells[2]
    assert [b.kind for b in cell.blocks] == [Kind.PARAGRAPH, Kind.LIST_ITEM, Kind.LIST_ITEM]
    assert cell.blocks[0].text == "Le visiteur est orienté"
    assert cell.blocks[2].text == "information conçue"
    assert rows[3].cells[2].blocks[-1].text == "remboursement à jour"


def test_ocr_multipage_tiff(parsed: dict[str, Document]) -> None:
    document = parsed["pages.tiff"]
    assert document.pages == 2
    assert {b.page for b in document.blocks} == {1, 2}
    second = [b for b in document.blocks if b.page == 2]
    assert second[0].text.startswith("Deuxième page")
    assert [b.kind for b in second] == [Kind.PARAGRAPH, Kind.LIST_ITEM]


def test_ocr_low_confidence_words_become_warnings(parsed: dict[str, Document]) -> None:
    warnings = parsed["smudged.png"].warnings
    assert warnings, "the smudged word must be reported"
    code, message, page, line = warnings[0]
    assert (code, page, line) == ("LOW_CONFIDENCE_OCR", 1, 1)
    assert "low OCR confidence" in message
    assert not parsed["table3.png"].warnings or all(
        w[0] == "LOW_CONFIDENCE_OCR" for w in parsed["table3.png"].warnings
    )


def test_ocr_missing_tesseract_binary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(MissingTool, match="tesseract"):
        ocr.parse(DATA / "smudged.png", Options())


def test_ocr_missing_french_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    with pytest.raises(MissingTool, match="French"):
        ocr.parse(DATA / "smudged.png", Options())


def test_ocr_pixel_limit_checked_before_decoding() -> None:
    with pytest.raises(LimitExceeded, match="pixel"):
        ocr.parse(DATA / "table3.png", Options(limits=Limits(max_image_pixels=10_000)))


def test_ocr_page_limit() -> None:
    with pytest.raises(LimitExceeded, match="2 pages"):
        ocr.parse(DATA / "pages.tiff", Options(limits=Limits(max_pages=1)))


def test_ocr_never_refuses_images() -> None:
    with pytest.raises(UnsupportedFormat, match="--ocr never"):
        ocr.parse(DATA / "smudged.png", Options(ocr="never"))


def test_ocr_shaded_fills_hold_pixels() -> None:
    """Fills found at block granularity that refine to no pixels are dropped (a
    designed B.U.T. page has four): an empty fill is neither inverted nor ruled."""
    from referentiel.backends.ocr_deskew import deskew
    from referentiel.backends.ocr_raster import DPI
    from referentiel.backends.ocr_rulings import find_rulings

    path = Path("tests/data/real/but-geii-ese-competences.pdf")
    gray, _ = deskew(load_page(path, "pdf", 2, Limits(), DPI))
    shaded = find_rulings(gray, DPI).shaded
    assert shaded
    assert all(x1 > x0 and y1 > y0 for x0, y0, x1, y1 in shaded)


def test_ocr_a_fill_with_light_text_is_found_whole() -> None:
    """Page 2's 'Concevoir' box prints white on dark red: the line of light text
    lightens the fill's middle rows, which cut its edges to a speck, so the fill
    was dropped, and its rows, long dark runs, were erased as rulings with its
    text. The fill runs over its text line, and is found whole (boxes side by
    side joined at block level each found too: the 'Vérifier', 'Implanter' ones)."""
    from referentiel.backends.ocr_deskew import deskew
    from referentiel.backends.ocr_raster import reading_dpi
    from referentiel.backends.ocr_rulings import find_rulings

    path = Path("tests/data/real/but-geii-ese-competences.pdf")
    dpi = reading_dpi(path, "pdf", 1, Limits())
    gray, _ = deskew(load_page(path, "pdf", 1, Limits(), dpi))
    shaded = find_rulings(gray, dpi, enlarged=True).shaded
    height, width = gray.shape
    boxes = [(x1 - x0) / width for x0, y0, x1, y1 in shaded if (y1 - y0) / height > 0.05]
    assert len(boxes) == 3, shaded  # Concevoir, Vérifier, Implanter (Maintenir's is pale)
    assert all(0.1 < share < 0.15 for share in boxes), shaded
