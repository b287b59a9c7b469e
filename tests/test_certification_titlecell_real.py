"""A BTS evaluation grid whose title is one cell of three lines, on real files.

The Word annex of the BTS NDRC E2 grid prints its title as one table cell:
the diploma ("BTS NÉgociation et Digitalisation de la Relation Client", a
PDF-to-Word converter's capital É inside the word), the session and the
document's kind, each on its own line. Each test reads the real file with the
real reader and segmenter and compares with its hand-checked reference.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract
from referentiel.textclean import case_slips_folded

E2 = REAL / "bts-ndrc-grille-e2-langue-vivante.docx"
SIBLINGS = (REAL / "bts-ndrc-grille-e4-ccf.docx", REAL / "bts-ndrc-grille-e6-ccf.docx")


def test_the_line_naming_the_diploma_is_the_title_its_case_slip_folded() -> None:
    """The intitulé is the cell's line naming the diploma, not the session nor
    the document's kind below it, with the word's capital É folded."""
    ref = extract(E2)
    gold = gold_of(E2)["certification"]
    assert ref.certification.type == gold["type"]
    assert ref.certification.intitule == gold["intitule"]


@pytest.mark.parametrize("path", SIBLINGS, ids=lambda p: p.stem)
def test_the_sibling_grids_keep_their_title(path: Path) -> None:
    """The E4 and E6 grids of the same annexes, titled by paragraphs: unchanged."""
    gold = gold_of(path)["certification"]
    assert extract(path).certification.intitule == gold["intitule"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BTS NÉgociation et Digitalisation", "BTS Négociation et Digitalisation"),
        ("PMEs et TPEs du CQPI", "PMEs et TPEs du CQPI"),
        ("langue vivante ÉtrangÈre", "langue vivante ÉtrangÈre"),
        ("McDonald ÉTUDE Étude", "McDonald ÉTUDE Étude"),
        (
            "Gestion agricole des Espaces NAturels ruraux",
            "Gestion agricole des Espaces NAturels ruraux",
        ),
    ],
)
def test_a_case_slip_is_folded_and_acronyms_stay(text: str, expected: str) -> None:
    """A capital, an accented capital, then lower case is a slip; acronyms
    spelt by plain capitals and inner capitals stay."""
    assert case_slips_folded(text) == expected
