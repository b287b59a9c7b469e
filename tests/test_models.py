"""The output models produce exactly the contract's shape and publish it as JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from fixtures.paths import ROOT
from referentiel.models import Referentiel, json_schema
from referentiel.output import write_json

SCHEMA_FILE = ROOT / "output" / "schema" / "referentiel.schema.json"

MINIMAL = {
    "source": {
        "filename": "x.pdf",
        "sha256": "0" * 64,
        "format": "pdf",
        "pages": 1,
        "ocr": False,
        "extractor_version": "0.1.0",
    },
    "blocs": [{"id": "BC01", "code": "BC 1", "libelle": "Bloc", "competences": []}],
}


def test_models_dump_every_contract_field() -> None:
    data = Referentiel.model_validate(MINIMAL).model_dump(mode="json")
    assert list(data) == [
        "schema_version",
        "source",
        "certification",
        "activites",
        "blocs",
        "competences_transversales",
        "warnings",
    ]
    assert set(data["certification"]) == {"type", "intitule", "code_rncp", "description"}
    assert set(data["blocs"][0]) >= {
        "id",
        "code",
        "libelle",
        "connaissances",
        "competences",
        "modalites_evaluation",
        "criteres",
        "provenance",
    }


def test_models_committed_schema_matches_models() -> None:
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema(), (
        "output/schema/referentiel.schema.json is stale: run `referentiel schema -o` to refresh it"
    )


def test_models_schema_rejects_missing_and_accepts_extra_fields() -> None:
    schema = json_schema()
    data = Referentiel.model_validate(MINIMAL).model_dump(mode="json")
    data["blocs"][0]["modalites_details"] = ["extra fields are allowed"]
    jsonschema.validate(data, schema)
    del data["blocs"][0]["criteres"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_output_invalid_document_is_never_written(tmp_path: Path) -> None:
    ref = Referentiel.model_validate(MINIMAL)
    ref.source.format = "spreadsheet"  # type: ignore[assignment]  # bypasses validation
    target = tmp_path / "out.json"
    with pytest.raises(Exception, match="does not validate"):
        write_json(ref, target)
    assert list(tmp_path.iterdir()) == []
