"""Fourth blind generalisation set: a CQP in DOCX (an "Activités |
Compétences" synthesis table before the first bloc, merged "Activité N : …"
cells, evaluation tables whose "Compétences évaluées" cells hold codes only),
a CQPM in DOCX (a "N°" code column next to the compétence column) and a titre
professionnel PDF (a "Critères d'évaluation | Indicateurs" table under each
"Cn – …" compétence heading). Every title is followed by a plain paragraph
that is the description.

Every input meets 0.95 on every scored type.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from corpus_helpers import assert_meets_gold, blind_inputs, extract_json, gold_beside

INPUTS = blind_inputs("generalise4")
MINIMUM = 0.95


_gold = gold_beside


@pytest.fixture(scope="module", params=INPUTS, ids=lambda p: p.name)
def extracted(request: pytest.FixtureRequest) -> tuple[Path, dict[str, Any]]:
    path: Path = request.param
    return path, extract_json(path)


def test_generalise4_every_input_has_a_gold() -> None:
    assert len(INPUTS) == 3
    assert all(_gold(path)["blocs"] for path in INPUTS)


def test_generalise4_meets_thresholds(extracted: tuple[Path, dict[str, Any]]) -> None:
    assert_meets_gold(*extracted, MINIMUM)


def test_generalise4_description_under_title(extracted: tuple[Path, dict[str, Any]]) -> None:
    """With no description heading, the prose right under the title is the description."""
    path, predicted = extracted
    assert predicted["certification"]["description"] == _gold(path)["certification"]["description"]


def test_generalise4_synthesis_table_makes_no_bloc(
    extracted: tuple[Path, dict[str, Any]],
) -> None:
    """Compétences read from a table before any bloc end up in the blocs that list them."""
    _path, predicted = extracted
    assert all(b["code"] for b in predicted["blocs"])
    assert all(c["competences"] for b in predicted["blocs"] for c in b["criteres"])
