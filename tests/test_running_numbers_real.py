"""A running footer printing a title beside the page's number ('Technologie de
la mécanique du bâtiment 61' on a right page, '62 Technologie …' on a left one)
is page furniture, in a table cell too, and its title stays in the bands; a
bulleted item ending on a colon keeps the dash lines below it as its own items
(the Québec programme 221.C0, 2004 print: tests/data/real/README.md)."""

from __future__ import annotations

from fixtures.real_docs import REAL
from referentiel.api import extract
from referentiel.backends import pdf
from referentiel.docmodel import Kind
from referentiel.options import Options

QC = REAL / "qc-dec-mecanique-batiment-competences.pdf"
TITLE = "Technologie de la mécanique du bâtiment"


def test_a_footer_numbered_with_the_pages_is_furniture_even_in_a_cell() -> None:
    """Pages 1 and 3 print the footer as a block of its own, pages 2, 4 and 5
    inside the fiche's table (its last cell reaches the footer): it leaves the
    text everywhere and is kept once in the bands, its number left out."""
    document = pdf.parse(QC, Options())
    assert not any(TITLE in block.text for block in document.walk())
    assert TITLE in [band.text for band in document.bands]
    codes = {b.text for b in document.walk() if b.page in (2, 4)}
    assert {"01UK", "01UL"} <= codes  # the fiche codes in the header band stay


def test_the_footer_makes_no_competence_nor_critere() -> None:
    """No element '64' nor a critère reading the footer's title."""
    referentiel = extract(QC)
    competences = [c for b in referentiel.blocs for c in b.competences]
    assert len(competences) == 9
    assert not any(TITLE in c.libelle or c.code == "64" for c in competences)
    assert not any(TITLE in k.libelle for b in referentiel.blocs for k in b.criteres)


def test_dash_lines_under_a_lead_in_item_are_its_items() -> None:
    """'• Prise en considération :' over two '– ' lines: three list items
    (the dashes no longer joined to the lead-in), read as one critère and its
    two indicateurs."""
    document = pdf.parse(QC, Options())
    items = [b for b in document.walk() if b.kind is Kind.LIST_ITEM]
    at = next(i for i, b in enumerate(items) if b.text.startswith("Prise en considération :"))
    assert items[at].text == "Prise en considération :"
    assert [b.text for b in items[at + 1 : at + 3]] == [
        "des principes d’équilibre;",
        "des conditions d’équilibre, de translation et de rotation.",
    ]
    referentiel = extract(QC)
    lead = next(k for b in referentiel.blocs for k in b.criteres if k.indicateurs)
    assert lead.indicateurs == [
        "des principes d’équilibre;",
        "des conditions d’équilibre, de translation et de rotation.",
    ]
