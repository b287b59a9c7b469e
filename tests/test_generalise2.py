"""Second blind generalisation set: layouts written by someone who had not read
the segmenter.

``tests/data/generalise2/`` holds four invented référentiels with hand-decided
reference JSON (``_notes`` explain each judgement call): a titre professionnel
REAC (PDF, fiches per compétence, headerless synthesis table), an old CQP in
plain text (roman-numeral units, lettered abilities), a CQPI whose single table
merges bloc and modalités cells (PDF), and a fiche RNCP web page (HTML table,
one row per bloc). Every input meets 0.95 on every scored type, certification
included (strict F1, coverage F1, parent / link accuracy).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from corpus_helpers import assert_meets_gold, blind_inputs, extract_json, gold_beside

INPUTS = blind_inputs("generalise2")
MINIMUM = 0.95


_gold = gold_beside


@pytest.fixture(scope="module", params=INPUTS, ids=lambda p: p.name)
def extracted(request: pytest.FixtureRequest) -> tuple[Path, dict[str, Any]]:
    path: Path = request.param
    return path, extract_json(path)


def test_generalise2_every_input_has_a_gold() -> None:
    assert len(INPUTS) == 4
    assert all(_gold(path)["blocs"] for path in INPUTS)


def test_generalise2_meets_thresholds(extracted: tuple[Path, dict[str, Any]]) -> None:
    assert_meets_gold(*extracted, MINIMUM)


def test_generalise2_fiche_sub_lists_are_not_critères(
    extracted: tuple[Path, dict[str, Any]],
) -> None:
    """A fiche's qualified savoir-faire sub-titles close the critères zone: no
    critère carries indicateurs where the gold has none."""
    path, predicted = extracted
    gold_indicateurs = sum(
        len(c["indicateurs"]) for b in _gold(path)["blocs"] for c in b["criteres"]
    )
    indicateurs = sum(len(c["indicateurs"]) for b in predicted["blocs"] for c in b["criteres"])
    assert indicateurs == gold_indicateurs
