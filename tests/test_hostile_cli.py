"""``referentiel extract BAD``: one line on stderr, the error's exit code, no output file.

Each case runs the real command in a subprocess with a timeout, so a hang or a
crash (a bomb inflated, an entity expanded, a traceback) fails the test.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from referentiel.errors import EmptyFile, LimitExceeded, ReferentielError, UnreadableFile
from test_hostile_inputs import REFUSED

TIMEOUT = 120  # seconds; a refusal takes well under one


def run_extract(path: Path, out_dir: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    out_dir.mkdir(exist_ok=True)
    command = [
        sys.executable,
        "-m",
        "referentiel",
        "extract",
        str(path),
        "-o",
        str(out_dir / "x.json"),
    ]
    return subprocess.run(
        [*command, *flags], capture_output=True, text=True, timeout=TIMEOUT, check=False
    )


def assert_one_line_error(
    result: subprocess.CompletedProcess[str],
    path: Path,
    error: type[ReferentielError],
    words: str,
    out_dir: Path,
) -> None:
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {path}: "), lines[0]
    assert words in lines[0]
    assert result.returncode == error.exit_code, lines[0]
    assert result.stdout == ""
    assert list(out_dir.iterdir()) == []  # no output, no temp file left behind


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_hostile_cli_extract_refuses(hostile: dict[str, Path], tmp_path: Path, case: str) -> None:
    error, words = REFUSED[case]
    result = run_extract(hostile[case], tmp_path / "out")
    assert_one_line_error(result, hostile[case], error, words, tmp_path / "out")


def test_hostile_cli_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.pdf"
    result = run_extract(missing, tmp_path / "out")
    assert_one_line_error(result, missing, UnreadableFile, "no such file", tmp_path / "out")


def test_hostile_cli_newline_in_name_stays_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bad\nname.pdf"
    path.write_bytes(b"")
    result = run_extract(path, tmp_path / "out")
    lines = result.stderr.splitlines()
    assert lines == [f"error: {tmp_path}/bad\\nname.pdf: file is empty (0 bytes)"]
    assert result.returncode == EmptyFile.exit_code


def test_hostile_cli_undecodable_name_is_escaped(tmp_path: Path) -> None:
    """A file name that is not UTF-8 is printed escaped, never crashes the error printer."""
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb"):
        pass
    result = subprocess.run(
        [sys.executable, "-m", "referentiel", "extract", raw],
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.stderr.decode() == f"error: {tmp_path}/caf\\udce9.txt: file is empty (0 bytes)\n"
    assert result.returncode == EmptyFile.exit_code


@pytest.mark.parametrize(
    ("sample", "flags", "words"),
    [
        ("cqp-delegue-veterinaire.pdf", ["--max-pages", "2"], "11 pages, over the 2-page limit"),
        ("cqp-delegue-veterinaire.docx", ["--max-file-mb", "0.01"], "45.2 KiB, over the 10.2 KiB"),
    ],
)
def test_hostile_cli_limit_flags(
    sources_dir: Path, tmp_path: Path, sample: str, flags: list[str], words: str
) -> None:
    path = sources_dir / sample
    result = run_extract(path, tmp_path / "out", *flags)
    assert_one_line_error(result, path, LimitExceeded, words, tmp_path / "out")
