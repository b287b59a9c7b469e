"""Generalisation: référentiels in layouts the segmenter was not built on.

``tests/data/generalise/`` holds four invented référentiels, each in the layout
of another publisher (fiche RNCP, titre professionnel RC, BTS, recent CQPM),
written blind with hand-decided reference JSON. Every input must meet 0.95 on
every scored type (strict F1, coverage F1, parent / link accuracy).

``certification`` (intitulé, description…) is read by the certification stage,
asserted by ``tests/test_segment_certification.py``; it is left out here so
this file guards the structure only (blocs, compétences, critères, modalités,
activités and their links).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from corpus_helpers import assert_meets_gold, extract_json, gold_beside

DATA = Path(__file__).resolve().parent / "data" / "generalise"
INPUTS = sorted(p for p in DATA.iterdir() if p.suffix in (".pdf", ".docx"))
MINIMUM = 0.95
NOT_HERE = ("certification:",)  # scored by the certification tests


_gold = gold_beside


@pytest.fixture(scope="module", params=INPUTS, ids=lambda p: p.name)
def extracted(request: pytest.FixtureRequest) -> tuple[Path, dict[str, Any]]:
    path: Path = request.param
    return path, extract_json(path)


def test_generalise_every_input_has_a_gold() -> None:
    assert len(INPUTS) == 5
    assert all(_gold(path)["blocs"] for path in INPUTS)


def test_generalise_meets_thresholds(extracted: tuple[Path, dict[str, Any]]) -> None:
    assert_meets_gold(*extracted, MINIMUM, skip=NOT_HERE)


def test_generalise_link_table_makes_no_element(extracted: tuple[Path, dict[str, Any]]) -> None:
    """A correspondence table ("A1 | C1.1, C1.2") links, it adds no activité or
    compétence named by a bare code."""
    _, predicted = extracted
    libelles = [a["libelle"] for a in predicted["activites"]] + [
        c["libelle"] for b in predicted["blocs"] for c in b["competences"]
    ]
    assert not [text for text in libelles if len(text) <= 4 or "," in text[:6]]
