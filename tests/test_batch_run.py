"""Batch runs on a folder of real samples plus broken files: outputs, report, resume, force."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from fixtures.paths import SOURCES
from referentiel.cli import main
from referentiel.models import Referentiel

GOOD = {
    "texte/cqp-delegue-veterinaire.txt": "cqp-delegue-veterinaire.txt",
    "texte/cqp-delegue-veterinaire.docx": "cqp-delegue-veterinaire.docx",  # same stem, no clash
    "texte/métallurgie/cqpm-technico-commercial-industriel.txt": (
        "cqpm-technico-commercial-industriel.txt"
    ),
    "pdf/cqp-commercial-sedentaire-alimentaire.pdf": "cqp-commercial-sedentaire-alimentaire.pdf",
}
BROKEN = {"cassés/tronqué.pdf": "corrupt", "cassés/vide.txt": "empty"}


def make_corpus(root: Path) -> Path:
    """Samples from ``sources/`` in a folder tree, a truncated PDF, an empty file, noise."""
    for relative, sample in GOOD.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SOURCES / sample, root / relative)
    (root / "cassés").mkdir()
    pdf = (SOURCES / "cqp-delegue-veterinaire.pdf").read_bytes()
    (root / "cassés" / "tronqué.pdf").write_bytes(pdf[: len(pdf) // 3])
    (root / "cassés" / "vide.txt").write_bytes(b"")
    (root / ".cache").mkdir()
    (root / ".cache" / "hidden.txt").write_text("ignored", encoding="utf-8")
    (root / "LISEZMOI.json").write_text("{}", encoding="utf-8")  # unsupported: ignored
    return root


def report_of(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "run.json").read_text(encoding="utf-8"))
    data["by_input"] = {f["input"]: f for f in data["files"]}
    return data


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """First run, second run (resume), a changed input, then ``--force``; all in one go."""
    src = make_corpus(tmp_path_factory.mktemp("corpus"))
    out = tmp_path_factory.mktemp("batch") / "out"
    argv = ["batch", str(src), str(out), "--jobs", "2"]
    result: dict[str, Any] = {"src": src, "out": out}
    result["first_code"] = main(argv)
    result["first"] = report_of(out)
    result["outputs"] = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    result["mtimes"] = {
        p: p.stat().st_mtime_ns for p in out.rglob("*.json") if p.name != "run.json"
    }
    result["second_code"] = main(argv)
    result["second"] = report_of(out)
    result["mtimes_after"] = {p: p.stat().st_mtime_ns for p in result["mtimes"]}
    changed = src / "texte" / "métallurgie" / "cqpm-technico-commercial-industriel.txt"
    changed.write_bytes(changed.read_bytes() + b"\n")
    result["third_code"] = main(argv)
    result["third"] = report_of(out)
    result["forced_code"] = main([*argv, "--force"])
    result["forced"] = report_of(out)
    return result


def test_batch_writes_one_valid_output_per_good_input(runs: dict[str, Any]) -> None:
    out = runs["out"]
    assert runs["outputs"] == sorted([f"{relative}.json" for relative in GOOD] + ["run.json"])
    for relative, sample in GOOD.items():
        ref = Referentiel.model_validate_json((out / f"{relative}.json").read_bytes())
        assert ref.source.filename == Path(sample).name
        assert ref.blocs
    assert not [p for p in out.rglob("*") if p.name.startswith(".") or p.suffix == ".tmp"]


def test_batch_reports_failures_with_their_reason(runs: dict[str, Any]) -> None:
    assert runs["first_code"] == 1
    files = runs["first"]["by_input"]
    for relative, status in BROKEN.items():
        assert files[relative]["status"] == "failed"
        assert files[relative]["error_status"] == status
        assert Path(relative).name in files[relative]["error"]
        assert files[relative]["output"] is None
    for relative in GOOD:
        assert files[relative]["status"] in ("ok", "warning")
        assert files[relative]["blocs"] >= 1 and files[relative]["competences"] >= 1
        assert files[relative]["seconds"] > 0
    totals = runs["first"]["totals"]
    assert totals["files"] == len(GOOD) + len(BROKEN) and totals["failed"] == len(BROKEN)
    assert totals["blocs"] == sum(files[r]["blocs"] for r in GOOD)


def test_batch_csv_report_matches_json_report(runs: dict[str, Any]) -> None:
    with (runs["out"] / "run.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["input"]: row for row in csv.DictReader(handle)}
    final = runs["forced"]["by_input"]
    assert set(rows) == set(final)
    for relative, row in rows.items():
        assert row["status"] == final[relative]["status"]
        assert row["error_status"] == (final[relative]["error_status"] or "")
        assert row["blocs"] == str(final[relative]["blocs"] if final[relative]["blocs"] else "")


def test_batch_second_run_skips_what_is_done(runs: dict[str, Any]) -> None:
    assert runs["second_code"] == 1  # the broken files still fail
    files = runs["second"]["by_input"]
    assert {r: files[r]["status"] for r in GOOD} == dict.fromkeys(GOOD, "skipped")
    assert {r: files[r]["error_status"] for r in BROKEN} == BROKEN
    assert runs["mtimes_after"] == runs["mtimes"]  # outputs untouched
    first = runs["first"]["by_input"]
    assert all(files[r]["competences"] == first[r]["competences"] for r in GOOD)


def test_batch_changed_input_is_redone(runs: dict[str, Any]) -> None:
    files = runs["third"]["by_input"]
    changed = "texte/métallurgie/cqpm-technico-commercial-industriel.txt"
    assert files[changed]["status"] in ("ok", "warning")
    assert [r for r in GOOD if files[r]["status"] == "skipped"] == [r for r in GOOD if r != changed]


def test_batch_force_redoes_everything(runs: dict[str, Any]) -> None:
    assert runs["forced_code"] == 1
    files = runs["forced"]["by_input"]
    assert all(files[r]["status"] in ("ok", "warning") for r in GOOD)
    assert runs["forced"]["force"] is True


def test_batch_all_good_exits_zero(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copyfile(SOURCES / "cqp-delegue-veterinaire.txt", src / "a.txt")
    assert main(["batch", str(src), str(tmp_path / "out"), "--jobs", "1"]) == 0
    assert report_of(tmp_path / "out")["by_input"]["a.txt"]["status"] in ("ok", "warning")
