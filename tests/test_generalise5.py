"""Fifth blind generalisation set: a titre professionnel in plain text with
outline numbering and the level word after the number ("1. BLOC …",
"1.1 Compétence …", "1.1.1 Critère …"), a CQP in DOCX (lettered "Domaine"
blocs, "A1 – …" compétences, "Critère | Indicateur | Niveau attendu" tables)
and a titre in HTML (nested lists: blocs, compétences, critères).

Every input meets 0.95 on every scored type.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from corpus_helpers import assert_meets_gold, blind_inputs, extract_json, gold_beside

DATA = Path(__file__).resolve().parent / "data" / "generalise5"
MINIMUM = 0.95
# documents meeting MINIMUM on every scored type
PASSING = [
    "cqp-coiffeur-barbier.docx",
    "titre-assistant-rh.html",
    "titre-electricien-equipement.txt",
]


@pytest.fixture(scope="module", params=PASSING)
def extracted(request: pytest.FixtureRequest) -> tuple[Path, dict[str, Any]]:
    path = DATA / request.param
    return path, extract_json(path)


def test_generalise5_every_input_has_a_gold() -> None:
    inputs = blind_inputs("generalise5")
    assert len(inputs) == 3
    assert all(gold_beside(path)["blocs"] for path in inputs)


def test_generalise5_meets_thresholds(extracted: tuple[Path, dict[str, Any]]) -> None:
    assert_meets_gold(*extracted, MINIMUM)


def test_generalise5_description_under_title(extracted: tuple[Path, dict[str, Any]]) -> None:
    """The prose right under the title (below a banner line, if any) is the description."""
    path, predicted = extracted
    gold = gold_beside(path)["certification"]["description"]
    assert predicted["certification"]["description"] == gold
