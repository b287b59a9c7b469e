"""Corpus accuracy for PDF input: every text-layer ``sources/*.pdf`` meets the text thresholds.

Strict F1 ≥ 0.95 per strictly scored type, coverage F1 ≥ 0.95, parent accuracy ≥ 0.95,
against the hand-checked reference JSON (the same gold as the .txt version).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.api import extract
from pipeline.evaluate import evaluate
from pipeline.output import to_json

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"
PDF = sorted(p for p in (ROOT / "sources").glob("*.pdf") if not p.name.endswith(".scan.pdf"))


def _gold_for(path: Path) -> dict:
    return json.loads((GOLD / f"{path.stem}.gold.json").read_text(encoding="utf-8"))


def test_corpus_pdf_every_sample_has_a_gold() -> None:
    assert len(PDF) == 3
    assert all(_gold_for(path) for path in PDF)


@pytest.mark.parametrize("path", PDF, ids=lambda p: p.name)
def test_corpus_pdf_meets_thresholds(path: Path) -> None:
    predicted = json.loads(to_json(extract(path)))
    report = evaluate(_gold_for(path), predicted)
    assert report.failures(0.95, 0.95, 0.95) == [], report.render()
