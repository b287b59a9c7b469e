"""Corpus accuracy for Word input: every ``sources/*.docx`` meets the text thresholds.

Strict F1 ≥ 0.95 per strictly scored type, coverage F1 ≥ 0.95, parent accuracy ≥ 0.95,
against the hand-checked reference JSON (the same gold as the .txt version).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus_helpers import assert_meets_thresholds, load_gold, sample_name
from fixtures.paths import ROOT
from referentiel.api import extract
from referentiel.output import to_json

DOCX = sorted((ROOT / "sources").glob("*.docx"))


def test_corpus_docx_every_sample_has_a_gold() -> None:
    assert len(DOCX) == 4
    assert all(load_gold(sample_name(path)) for path in DOCX)


@pytest.mark.parametrize("path", DOCX, ids=lambda p: p.name)
def test_corpus_docx_meets_thresholds(path: Path) -> None:
    assert_meets_thresholds(sample_name(path), json.loads(to_json(extract(path))))


@pytest.mark.parametrize("path", DOCX, ids=lambda p: p.name)
def test_corpus_docx_provenance_lines_point_at_paragraphs(path: Path) -> None:
    referentiel = extract(path)
    lines = [c.provenance.line for bloc in referentiel.blocs for c in bloc.competences]
    assert lines and all(line is not None and line >= 1 for line in lines)
