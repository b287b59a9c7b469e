"""One stuck file never stops a batch: per-file timeout, and Ctrl-C stops cleanly.

The slow input is a real scanned sample: OCR of its pages takes far longer than
the few seconds allowed here, while the text samples take a fraction of a second.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fixtures.paths import SOURCES
from referentiel.cli import main
from referentiel.models import Referentiel

SCAN = SOURCES / "cqp-delegue-veterinaire.scan.pdf"
FAST = ["cqp-delegue-veterinaire.txt", "cqpm-technico-commercial-industriel.txt"]


def test_batch_timeout_is_recorded_and_the_others_finish(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    (src / "scans").mkdir(parents=True)
    shutil.copyfile(SCAN, src / "scans" / "lent.scan.pdf")
    for name in FAST:
        shutil.copyfile(SOURCES / name, src / name)
    (src / "vide.txt").write_bytes(b"")
    code = main(["batch", str(src), str(out), "--jobs", "2", "--timeout", "3", "--ocr", "always"])
    assert code == 1
    files = {f["input"]: f for f in json.loads((out / "run.json").read_text("utf-8"))["files"]}
    slow = files["scans/lent.scan.pdf"]
    assert (slow["status"], slow["error_status"]) == ("failed", "timeout")
    assert "lent.scan.pdf" in slow["error"] and slow["output"] is None
    assert not (out / "scans" / "lent.scan.pdf.json").exists()
    for name in FAST:
        assert files[name]["status"] in ("ok", "warning")
        Referentiel.model_validate_json((out / f"{name}.json").read_bytes())
    assert files["vide.txt"]["error_status"] == "empty"


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _group_members(pgid: int) -> set[int]:
    members = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.add(int(stat.parent.name))
    return members


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the workers")
def test_batch_ctrl_c_keeps_finished_outputs_and_stops_workers(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    for name in FAST:
        shutil.copyfile(SOURCES / name, src / name)
    shutil.copyfile(SCAN, src / "zz-lent.scan.pdf")  # sorted last: still running at Ctrl-C
    command = [sys.executable, "-m", "referentiel", "batch", str(src), str(out), "--jobs", "1"]
    process = subprocess.Popen(
        [*command, "--ocr", "always"], stderr=subprocess.PIPE, text=True, env=os.environ
    )
    try:
        deadline = time.monotonic() + 120
        while not all((out / f"{name}.json").exists() for name in FAST):
            assert process.poll() is None, process.communicate()[1]
            assert time.monotonic() < deadline, "the fast files were never written"
            time.sleep(0.2)
        time.sleep(1.0)  # the scan is now being OCR'd
        workers = _children(process.pid)
        assert workers
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, err
    report = json.loads((out / "run.json").read_text("utf-8"))
    assert report["interrupted"] is True and report["not_run"] == 1
    assert sorted(f["input"] for f in report["files"]) == sorted(FAST)
    for name in FAST:
        Referentiel.model_validate_json((out / f"{name}.json").read_bytes())
    assert not (out / "zz-lent.scan.pdf.json").exists()
    assert not [p for p in out.rglob("*") if p.name.startswith(".") or p.suffix == ".tmp"]
    for worker in workers:
        assert not _group_members(worker), "a worker or its OCR processes outlived the batch"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the workers")
def test_batch_killed_worker_is_recorded_and_replaced(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    shutil.copyfile(SCAN, src / "a-lent.scan.pdf")  # sorted first: the worker dies on it
    for name in FAST:
        shutil.copyfile(SOURCES / name, src / name)
    command = [sys.executable, "-m", "referentiel", "batch", str(src), str(out), "--jobs", "1"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while True:  # the worker is OCR'ing once it has started page processes
            busy = [w for w in _children(process.pid) if _children(w)]
            if busy:
                break
            assert process.poll() is None, process.communicate()[1]
            assert time.monotonic() < deadline, "OCR never started"
            time.sleep(0.2)
        os.kill(busy[0], signal.SIGKILL)  # as the out-of-memory killer would
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 1, err
    files = {f["input"]: f for f in json.loads((out / "run.json").read_text("utf-8"))["files"]}
    assert (files["a-lent.scan.pdf"]["status"], files["a-lent.scan.pdf"]["error_status"]) == (
        "failed",
        "crashed",
    )
    assert all(files[name]["status"] in ("ok", "warning") for name in FAST)
    assert not _group_members(busy[0])
