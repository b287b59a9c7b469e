"""Export of real extraction outputs to flat tables: Parquet, CSV and SQLite round-trips."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from referentiel.cli import main
from referentiel.export.tables import TABLES

TABLE_FORMATS = ["parquet", "csv", "sqlite"]


def _referentiels(folder: Path) -> list[dict[str, Any]]:
    """The référentiel JSON below ``folder``, read independently of the exporter."""
    found = []
    for path in sorted(folder.rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "source" in data and "schema_version" in data:
            found.append(data)
    return found


def _competences(ref: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for bloc in ref["blocs"]:
        yield from bloc["competences"]
    yield from ref["competences_transversales"]


def expected_counts(refs: list[dict[str, Any]]) -> dict[str, int]:
    """Element counts per table, straight from the JSON."""
    blocs = [b for r in refs for b in r["blocs"]]
    criteres = [k for b in blocs for k in b["criteres"]]
    comps = [c for r in refs for c in _competences(r)]
    return {
        "referentiels": len(refs),  # the three samples, one file each
        "certifications": len(refs),
        "activites": sum(len(r["activites"]) for r in refs),
        "taches": sum(len(a["taches"]) for r in refs for a in r["activites"]),
        "blocs": len(blocs),
        "competences": len(comps),
        "connaissances": sum(len(b["connaissances"]) for b in blocs)
        + sum(len(c["connaissances"]) for c in comps),
        "conditions_realisation": sum(len(c["conditions_realisation"]) for c in comps),
        "resultats_attendus": sum(len(c["resultats_attendus"]) for c in comps),
        "competence_activites": sum(len(c["activites"]) for c in comps),
        "criteres": len(criteres),
        "critere_competences": sum(len(k["competences"]) for k in criteres),
        "indicateurs": sum(len(k["indicateurs"]) for k in criteres),
        "modalites": sum(len(b["modalites_evaluation"]) for b in blocs),
        "warnings": sum(len(r["warnings"]) for r in refs),
    }


def read_tables(dest: Path, fmt: str) -> dict[str, pd.DataFrame]:
    if fmt == "parquet":
        return {name: pd.read_parquet(dest / f"{name}.parquet") for name in TABLES}
    if fmt == "csv":
        return {
            name: pd.read_csv(dest / f"{name}.csv", dtype=str, keep_default_na=False)
            .replace("", None)
            .astype({"position": int} if name not in NO_POSITION else {})
            .astype({"documents": int} if name == "referentiels" else {})
            for name in TABLES
        }
    with closing(sqlite3.connect(dest)) as conn:
        return {name: pd.read_sql(f"SELECT * FROM {name}", conn) for name in TABLES}


NO_POSITION = {"referentiels", "certifications", "critere_competences"}


@pytest.fixture(scope="module", params=TABLE_FORMATS)
def exported(
    request: pytest.FixtureRequest, extracted_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, dict[str, pd.DataFrame]]:
    fmt: str = request.param
    dest = tmp_path_factory.mktemp(f"export-{fmt}") / (
        "catalogue.sqlite" if fmt == "sqlite" else fmt
    )
    assert main(["export", str(extracted_dir), "--to", fmt, str(dest)]) == 0
    return fmt, read_tables(dest, fmt)


@pytest.fixture(scope="module")
def refs(extracted_dir: Path) -> list[dict[str, Any]]:
    found = _referentiels(extracted_dir)
    assert len(found) == 3
    return found


def test_export_row_counts_equal_element_counts(
    exported: tuple[str, dict[str, pd.DataFrame]], refs: list[dict[str, Any]]
) -> None:
    _, tables = exported
    counts = {name: len(frame) for name, frame in tables.items()}
    assert counts == expected_counts(refs)
    assert counts["competences"] > 0 and counts["criteres"] > 0


def _keys(frame: pd.DataFrame, *cols: str) -> set[tuple[Any, ...]]:
    return set(frame[list(cols)].itertuples(index=False, name=None))


def test_export_keys_join(exported: tuple[str, dict[str, pd.DataFrame]]) -> None:
    _, t = exported
    docs = set(t["certifications"]["doc_sha256"])
    assert len(docs) == len(t["certifications"])
    for name in TABLES:
        if name != "referentiels":
            assert set(t[name]["doc_sha256"]) <= docs, name
    assert set(t["certifications"]["referentiel_key"]) == set(t["referentiels"]["referentiel_key"])
    blocs = _keys(t["blocs"], "doc_sha256", "bloc_id")
    comps = _keys(t["competences"], "doc_sha256", "competence_id")
    crits = _keys(t["criteres"], "doc_sha256", "critere_id")
    assert len(blocs) == len(t["blocs"])
    assert len(comps) == len(t["competences"])
    assert len(crits) == len(t["criteres"])
    in_blocs = t["competences"][t["competences"]["bloc_id"].notna()]
    assert _keys(in_blocs, "doc_sha256", "bloc_id") <= blocs
    transversale = t["competences"]["transversale"].astype(str).isin(["True", "1"])
    assert (transversale == t["competences"]["bloc_id"].isna()).all()
    for name in ("criteres", "modalites", "indicateurs", "critere_competences"):
        assert _keys(t[name], "doc_sha256", "bloc_id") <= blocs, name
    assert _keys(t["indicateurs"], "doc_sha256", "critere_id") <= crits
    assert _keys(t["critere_competences"], "doc_sha256", "critere_id") <= crits
    assert _keys(t["critere_competences"], "doc_sha256", "competence_id") <= comps
    linked = t["connaissances"][t["connaissances"]["competence_id"].notna()]
    assert _keys(linked, "doc_sha256", "competence_id") <= comps
    acts = _keys(t["activites"], "doc_sha256", "activite_id")
    assert len(acts) == len(t["activites"])
    assert _keys(t["taches"], "doc_sha256", "activite_id") <= acts
    for name in ("conditions_realisation", "resultats_attendus", "competence_activites"):
        assert _keys(t[name], "doc_sha256", "competence_id") <= comps, name
    resolved = t["competence_activites"][t["competence_activites"]["activite_id"].notna()]
    assert len(resolved) > 0 and _keys(resolved, "doc_sha256", "activite_id") <= acts


def test_export_lists_keep_document_order(
    exported: tuple[str, dict[str, pd.DataFrame]], refs: list[dict[str, Any]]
) -> None:
    """Rebuild each bloc's lists from the tables (ordered by position): equal to the JSON."""
    _, t = exported
    for ref in refs:
        sha = ref["source"]["sha256"]
        for bloc in ref["blocs"]:
            bid = bloc["id"]

            def rows(name: str, sha: str = sha, bid: str = bid, **match: str) -> pd.DataFrame:
                frame = t[name]
                mask = (frame["doc_sha256"] == sha) & (frame["bloc_id"] == bid)
                for col, value in match.items():
                    mask &= frame[col] == value
                return frame[mask].sort_values("position")

            assert list(rows("competences")["libelle"]) == [
                c["libelle"] for c in bloc["competences"]
            ]
            assert list(rows("modalites")["libelle"]) == bloc["modalites_evaluation"]
            assert list(rows("criteres")["libelle"]) == [k["libelle"] for k in bloc["criteres"]]
            for crit in bloc["criteres"]:
                got = rows("indicateurs", critere_id=crit["id"])["libelle"]
                assert list(got) == crit["indicateurs"]


def test_export_skips_non_referentiel_json(
    extracted_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """run.json and foreign JSON are ignored; an invalid or duplicate référentiel is reported."""
    folder = tmp_path / "out"
    shutil.copytree(extracted_dir, folder)
    (folder / "run.json").write_text('{"files": [], "source": "x", "schema_version": "1.0"}')
    (folder / "other.json").write_text('{"hello": "world"}')
    (folder / "list.json").write_text("[1, 2]")
    (folder / "broken.json").write_text('{"schema_version": "1.0", "source": {}}')
    first = sorted(extracted_dir.rglob("*.json"))[0]
    (folder / "copy").mkdir()
    shutil.copy(first, folder / "copy" / first.name)

    assert main(["export", str(folder), "--to", "parquet", str(tmp_path / "pq")]) == 0
    err = capsys.readouterr().err
    assert "skipped broken.json: does not validate" in err
    assert err.count("same source (sha256) as") == 1 and first.name in err
    assert "run.json" not in err and "other.json" not in err and "list.json" not in err
    assert len(pd.read_parquet(tmp_path / "pq" / "certifications.parquet")) == 3


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_export_empty_folder_fails(
    tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    code = main(["export", str(tmp_path / "empty"), "--to", fmt, str(tmp_path / "dest")])
    assert code != 0
    assert "no référentiel JSON found" in capsys.readouterr().err
    assert not (tmp_path / "dest").exists()


def test_export_sqlite_full_text_rows(
    extracted_dir: Path, tmp_path: Path, refs: list[dict[str, Any]]
) -> None:
    db = tmp_path / "c.sqlite"
    assert main(["export", str(extracted_dir), "--to", "sqlite", str(db), "-q"]) == 0
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    with closing(sqlite3.connect(db)) as conn:
        fts = conn.execute("SELECT COUNT(*) FROM competences_fts").fetchone()[0]
        sql = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'competences_fts'"
        ).fetchone()[0]
        meta = dict(conn.execute("SELECT key, value FROM meta"))
    assert fts == expected_counts(refs)["competences"]
    assert "remove_diacritics 2" in sql
    assert meta["documents"] == "3"
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize(("fmt", "kind"), [("parquet", "file"), ("csv", "file"), ("sqlite", "dir")])
def test_export_refuses_wrong_kind_of_destination(
    extracted_dir: Path, tmp_path: Path, fmt: str, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "dest"
    if kind == "file":
        dest.write_text("keep me")
    else:
        dest.mkdir()
    assert main(["export", str(extracted_dir), "--to", fmt, str(dest)]) != 0
    assert str(dest) in capsys.readouterr().err
    assert dest.is_dir() if kind == "dir" else dest.read_text() == "keep me"
