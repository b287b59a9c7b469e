"""Corpus accuracy for Word input: every ``sources/*.docx`` meets the text thresholds.

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
DOCX = sorted((ROOT / "sources").glob("*.docx"))


def _gold_for(path: Path) -> dict:
    name = path.name.removesuffix(".docx").removesuffix(".numbered")
    return json.loads((GOLD / f"{name}.gold.json").read_text(encoding="utf-8"))


def test_corpus_docx_every_sample_has_a_gold() -> None:
    assert len(DOCX) == 4
    assert all(_gold_for(path) for path in DOCX)


@pytest.mark.parametrize("path", DOCX, ids=lambda p: p.name)
def test_corpus_docx_meets_thresholds(path: Path) -> None:
    predicted = json.loads(to_json(extract(path)))
    report = evaluate(_gold_for(path), predicted)
    assert report.failures(0.95, 0.95, 0.95) == [], report.render()


@pytest.mark.parametrize("path", DOCX, ids=lambda p: p.name)
def test_corpus_docx_provenance_lines_point_at_paragraphs(path: Path) -> None:
    referentiel = extract(path)
    lines = [c.provenance.line for bloc in referentiel.blocs for c in bloc.competences]
    assert lines and all(line is not None and line >= 1 for line in lines)
