"""The synthetic référentiels (layouts the samples do not use) meet the same thresholds."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from fixtures.paths import SYNTHETIC
from referentiel.api import extract
from referentiel.evaluate import evaluate
from referentiel.models import json_schema

INPUTS = sorted(
    p
    for p in SYNTHETIC.iterdir()
    if p.suffix in {".txt", ".md", ".html", ".docx"}
    and (SYNTHETIC / f"{p.name.split('.')[0]}.gold.json").exists()
)


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_synthetic_meets_thresholds(path: Path) -> None:
    gold = json.loads((SYNTHETIC / f"{path.name.split('.')[0]}.gold.json").read_text("utf-8"))
    pred = extract(path).model_dump(mode="json")
    jsonschema.validate(pred, json_schema())
    report = evaluate(gold, pred)
    assert report.failures(0.95, 0.95, 0.95) == [], report.render(details=True)
