"""Hostile input, round two — reads outside the tree, files unaccounted for (points 10, 11).

A link in SRC_DIR to a file elsewhere is not read unless ``--follow-links``; every entry
(link loops, FIFOs, device links, linked folders) gets a report row with its reason;
``run.csv`` is journaled as files finish; OUT_DIR is locked against a second batch.
"""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from fixtures.paths import ROOT
from referentiel.errors import UnwritableOutput

SAMPLE = ROOT / "sources" / "cqp-delegue-veterinaire.txt"
SCAN = ROOT / "sources" / "cqp-delegue-veterinaire.scan.pdf"


def batch(src: Path, out: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "referentiel", "batch", str(src), str(out), "--no-progress"]
    return subprocess.run(
        [*command, "--no-nlp", *flags], capture_output=True, text=True, timeout=300, check=False
    )


def rows(out: Path) -> dict[str, dict[str, str]]:
    text = (out / "run.csv").read_text(encoding="utf-8")
    return {row["input"]: row for row in csv.DictReader(io.StringIO(text))}


def test_hostile_batch_tree_links_leaving_src_not_followed(tmp_path: Path) -> None:
    src, out, elsewhere = tmp_path / "src", tmp_path / "out", tmp_path / "elsewhere"
    src.mkdir()
    elsewhere.mkdir()
    secret = elsewhere / "secret.txt"
    shutil.copy(SAMPLE, secret)
    shutil.copy(SAMPLE, src / "inside.txt")
    (src / "passwd.txt").symlink_to("/etc/passwd")
    (src / "secret.txt").symlink_to(secret)
    (src / "alias.txt").symlink_to(src / "inside.txt")  # stays inside SRC_DIR: read

    result = batch(src, out)
    assert result.returncode == 0, result.stderr
    found = rows(out)
    for name in ("passwd.txt", "secret.txt"):
        assert found[name]["status"] == "skipped", found[name]
        assert found[name]["error_status"] == "not_followed"
        assert "outside SRC_DIR" in found[name]["error"]
        assert not (out / f"{name}.json").exists()
    assert found["alias.txt"]["status"] in {"ok", "warning"}

    followed = batch(src, tmp_path / "out2", "--follow-links")
    assert (tmp_path / "out2" / "secret.txt.json").is_file(), followed.stderr


def test_hostile_batch_tree_every_entry_has_a_row(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    shutil.copy(SAMPLE, src / "good.txt")
    (src / "loop.txt").symlink_to(src / "loop.txt")
    (src / "dangling.pdf").symlink_to(src / "missing.pdf")
    (src / "null.txt").symlink_to("/dev/null")
    os.mkfifo(src / "pipe.txt")
    (src / "folder-link").symlink_to(tmp_path)

    result = batch(src, out)
    assert result.returncode == 0, result.stderr
    report = json.loads((out / "run.json").read_text(encoding="utf-8"))
    found = {row["input"]: row for row in report["files"]}
    assert set(found) == {"good.txt", "loop.txt", "dangling.pdf", "null.txt", "pipe.txt"} | {
        "folder-link"
    }
    assert "Too many levels of symbolic links" in found["loop.txt"]["error"]
    assert "No such file" in found["dangling.pdf"]["error"]
    for name in ("null.txt", "pipe.txt"):
        assert "not a regular file" in found[name]["error"]
    assert found["folder-link"]["error_status"] == "not_followed"
    assert report["totals"]["files"] == 6


def test_hostile_batch_tree_report_journaled_before_the_end(tmp_path: Path) -> None:
    """A slow scan and a quick text file: the text file's row is on disk while the scan is
    still being read, and stays there after ``kill -9`` of the batch."""
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    shutil.copy(SAMPLE, src / "a-quick.txt")
    shutil.copy(SCAN, src / "b-slow.scan.pdf")
    command = [sys.executable, "-m", "referentiel", "batch", str(src), str(out), "--no-progress"]
    process = subprocess.Popen(
        [*command, "--no-nlp", "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if (out / "run.csv").is_file() and "a-quick.txt" in rows(out):
                break
            time.sleep(0.2)
        assert process.poll() is None, "the batch ended before the test could kill it"
        os.killpg(process.pid, signal.SIGKILL)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    found = rows(out)
    assert found["a-quick.txt"]["status"] in {"ok", "warning"}
    assert "b-slow.scan.pdf" not in found


def test_hostile_batch_tree_out_dir_locked(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    out.mkdir()
    shutil.copy(SAMPLE, src / "a.txt")
    held = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running batch holds it
        result = batch(src, out)
    finally:
        os.close(held)
    assert result.returncode == UnwritableOutput.exit_code, result.stderr
    assert result.stderr.splitlines() == [
        f"error: {out}: another batch is writing into this folder"
    ]
    assert not (out / "a.txt.json").exists()
    assert batch(src, out).returncode == 0  # free again


def test_hostile_batch_tree_out_dir_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "out").write_text("a file", encoding="utf-8")
    result = batch(tmp_path / "src", tmp_path / "out")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"error: {tmp_path / 'out'}: OUT_DIR exists and is not a folder"
    ]
