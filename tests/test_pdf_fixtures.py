"""PDF backend on generated awkward PDFs (tests/fixtures/make_pdf_fixtures.py): exact structures."""

from __future__ import annotations

import sys
from pathlib import Path

import pdfplumber
import pytest
from referentiel.backends import pdf
from referentiel.docmodel import Block, Document, Kind
from referentiel.errors import CorruptFile, EmptyFile, EncryptedFile, LimitExceeded
from referentiel.options import Limits, Options

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
import make_pdf_fixtures as fx  # noqa: E402


@pytest.fixture(scope="session")
def fixtures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return fx.build(tmp_path_factory.mktemp("pdf-fixtures"))


@pytest.fixture(scope="session")
def parsed(fixtures: dict[str, Path]) -> dict[str, Document]:
    names = ["table-three-pages.pdf", "two-columns.pdf", "running-header.pdf"]
    names += ["landscape.pdf", "sideways.pdf", "cell-paragraphs.pdf"]
    return {name: pdf.parse(fixtures[name], Options()) for name in names}


def _texts(cell_blocks: list[Block]) -> list[str]:
    return [b.text for b in cell_blocks]


def test_pdf_table_over_three_pages_is_one_table(parsed: dict[str, Document]) -> None:
    document = parsed["table-three-pages.pdf"]
    tables = [b for b in document.blocks if b.kind is Kind.TABLE]
    assert len(tables) == 1
    table = tables[0]
    assert (table.page, len(table.rows)) == (1, 13)
    assert [row.header for row in table.rows] == [True] + [False] * 12
    assert [c.text for c in table.rows[0].cells] == fx.TABLE_HEAD
    assert [row.cells[0].text for row in table.rows[1:]] == [f"C{n}" for n in range(1, 13)]
    for (code, competence, criteres), row in zip(fx._rows(), table.rows[1:], strict=True):
        assert row.cells[1].text == competence, code
        assert _texts(row.cells[2].blocks) == criteres, code
        assert {b.kind for b in row.cells[2].blocks} == {Kind.LIST_ITEM}
        assert {b.label for b in row.cells[2].blocks} == {"-"}


def test_pdf_table_row_cut_by_the_page_break_is_joined(parsed: dict[str, Document]) -> None:
    table = next(b for b in parsed["table-three-pages.pdf"].blocks if b.kind is Kind.TABLE)
    cut = table.rows[6]
    assert [len(c.blocks) for c in cut.cells] == [1, 1, 2]
    assert cut.cells[1].blocks[0].page == 1
    assert table.rows[7].cells[0].blocks[0].page == 2


def test_pdf_table_text_around_it_and_no_running_text(parsed: dict[str, Document]) -> None:
    document = parsed["table-three-pages.pdf"]
    kinds = [(b.kind, b.text) for b in document.blocks if b.kind is not Kind.TABLE]
    assert kinds == [
        (Kind.HEADING, "Référentiel de compétences"),
        (Kind.PARAGRAPH, "Fin du référentiel de compétences."),
    ]
    every = " ".join(b.text for b in document.walk())
    assert fx.HEADER not in every and "Page " not in every


def test_pdf_two_columns_reading_order(parsed: dict[str, Document]) -> None:
    blocks = parsed["two-columns.pdf"].blocks
    assert [b.kind for b in blocks] == [Kind.HEADING] + [Kind.PARAGRAPH] * 3 + [
        Kind.LIST_ITEM
    ] * 3 + [Kind.PARAGRAPH] * 3
    texts = [b.text for b in blocks]
    assert texts[0] == "Référentiel du technicien de maintenance"
    assert texts[1] == fx.INTRO
    assert texts[2].endswith(fx.LEFT[0])  # "dévelop- / pement" joined
    assert texts[3] == fx.LEFT[1]
    assert texts[4:7] == fx.BULLETS
    assert {b.label for b in blocks[4:7]} == {"·"}
    assert texts[7].endswith(fx.RIGHT[0])  # "contre- / indications" keeps its hyphen
    assert texts[8:] == [fx.RIGHT[1], fx.CLOSING]
    assert [b.line for b in blocks] == [1, 2, 4, 9, 12, 13, 14, 4, 10, 15]


def test_pdf_running_header_footer_and_page_numbers_removed(
    parsed: dict[str, Document], fixtures: dict[str, Path]
) -> None:
    blocks = parsed["running-header.pdf"].blocks
    assert [(b.kind, b.page) for b in blocks] == [
        (kind, page)
        for page in (1, 2, 3)
        for kind in (Kind.HEADING, Kind.PARAGRAPH, Kind.PARAGRAPH)
    ]
    headings = [b for b in blocks if b.kind is Kind.HEADING]
    assert [h.text for h in headings] == [f"Bloc de compétences {n}" for n in (1, 2, 3)]
    with pdfplumber.open(fixtures["running-header.pdf"]) as document:
        for block in blocks:
            lines = document.pages[block.page - 1].extract_text().split("\n")
            assert lines[block.line - 1].startswith(block.text[:20])
    every = " ".join(b.text for b in blocks)
    assert fx.HEADER not in every and "Page" not in every


@pytest.mark.parametrize("name", ["landscape.pdf", "sideways.pdf"])
def test_pdf_landscape_page_read_upright(parsed: dict[str, Document], name: str) -> None:
    blocks = parsed[name].blocks
    assert [(b.kind, b.page) for b in blocks] == [
        (Kind.PARAGRAPH, 1),
        (Kind.HEADING, 2),
        (Kind.TABLE, 2),
    ]
    assert blocks[1].text == "Tableau de synthèse (paysage)"
    rows = [[c.text for c in row.cells] for row in blocks[2].rows]
    assert rows == fx.LANDSCAPE_ROWS


def test_pdf_cell_paragraphs_without_spacing_stay_apart(parsed: dict[str, Document]) -> None:
    blocks = parsed["cell-paragraphs.pdf"].blocks
    assert [b.kind for b in blocks] == [Kind.HEADING, Kind.TABLE]
    head, row = blocks[1].rows
    assert [c.text for c in head.cells] == fx.CELL_HEAD
    assert _texts(row.cells[0].blocks) == [fx.CELL_ACTIVITY]
    assert _texts(row.cells[1].blocks) == fx.CELL_PARAGRAPHS
    assert {b.kind for b in row.cells[1].blocks} == {Kind.PARAGRAPH}
    assert [b.line for b in row.cells[1].blocks] == [3, 5, 7, 10]


def test_pdf_encrypted_file(fixtures: dict[str, Path]) -> None:
    with pytest.raises(EncryptedFile, match="password"):
        pdf.parse(fixtures["encrypted.pdf"], Options())


def test_pdf_corrupt_file(fixtures: dict[str, Path]) -> None:
    with pytest.raises(CorruptFile):
        pdf.parse(fixtures["corrupt.pdf"], Options())


def test_pdf_page_limit(fixtures: dict[str, Path]) -> None:
    with pytest.raises(LimitExceeded, match="3 pages"):
        pdf.parse(fixtures["table-three-pages.pdf"], Options(limits=Limits(max_pages=2)))


def test_pdf_scanned_without_ocr_says_so(fixtures: dict[str, Path]) -> None:
    with pytest.raises(EmptyFile, match="scanned"):
        pdf.parse(fixtures["scanned.pdf"], Options(ocr="never"))
