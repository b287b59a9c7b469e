"""PDF layout on real documents: furniture, hidden text, watermark letters, boxes, bboxes.

Everything the assertions compare against is read from the PDF itself in the
test (pdfplumber): the footer table of each page, the characters drawn in white,
the filled shapes of the level arrows, the words under an element's box.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from fixtures.paths import ROOT
from referentiel.api import extract, parse
from referentiel.docmodel import Block, Document, Kind

REAL = ROOT / "tests" / "data" / "real"
REAC = REAL / "tp-cda-reac-at1.pdf"
BUT = REAL / "but-rt-cyber-competences.pdf"
SAMPLES = sorted(p for p in (ROOT / "sources").glob("*.pdf") if not p.name.endswith(".scan.pdf"))


def _texts(document: Document) -> list[str]:
    """The text of every block, table cells included (a table: its cells joined)."""
    texts = []
    for block in document.walk():
        if block.kind is Kind.TABLE:
            texts.append(" ".join(c.text for row in block.rows for c in row.cells))
        else:
            texts.append(block.text)
    return texts


@pytest.fixture(scope="module")
def reac() -> Document:
    return parse(REAC)


@pytest.fixture(scope="module")
def but() -> Document:
    return parse(BUT)


def test_reac_footer_table_is_gone(reac: Document) -> None:
    footers: set[str] = set()
    with pdfplumber.open(REAC) as pdf:
        for page in pdf.pages:
            tables = page.find_tables()
            if tables:
                cells = [c for row in tables[-1].extract() for c in row if c]
                footers.update(" ".join(c.split()) for c in cells)
    assert {"SIGLE", "Millésime"} <= footers  # the ruled footer was read from the file
    found = [(f, t) for t in _texts(reac) for f in footers if len(f) >= 4 and f in t]
    assert not found
    assert not any(b.kind is Kind.TABLE for b in reac.walk())  # the only tables were footers


def _hidden_and_visible_words(path: Path) -> tuple[set[str], set[str]]:
    """Words drawn in white in the title band of pages 5-9, and words drawn in any other colour."""
    hidden: set[str] = set()
    visible: set[str] = set()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for word in page.extract_words(extra_attrs=["non_stroking_color"]):
                white = tuple(word["non_stroking_color"]) in ((1.0, 1.0, 1.0), (1.0,))
                if white and page.page_number >= 5 and word["bottom"] < 100:
                    hidden.add(word["text"])
                elif not white:
                    visible.add(word["text"])
    return hidden, visible


def test_but_hidden_template_text_is_gone(but: Document) -> None:
    hidden, visible = _hidden_and_visible_words(BUT)
    only_hidden = hidden - visible
    assert len(only_hidden) >= 5  # the template text exists in the file
    leaked = {w for t in _texts(but) for w in t.split() if w in only_hidden}
    assert not leaked


def test_but_cover_has_no_stray_letters(but: Document) -> None:
    with pdfplumber.open(BUT) as pdf:
        singles = {w["text"] for w in pdf.pages[0].extract_words() if len(w["text"]) == 1}
    assert singles  # the stray letters are in the file
    cover = [t for b, t in zip(but.walk(), _texts(but), strict=True) if b.page == 1]
    assert cover and not any(set(t.split()) & singles for t in cover)


def test_but_level_arrows_are_separate_blocks(but: Document) -> None:
    arrows: dict[int, list[tuple[float, float, float, float]]] = {}
    with pdfplumber.open(BUT) as pdf:
        for page in pdf.pages[4:]:
            arrows[page.page_number] = [
                (c["x0"], c["top"], c["x1"], c["bottom"])
                for c in page.curves
                if c.get("fill") and c["x1"] < page.width / 4
            ]
    levels = [b for b in but.walk() if b.page in arrows and b.text.startswith("Niveau ")]
    assert len(levels) >= 13  # 3 levels on three compétence pages, 2 on the other two
    for block in levels:
        assert block.bbox is not None
        x, y = (block.bbox.x0 + block.bbox.x1) / 2, (block.bbox.top + block.bbox.bottom) / 2
        shapes = arrows[block.page]
        assert any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in shapes)
        assert block.bbox.x1 < max(x1 for _, _, x1, _ in arrows[block.page]) + 1.0


def _inside_page(block: Block, sizes: dict[int, tuple[float, float]]) -> bool:
    box = block.bbox
    assert box is not None and block.page is not None
    width, height = sizes[block.page]
    return 0 <= box.x0 < box.x1 <= width and 0 <= box.top < box.bottom <= height


def _sizes(path: Path) -> dict[int, tuple[float, float]]:
    with pdfplumber.open(path) as pdf:
        return {p.page_number: (float(p.width), float(p.height)) for p in pdf.pages}


@pytest.mark.parametrize("path", [*SAMPLES, REAC, BUT], ids=lambda p: p.name)
def test_every_pdf_block_has_a_box_on_its_page(path: Path) -> None:
    sizes = _sizes(path)
    blocks = list(parse(path).walk())
    assert blocks
    assert all(_inside_page(b, sizes) for b in blocks)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_element_boxes_hold_the_words_of_their_text(path: Path) -> None:
    referentiel = extract(path)
    sizes = _sizes(path)
    elements = [*referentiel.blocs, *(c for b in referentiel.blocs for c in b.competences)]
    assert elements
    with pdfplumber.open(path) as pdf:
        for element in elements:
            where = element.provenance
            assert where.page is not None and where.bbox is not None
            box = where.bbox
            width, height = sizes[where.page]
            assert 0 <= box.x0 < box.x1 <= width and 0 <= box.top < box.bottom <= height
            words = [
                w["text"]
                for w in pdf.pages[where.page - 1].extract_words()
                if box.x0 - 1 <= (w["x0"] + w["x1"]) / 2 <= box.x1 + 1
                and box.top - 1 <= (w["top"] + w["bottom"]) / 2 <= box.bottom + 1
            ]
            first = element.libelle.split()[0]
            assert any(first in word for word in words), (element.libelle, words)
