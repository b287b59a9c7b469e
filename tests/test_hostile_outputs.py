"""Hostile input, round two — unsafe or lossy writes (issue 12, points 6 to 9).

``-o`` names a device, a symbolic link, a folder, an input, a private file or a name
that is not UTF-8; ``-o -`` is standard output. Each runs the real command.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from fixtures.paths import ROOT
from referentiel.errors import UnwritableOutput

SAMPLE = ROOT / "sources" / "cqp-delegue-veterinaire.txt"
NOT_UTF8 = os.fsdecode(b"r\xe9f\xe9rentiel-\xff.txt")  # cp1252 bytes, as zips from Windows


def cli(
    *args: str, cwd: Path | None = None, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "referentiel", *args]
    if args[0] in {"extract", "batch"}:
        command.append("--no-nlp")  # the spaCy stage is not what these tests are about
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        command, capture_output=True, timeout=120, check=False, cwd=cwd, env=env, **kwargs
    )  # type: ignore[call-overload]


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    path = tmp_path / "ref.txt"
    shutil.copy(SAMPLE, path)
    return path


def one_line(result: subprocess.CompletedProcess[bytes]) -> str:
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# ---------------------------------------------------------------- 6. what -o names


def test_hostile_outputs_dash_is_stdout(source: Path, tmp_path: Path) -> None:
    result = cli("extract", str(source), "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["source"]["filename"] == "ref.txt"
    assert not (tmp_path / "-").exists()


def test_hostile_outputs_devices_written_through(source: Path, tmp_path: Path) -> None:
    """A null device stays a device; a link to standard output (as /dev/stdout is) writes
    to standard output. The nodes are the test's own: a broken build replacing them must
    not damage the machine's /dev."""
    if os.geteuid() == 0:
        null = tmp_path / "null"
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        assert cli("extract", str(source), "-o", str(null)).returncode == 0
        assert stat.S_ISCHR(null.lstat().st_mode)
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    result = cli("extract", str(source), "-o", str(stdout))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["blocs"]
    assert stdout.is_symlink()


def test_hostile_outputs_symlink_stays_a_link(source: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert cli("extract", str(source), "-o", str(link)).returncode == 0
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))["blocs"]


def test_hostile_outputs_folder_and_dangling_link_refused(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "folder.json"
    folder.mkdir()
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "nowhere")
    for target, words in ((folder, "is a folder, not a file"), (dangling, "dangling")):
        result = cli("extract", str(source), "-o", str(target))
        assert result.returncode == UnwritableOutput.exit_code
        assert words in one_line(result)
    assert folder.is_dir() and dangling.is_symlink() and not (tmp_path / "nowhere").exists()


def test_hostile_outputs_name_too_long(source: Path, tmp_path: Path) -> None:
    target = tmp_path / ("n" * 256 + ".json")
    result = cli("extract", str(source), "-o", str(target))
    assert result.returncode == UnwritableOutput.exit_code
    assert "cannot write (File name too long)" in one_line(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ref.txt"]


def _small_disk() -> None:
    """In the child: files may not grow past 16 KiB, as on a full disk (EFBIG, not a kill)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, 16 * 1024))


def test_hostile_outputs_full_disk_extract(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    result = cli("extract", str(source), "-o", str(target), preexec_fn=_small_disk)
    assert result.returncode == UnwritableOutput.exit_code
    assert one_line(result).startswith(f"error: {target}: cannot write")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ref.txt"]  # no temp file left
    if os.geteuid() == 0:  # a /dev/full of the test's own
        full = tmp_path / "full"
        os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
        device = cli("extract", str(source), "-o", str(full))
        assert "No space left on device" in one_line(device)


def test_hostile_outputs_full_disk_batch_and_export(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli("batch", str(tmp_path), str(out), "--no-progress", preexec_fn=_small_disk)
    assert result.returncode == 1, result.stderr
    row = json.loads((out / "run.json").read_text(encoding="utf-8"))["files"][0]
    assert (row["status"], row["error_status"]) == ("failed", "write_error")
    assert cli("batch", str(tmp_path), str(out), "--no-progress").returncode == 0
    for fmt, dest in (("sqlite", "c.sqlite"), ("jsonl", "c.jsonl"), ("csv", "tables")):
        exported = cli(
            "export", str(out), "--to", fmt, str(tmp_path / dest), preexec_fn=_small_disk
        )
        assert exported.returncode == UnwritableOutput.exit_code, (fmt, exported.stderr)
        assert "cannot write" in one_line(exported)


# ---------------------------------------------------------------- 7. an output that is an input


def test_hostile_outputs_never_over_an_input(source: Path, tmp_path: Path) -> None:
    before = source.read_bytes()
    result = cli("extract", str(source), "-o", str(source))
    assert result.returncode == UnwritableOutput.exit_code
    assert "is an input" in one_line(result)
    assert source.read_bytes() == before
    out = tmp_path / "out"
    assert cli("batch", str(tmp_path), str(out), "--no-progress").returncode == 0
    extracted = out / "ref.txt.json"
    kept = extracted.read_bytes()
    exported = cli("export", str(out), "--to", "rncp-xml", str(extracted))
    assert exported.returncode == UnwritableOutput.exit_code
    assert "is an input" in one_line(exported)
    assert extracted.read_bytes() == kept


# ---------------------------------------------------------------- 8. file mode kept


def test_hostile_outputs_keep_private_mode(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "private.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o600)
    assert cli("extract", str(source), "-o", str(target)).returncode == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert json.loads(target.read_text(encoding="utf-8"))["blocs"]


# ---------------------------------------------------------------- 9. names that are not UTF-8


def test_hostile_outputs_non_utf8_name_to_stdout(tmp_path: Path) -> None:
    path = tmp_path / NOT_UTF8
    shutil.copy(SAMPLE, path)
    result = cli("extract", str(path))
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")  # valid UTF-8
    name = json.loads(text)["source"]["filename"]
    assert os.fsencode(name) == os.fsencode(NOT_UTF8)  # lossless


def test_hostile_outputs_non_utf8_name_to_file(tmp_path: Path) -> None:
    path = tmp_path / NOT_UTF8
    shutil.copy(SAMPLE, path)
    target = tmp_path / (NOT_UTF8 + ".json")
    result = cli("extract", str(path), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert os.fsencode(target.name) in os.listdir(os.fsencode(tmp_path))  # raw bytes
    json.loads(target.read_bytes().decode("utf-8"))


def test_hostile_outputs_non_utf8_name_in_batch(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    shutil.copy(SAMPLE, src / NOT_UTF8)
    for _ in range(2):  # and on a rerun
        result = cli("batch", str(src), str(out), "--no-progress")
        assert result.returncode == 0, result.stderr
    report = json.loads((out / "run.json").read_bytes().decode("utf-8"))
    (row,) = report["files"]
    assert os.fsencode(row["input"]) == os.fsencode(NOT_UTF8)
    assert row["status"] in {"ok", "warning", "skipped"}
    assert (out / (NOT_UTF8 + ".json")).is_file()
    csv_text = (out / "run.csv").read_bytes().decode("utf-8")
    assert "r\\xe9f\\xe9rentiel-\\xff.txt" in csv_text
