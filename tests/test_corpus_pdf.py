"""Corpus accuracy for PDF input: every text-layer ``sources/*.pdf`` meets the text thresholds.

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

PDF = sorted(p for p in (ROOT / "sources").glob("*.pdf") if not p.name.endswith(".scan.pdf"))


def test_corpus_pdf_every_sample_has_a_gold() -> None:
    assert len(PDF) == 3
    assert all(load_gold(sample_name(path)) for path in PDF)


@pytest.mark.parametrize("path", PDF, ids=lambda p: p.name)
def test_corpus_pdf_meets_thresholds(path: Path) -> None:
    assert_meets_thresholds(sample_name(path), json.loads(to_json(extract(path))))
