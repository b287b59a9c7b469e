"""Atomic writes: normal permissions (umask applied), 255-byte names, nothing left on error."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from referentiel.atomic import atomic_path, write_atomic
from referentiel.batch import REPORT_JSON, BatchReport, write_report
from referentiel.models import Referentiel
from referentiel.output import write_json
from test_models import MINIMAL

# 120 two-byte letters + 10 + ".json": a name of exactly 255 bytes.
LONG_NAME = "é" * 120 + "a" * 10 + ".json"


def _sqlite(target: Path) -> None:
    with atomic_path(target) as tmp, closing(sqlite3.connect(tmp)) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.commit()


def _report(target: Path) -> None:
    report = BatchReport(src="in", out="out", jobs=1, timeout=1.0, force=False, started="now")
    write_report(report, target.parent)
    os.replace(target.parent / REPORT_JSON, target)


WRITERS: dict[str, Callable[[Path], object]] = {
    "text": lambda target: write_atomic(target, "é\n"),
    "bytes": lambda target: write_atomic(target, b"\x00\xff"),
    "json": lambda target: write_json(Referentiel.model_validate(MINIMAL), target),
    "batch_report": _report,
    "sqlite": _sqlite,
}


@pytest.fixture(params=[0o022, 0o077, 0o002])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


@pytest.mark.parametrize("writer", WRITERS, ids=list(WRITERS))
def test_atomic_write_mode_is_a_plain_open_under_umask(
    tmp_path: Path, umask: int, writer: str
) -> None:
    plain = tmp_path / "plain"
    plain.write_text("")
    target = tmp_path / "out" / "target"
    WRITERS[writer](target)
    mode = stat.S_IMODE(target.stat().st_mode)
    assert mode == 0o666 & ~umask == stat.S_IMODE(plain.stat().st_mode)
    assert sorted(p.name for p in target.parent.iterdir()) == sorted(
        {"target", "run.csv"} if writer == "batch_report" else {"target"}
    )


@pytest.mark.parametrize("writer", ["text", "json"])
def test_atomic_write_accepts_a_255_byte_name(tmp_path: Path, writer: str) -> None:
    target = tmp_path / LONG_NAME
    assert len(os.fsencode(target.name)) == 255
    WRITERS[writer](target)
    assert [p.name for p in tmp_path.iterdir()] == [LONG_NAME]
    assert target.stat().st_size > 0


def test_atomic_write_text_is_utf8_with_newlines_kept(tmp_path: Path) -> None:
    target = write_atomic(tmp_path / "t.csv", "a;é\r\nb\n")
    assert target.read_bytes() == "a;é\r\nb\n".encode()


def test_atomic_write_error_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = write_atomic(tmp_path / "keep.json", "old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("interrupted")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.json"]
