"""``referentiel batch`` over hostile files: each one fails alone, the batch goes on.

The batch runs in a subprocess with a timeout (a bomb or a hang fails the test
rather than the suite). Every hostile file is recorded with its error status and
a one-line reason; none leaves an output; outputs from hostile names stay inside
OUT_DIR.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_hostile_inputs import REFUSED

TIMEOUT = 600


def run_batch(src: Path, out: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "referentiel", "batch", str(src), str(out), "--jobs", "2"]
    return subprocess.run(
        [*command, "--no-progress", *flags],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


@pytest.fixture(scope="module")
def refused_run(
    hostile: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """A batch over a folder holding only the files that must be refused."""
    src = tmp_path_factory.mktemp("refused-src")
    for case in REFUSED:
        shutil.copy(hostile[case], src / hostile[case].name)
    out = tmp_path_factory.mktemp("refused-out")
    result = run_batch(src, out)
    report = json.loads((out / "run.json").read_text(encoding="utf-8"))
    return {"src": src, "out": out, "result": result, "report": report}


def test_hostile_batch_records_every_refusal(
    hostile: dict[str, Path], refused_run: dict[str, Any]
) -> None:
    rows = {row["input"]: row for row in refused_run["report"]["files"]}
    assert len(rows) == len(REFUSED)
    for case, (error, words) in REFUSED.items():
        name = hostile[case].name
        row = rows[name]
        assert row["status"] == "failed", row
        assert row["error_status"] == error.status, row
        assert words in row["error"] and name in row["error"], row
        assert "\n" not in row["error"]
        assert row["output"] is None


def test_hostile_batch_writes_nothing_for_refused_files(refused_run: dict[str, Any]) -> None:
    out: Path = refused_run["out"]
    written = sorted(p.name for p in out.rglob("*") if p.is_file())
    assert written == ["run.csv", "run.json"]


def test_hostile_batch_exit_code_and_one_line_per_failure(refused_run: dict[str, Any]) -> None:
    result = refused_run["result"]
    assert result.returncode == 1
    failures = [line for line in result.stderr.splitlines() if line.startswith("failed (")]
    assert len(failures) == len(REFUSED)
    assert "Traceback" not in result.stderr


def test_hostile_batch_hostile_names_stay_inside_out_dir(
    hostile: dict[str, Path], tmp_path: Path
) -> None:
    names = next(iter(p for c, p in hostile.items() if c.startswith("name_"))).parent
    out = tmp_path / "out"
    result = run_batch(names, out)
    assert result.returncode == 0, result.stderr
    report = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert {row["status"] for row in report["files"]} <= {"ok", "warning"}
    outputs = [out / row["output"] for row in report["files"]]
    visible = [p for c, p in hostile.items() if c.startswith("name_") and p.name[0] != "."]
    assert len(outputs) == len(visible)  # hidden names ("..txt") are skipped by design
    for output in outputs:
        assert output.resolve().is_relative_to(out.resolve())
        assert output.is_file() and len(output.name.encode()) <= 255
        json.loads(output.read_text(encoding="utf-8"))
