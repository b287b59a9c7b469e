"""Third blind generalisation set: a CAP référentiel in Markdown (pipe tables
with ``<br>`` cells, "Pôle N" units, run-in "Savoirs associés"), a CQP in plain
text whose separate "REFERENTIEL D'EVALUATION" repeats untitled "Bloc N"
headings with run-in "Critère N.M" / "Indicateur" lines (uncoded compétences,
linked by position), and a titre web page (bare ``<h1>`` title, modalités as a
``<dl>`` naming each bloc).

Every input meets 0.95 on every scored type. (The CAP gold first kept the
diploma name in the intitulé, "CAP Fleuriste"; it was aligned with every other
reference, where the certification's family is never part of the intitulé.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from corpus_helpers import assert_meets_gold, blind_inputs, extract_json, gold_beside

INPUTS = blind_inputs("generalise3")
MINIMUM = 0.95


_gold = gold_beside


@pytest.fixture(scope="module", params=INPUTS, ids=lambda p: p.name)
def extracted(request: pytest.FixtureRequest) -> tuple[Path, dict[str, Any]]:
    path: Path = request.param
    return path, extract_json(path)


def test_generalise3_every_input_has_a_gold() -> None:
    assert len(INPUTS) == 3
    assert all(_gold(path)["blocs"] for path in INPUTS)


def test_generalise3_meets_thresholds(extracted: tuple[Path, dict[str, Any]]) -> None:
    assert_meets_gold(*extracted, MINIMUM)


def test_generalise3_markdown_table_cells_split_on_br(
    extracted: tuple[Path, dict[str, Any]],
) -> None:
    """Each ``<br>`` item of a critères cell is one critère of its row's compétence."""
    path, predicted = extracted
    if path.suffix != ".md":
        pytest.skip("Markdown input only")
    criteres = [c for b in predicted["blocs"] for c in b["criteres"]]
    assert len(criteres) == 9
    assert all("<br" not in c["libelle"] for c in criteres)
    assert all(len(c["competences"]) == 1 for c in criteres)
