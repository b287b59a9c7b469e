"""A running footer printing a title beside the page's number ('Technologie de
la mécanique du bâtiment 61' on a right page, '62 Technologie …' on a left one)
is page furniture, in a table cell too, and its title stays in the bands (the
Québec programme 221.C0, 2004 print: tests/data/real/README.md); a counter
beside its label ('N° 2' over the REAC's fiches, one a page) is no furniture."""

from __future__ import annotations

from fixtures.real_docs import REAL
from referentiel.api import extract
from referentiel.backends import pdf
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


def test_a_counter_numbered_with_the_pages_is_no_furniture() -> None:
    """The REAC prints 'N° 1', 'N° 2' … over its fiches, one a page, in the
    top band: a counter's label, no title, so the fiche numbers stay."""
    document = pdf.parse(REAL / "tp-cdi-reac-at2.pdf", Options())
    numbers = [b.text for b in document.walk() if b.text.startswith("N°")]
    assert len(numbers) >= 4, numbers
