"""An engineering spécialité's référentiel written in the APC model (issue 9):
a ruled « Compétences | Composantes essentielles | Code » table whose last
compétence cell has no closing rule at the page's foot, and a title wrapped
over two headings.

Each test reads the real file with the real reader and segmenter; what it
compares against is read from the PDF (pdfplumber) or from its reference.
"""

from __future__ import annotations

import pdfplumber
from fixtures.paths import REAL
from fixtures.real_docs import gold_of
from referentiel.api import extract, parse
from referentiel.docmodel import Kind

IDU = REAL / "polytech-idu-competences.pdf"


def test_cell_without_its_closing_rule_keeps_its_words() -> None:
    """Page 2's last compétence cell runs on over the page break: the grid
    draws no rule under it, so pdfplumber finds no cell there; its words are
    the first cell of the rows it spans, not dropped."""
    with pdfplumber.open(IDU) as pdf:
        page = pdf.pages[1]
        found = page.find_tables()[0]
        assert any(cell is None for row in found.rows for cell in row.cells)  # the hole
        words = [w["text"] for w in page.extract_words() if w["x0"] < found.bbox[0] + 100]
    assert "Gérer" in words
    tables = [b for b in parse(IDU).blocks if b.kind is Kind.TABLE and b.page == 2]
    first_cells = [row.cells[0].text for row in tables[0].rows[1:]]
    assert len(first_cells) == len(tables[0].rows) - 1
    gerer = [t for t in first_cells if t.startswith("Gérer")]
    assert len(gerer) == 3  # one merged cell, in each of the three rows it spans
    assert {id(row.cells[0]) for row in tables[0].rows[-3:]} == {id(tables[0].rows[-1].cells[0])}


def test_competences_beside_composantes_essentielles_are_the_blocs() -> None:
    result = extract(IDU)
    gold = gold_of(IDU)
    assert [b.libelle for b in result.blocs] == [b["libelle"] for b in gold["blocs"]]
    assert all(not b.competences for b in result.blocs)
    per_bloc = [len(b.criteres) for b in result.blocs]
    assert per_bloc == [len(b["criteres"]) for b in gold["blocs"]]
    assert all(c.libelle.startswith("en ") for b in result.blocs for c in b.criteres)


def test_title_wrapped_over_two_headings_names_the_specialite() -> None:
    headings = [b.text for b in parse(IDU).blocks if b.kind is Kind.HEADING and b.page == 1]
    assert len(headings) == 2 and headings[0].endswith("de la")
    assert extract(IDU).certification.intitule == gold_of(IDU)["certification"]["intitule"]
