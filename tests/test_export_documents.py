"""JSONL export: one search document per compétence, built from real extraction outputs."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from referentiel.cli import main


@pytest.fixture(scope="module")
def refs(extracted_dir: Path) -> dict[str, dict[str, Any]]:
    found = {}
    for path in extracted_dir.rglob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        found[data["source"]["sha256"]] = data
    return found


@pytest.fixture(scope="module")
def records(extracted_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    dest = tmp_path_factory.mktemp("jsonl") / "search.jsonl"
    assert main(["export", str(extracted_dir), "--to", "jsonl", str(dest)]) == 0
    lines = dest.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_export_jsonl_one_record_per_competence(
    records: list[dict[str, Any]], refs: dict[str, dict[str, Any]]
) -> None:
    expected = {
        (sha, c["id"])
        for sha, ref in refs.items()
        for c in [
            *(c for b in ref["blocs"] for c in b["competences"]),
            *ref["competences_transversales"],
        ]
    }
    got = [(r["doc_sha256"], r["competence_ref"]) for r in records]
    assert len(got) == len(set(got)) == len(expected)
    assert set(got) == expected
    assert len({r["id"] for r in records}) == len(records)


def _bloc_of(ref: dict[str, Any], competence_id: str) -> dict[str, Any] | None:
    for bloc in ref["blocs"]:
        if any(c["id"] == competence_id for c in bloc["competences"]):
            return bloc
    return None


def test_export_jsonl_carries_bloc_certification_and_criteres(
    records: list[dict[str, Any]], refs: dict[str, dict[str, Any]]
) -> None:
    for rec in records:
        ref = refs[rec["doc_sha256"]]
        assert rec["certification"]["intitule"] == ref["certification"]["intitule"]
        assert rec["source"]["filename"] == ref["source"]["filename"]
        bloc = _bloc_of(ref, rec["competence_ref"])
        if bloc is None:
            assert rec["bloc"] is None and rec["transversale"]
            continue
        assert rec["bloc"] == {"id": bloc["id"], "code": bloc["code"], "libelle": bloc["libelle"]}
        assert rec["modalites_evaluation"] == bloc["modalites_evaluation"]
        by_id = {k["id"]: k for k in bloc["criteres"]}
        linked = [k["id"] for k in bloc["criteres"] if rec["competence_ref"] in k["competences"]]
        ids = [k["id"] for k in rec["criteres"]]
        if linked:
            assert rec["criteres_scope"] == "linked" and ids == linked
        else:
            assert rec["criteres_scope"] == "bloc"
            assert ids == [k["id"] for k in bloc["criteres"] if not k["competences"]]
        for k in rec["criteres"]:
            assert k["indicateurs"] == by_id[k["id"]]["indicateurs"]
        assert rec["indicateurs"] == [i for k in rec["criteres"] for i in k["indicateurs"]]


def test_export_jsonl_some_competence_has_criteres(records: list[dict[str, Any]]) -> None:
    """The samples evaluate their compétences: the search documents must carry that text."""
    assert sum(1 for r in records if r["criteres"]) >= len(records) // 2
    assert any(r["indicateurs"] for r in records)


def test_export_jsonl_ids_load_into_search_engines(records: list[dict[str, Any]]) -> None:
    """Ids hold only [A-Za-z0-9_-] (Meilisearch, Elasticsearch, OpenSearch accept them), are
    unique, and `id` is the only top-level field whose name ends in "id" (Meilisearch
    infers the primary key from that)."""
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{1,511}", r["id"]) for r in records)
    assert len({r["id"] for r in records}) == len(records)
    for rec in records:
        assert [k for k in rec if k.lower().endswith("id")] == ["id"]
        assert re.fullmatch(r"[A-Za-z0-9_-]+", rec["competence_key"])
        assert rec["competence_key"].startswith(rec["referentiel_key"] + "--")
