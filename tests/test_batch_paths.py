"""Batch file discovery and output naming: outputs always land inside OUT_DIR."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest
from referentiel.batch import (
    MAX_NAME_BYTES,
    BatchReport,
    FileResult,
    discover,
    output_path,
    write_report,
)
from referentiel.cli import main

LONG = "référentiel-" + "é" * 117 + ".pdf"  # 252 bytes: with ".json" over the 255-byte limit


@pytest.mark.parametrize(
    "hostile",
    [
        "../../etc/x.pdf",
        "/etc/passwd.pdf",
        "a/../../../b.pdf",
        "..\\..\\Windows\\x.pdf",
        "C:\\Windows\\x.pdf",
        "..",
        "",
        "a/./././b.pdf",
        "nul\x00byte.pdf",
        "x/" + "é" * 200 + "/" + LONG,
    ],
)
def test_batch_output_path_stays_inside_out_dir(tmp_path: Path, hostile: str) -> None:
    out = tmp_path / "out"
    target = output_path(hostile, out)
    assert target.resolve().is_relative_to(out.resolve())
    assert target.name.endswith(".json")
    assert all(len(part.encode()) <= MAX_NAME_BYTES for part in target.relative_to(out).parts)
    assert "\x00" not in str(target)


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("x.pdf", "x.pdf.json"),
        ("a/b/x.docx", "a/b/x.docx.json"),
        ("dossier été/référentiel n°1.txt", "dossier été/référentiel n°1.txt.json"),
    ],
)
def test_batch_output_path_mirrors_the_tree(tmp_path: Path, relative: str, expected: str) -> None:
    assert output_path(relative, tmp_path).relative_to(tmp_path).as_posix() == expected


def test_batch_output_path_shortens_long_names_uniquely(tmp_path: Path) -> None:
    first = output_path(LONG, tmp_path)
    second = output_path(LONG.replace(".pdf", "x.pdf"), tmp_path)
    assert first != second
    for target in (first, second):
        assert len(target.name.encode()) <= MAX_NAME_BYTES
        assert target.name.startswith("référentiel-éé") and target.name.endswith(".pdf.json")
    assert output_path(LONG, tmp_path) == first  # stable between runs


def test_batch_output_path_refuses_a_symlink_out_of_out_dir(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "a").symlink_to(elsewhere)
    with pytest.raises(ValueError, match="outside"):
        output_path("a/x.pdf", out)


def test_batch_symlinked_output_folder_is_a_recorded_failure(tmp_path: Path) -> None:
    src, out, elsewhere = tmp_path / "src", tmp_path / "out", tmp_path / "elsewhere"
    (src / "a").mkdir(parents=True)
    (src / "a" / "x.txt").write_text("Bloc de compétences 1\n", encoding="utf-8")
    out.mkdir()
    elsewhere.mkdir()
    (out / "a").symlink_to(elsewhere)
    assert main(["batch", str(src), str(out), "--jobs", "1"]) == 1
    assert list(elsewhere.iterdir()) == []
    (row,) = json.loads((out / "run.json").read_text(encoding="utf-8"))["files"]
    assert (row["status"], row["error_status"]) == ("failed", "unsafe_output")


def test_batch_discover_skips_hidden_unsupported_and_out_dir(tmp_path: Path) -> None:
    for name in [
        "a.pdf",
        "B.DOCX",
        "sub/c.txt",
        "sub/deep/d.md",
        "e.html",
        "scan.TIFF",
        ".hidden.pdf",
        ".git/f.txt",
        "notes.json",
        "archive.zip",
        "out/old.txt",
    ]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    os.mkfifo(tmp_path / "pipe.txt")
    found = [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path, tmp_path / "out")]
    assert found == ["B.DOCX", "a.pdf", "e.html", "scan.TIFF", "sub/c.txt", "sub/deep/d.md"]


def test_batch_discover_keeps_long_unicode_names(tmp_path: Path) -> None:
    (tmp_path / LONG).write_bytes(b"x")
    (found,) = discover(tmp_path)
    target = output_path(found.relative_to(tmp_path), tmp_path / "out")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("{}", encoding="utf-8")  # the shortened name is accepted by the FS
    assert target.is_file()


def test_batch_report_files_have_every_column(tmp_path: Path) -> None:
    report = BatchReport(src="s", out="o", jobs=2, timeout=5, force=False, started="now")
    report.files = [
        FileResult("a.pdf", "a.pdf.json", "ok", blocs=2, competences=5, pages=3, seconds=1.5),
        FileResult("b.pdf", None, "failed", "corrupt", "b.pdf: truncated", seconds=0.25),
        FileResult("c.txt", "c.txt.json", "skipped", blocs=1, competences=2),
    ]
    write_report(report, tmp_path)
    data = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert data["totals"]["ok"] == data["totals"]["failed"] == data["totals"]["skipped"] == 1
    assert data["totals"]["blocs"] == 3 and data["totals"]["competences"] == 7
    assert data["totals"]["seconds"] == 1.75
    with (tmp_path / "run.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["status"] for r in rows] == ["ok", "failed", "skipped"]
    assert rows[1]["error_status"] == "corrupt" and rows[1]["error"] == "b.pdf: truncated"
    assert set(rows[0]) >= {"blocs", "competences", "criteres", "indicateurs", "warnings", "pages"}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_batch_cli_rejects_a_missing_source(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["batch", str(tmp_path / "nope"), str(tmp_path / "out")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_batch_two_inputs_never_share_an_output(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "a").mkdir(parents=True)
    (src / "a" / "b.txt").write_bytes(b"")
    (src / "a\\b.txt").write_bytes(b"")  # a backslash is a plain character on POSIX
    assert main(["batch", str(src), str(tmp_path / "out"), "--jobs", "1", "--no-nlp"]) == 1
    files = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))["files"]
    status = {f["input"]: f["error_status"] for f in files}
    assert status == {"a/b.txt": "empty", "a\\b.txt": "unsafe_output"}
