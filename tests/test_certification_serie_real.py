"""A baccalauréat named only by its série, on a real Bulletin officiel programme.

tests/data/real/bac-sti2d-programme-competences.pdf (pages 1-2 of the STI2D
programme, real pdfplumber reading): no line names the diploma as a title; the
page heads end on the série's acronym ('… cycle terminal de la série STI2D',
'… du baccalauréat STI2D'), the family's way of naming its séries.
"""

from __future__ import annotations

from fixtures.paths import REAL
from referentiel.api import extract


def test_the_serie_ending_a_page_head_is_the_intitule() -> None:
    certification = extract(REAL / "bac-sti2d-programme-competences.pdf").certification
    assert certification.intitule == "STI2D"
    assert certification.type is None  # a baccalauréat technologique: outside the contract's list
