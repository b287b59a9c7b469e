"""Conventions every command follows: --verbose/--quiet, '-o -' / '-' as standard output,
progress of a long extraction, NO_COLOR, documented exit codes."""

from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path

import pytest
from fixtures.paths import ROOT
from referentiel import errors
from referentiel.cli import _commands, build_parser, main
from referentiel.cli.diff import use_color
from referentiel.cli.extract import Progress
from referentiel.diff import diff_referentiels
from referentiel.isolate import run_limited
from referentiel.models import Activite, Referentiel, Source
from referentiel.options import Limits, Options

SAMPLE = ROOT / "sources" / "cqp-delegue-veterinaire.txt"


@pytest.mark.parametrize("command", sorted(_commands()))
def test_cli_every_command_takes_verbose_and_quiet(command: str) -> None:
    sub = build_parser()._subparsers._group_actions[0].choices[command]  # type: ignore[union-attr]
    flags = {flag for action in sub._actions for flag in action.option_strings}
    assert {"-v", "--verbose", "-q", "--quiet"} <= flags


def test_cli_schema_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Referentiel"
    assert not Path("-").exists()


def test_cli_export_to_standard_output(
    extracted_dir: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["export", str(extracted_dir), "--to", "jsonl", "-", "-q"]) == 0
    captured = capsysbinary.readouterr()
    lines = captured.out.decode("utf-8").splitlines()
    assert len(lines) > 10 and all(json.loads(line)["id"] for line in lines)
    assert captured.err == b"" and not Path("-").exists()
    assert main(["export", str(extracted_dir), "--to", "sqlite", "-", "-q"]) == 10


def test_cli_extract_verbose_and_quiet(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    assert main(["extract", str(SAMPLE), "-o", str(out), "--verbose", "--no-nlp"]) == 0
    assert re.search(
        r"4 blocs, 30 compétences, \d+ critères, \d+ warnings in", capsys.readouterr().err
    )
    assert main(["extract", str(SAMPLE), "-o", str(out), "--quiet", "--no-nlp"]) == 0
    assert capsys.readouterr().err == ""


def _slow(path: Path, options: Options) -> str:
    time.sleep(2.5)
    return path.name


def test_cli_progress_of_a_long_extraction() -> None:
    """The parent is told about every second of a long extraction; off a terminal, the
    progress is one line every ten seconds."""
    seen: list[float] = []
    assert run_limited(_slow, SAMPLE, Options(), Limits(), seen.append) == SAMPLE.name
    assert len(seen) >= 2 and seen == sorted(seen)
    stream = io.StringIO()
    progress = Progress("scan.pdf", stream)
    for second in (1.0, 5.0, 10.2, 11.0, 20.5):
        progress(second)
    assert stream.getvalue() == "extracting scan.pdf: 10 s\nextracting scan.pdf: 20 s\n"


def test_cli_progress_counts_the_pages_ocr_has_read() -> None:
    """A scan's progress line says how many of its pages the OCR (in the isolated child
    process) has read."""
    from referentiel.isolate import extract_limited

    scan = ROOT / "sources" / "cqp-delegue-veterinaire.scan.pdf"
    stream = io.StringIO()
    extract_limited(scan, Options(), Progress(scan.name, stream))
    lines = stream.getvalue().splitlines()
    pages = [line.rsplit("OCR page ", 1)[1] for line in lines if "OCR page " in line]
    assert pages and {p.split("/")[1] for p in pages} == {"11"}  # the scan's 11 pages
    done = [int(p.split("/")[0]) for p in pages]
    assert done == sorted(done) and done[-1] > 0  # counted up as pages were read


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_cli_no_color_is_honoured() -> None:
    assert use_color("auto", _Tty(), {}) is True
    assert use_color("auto", _Tty(), {"NO_COLOR": "1"}) is False
    assert use_color("auto", io.StringIO(), {}) is False
    assert use_color("always", io.StringIO(), {"NO_COLOR": "1"}) is True


def test_cli_every_exit_code_is_documented() -> None:
    text = (ROOT / "docs" / "exit-codes.md").read_text(encoding="utf-8")
    classes = [
        c
        for c in vars(errors).values()
        if isinstance(c, type) and issubclass(c, errors.ReferentielError)
    ]
    assert len(classes) >= 12
    for cls in classes:
        row = f"| {cls.exit_code} | `{cls.status}` | `{cls.__name__}` |"
        assert row in text, cls.__name__
    for code in (0, 1, 2, 130):
        assert re.search(rf"^\| {code} \|", text, re.M), code


def test_diff_rows_name_their_element() -> None:
    """A tâche of an activité without a code is named by the activité's id."""
    source = Source(filename="x.txt", sha256="0" * 64, format="text", extractor_version="0")
    old = Referentiel(source=source, activites=[Activite(libelle="Vendre", taches=["a", "b"])])
    new = old.model_copy(deep=True)
    new.activites[0].taches.append("c")
    (change,) = diff_referentiels(old, new).changes
    assert change.where == "A01 #3" and change.element == "tâche #3 of activité A01"
