"""Every sample text extraction meets the thresholds against its reference JSON,
with the spaCy stage on and off, and validates against the published schema."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from fixtures.paths import ROOT
from referentiel.api import extract
from referentiel.evaluate import evaluate
from referentiel.models import json_schema
from referentiel.options import Options

GOLD = ROOT / "tests" / "data" / "gold"
CORPUS = sorted(p.name.removesuffix(".gold.json") for p in GOLD.glob("*.gold.json"))


@pytest.fixture(scope="module", params=[True, False], ids=["nlp", "no-nlp"])
def extractions(request: pytest.FixtureRequest) -> dict[str, dict[str, Any]]:
    options = Options(use_nlp=request.param)
    return {
        name: extract(ROOT / "sources" / f"{name}.txt", options).model_dump(mode="json")
        for name in CORPUS
    }


@pytest.mark.parametrize("name", CORPUS)
def test_corpus_text_meets_thresholds(name: str, extractions: dict[str, dict[str, Any]]) -> None:
    gold = json.loads((GOLD / f"{name}.gold.json").read_text(encoding="utf-8"))
    report = evaluate(gold, extractions[name])
    assert report.failures(0.95, 0.95, 0.95) == [], report.render(details=True)


@pytest.mark.parametrize("name", CORPUS)
def test_corpus_text_output_validates(name: str, extractions: dict[str, dict[str, Any]]) -> None:
    data = extractions[name]
    jsonschema.validate(data, json_schema())
    assert data["source"] == {
        **data["source"],
        "filename": f"{name}.txt",
        "format": "text",
        "pages": None,
        "ocr": False,
    }


@pytest.mark.parametrize("name", CORPUS)
def test_corpus_text_provenance_points_into_the_file(
    name: str, extractions: dict[str, dict[str, Any]]
) -> None:
    lines = (ROOT / "sources" / f"{name}.txt").read_text(encoding="utf-8").split("\n")
    for bloc in extractions[name]["blocs"]:
        for comp in bloc["competences"]:
            where = comp["provenance"]
            assert where["page"] is None and where["rule"]
            assert comp["libelle"][:20].split()[0] in lines[where["line"] - 1]
