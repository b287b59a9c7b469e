"""Hostile input, round two — denial of service: every file costs bounded time and memory.

Issue 12, points 2 to 5: a PDF stream that inflates to gigabytes, ``extract`` without a
time limit or memory ceiling, blank pages sent to Tesseract, an expanded DOCX part of
tens of MiB, a text line of megabytes, ``--jobs`` without a cap, and ``diff`` /
``evaluate`` reading a FIFO, ``/dev/zero`` or two large extractions.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fixtures.paths import ROOT
from referentiel.api import parse
from referentiel.errors import ExtractionTimeout, LimitExceeded, UnreadableFile
from referentiel.isolate import run_limited
from referentiel.options import Limits, Options

SCAN = ROOT / "sources" / "cqp-delegue-veterinaire.scan.pdf"


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The real ``referentiel`` command in a subprocess."""
    command = [sys.executable, "-m", "referentiel", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


# ---------------------------------------------------------------- 2. PDF decompression


@pytest.mark.hang_limit(30)
@pytest.mark.parametrize("case", ["flate_bomb_pdf", "flate2_bomb_pdf"])
def test_hostile_bounds_pdf_stream_bomb_refused(hostile: dict[str, Path], case: str) -> None:
    """2 MB whose content stream inflates to 2 GiB (one or two Flate layers): refused from
    a bounded, piecewise inflation, before any parser holds the stream."""
    with pytest.raises(LimitExceeded, match="decodes past the 256.0 MiB limit"):
        parse(hostile[case], Options(use_nlp=False))


@pytest.mark.hang_limit(30)
def test_hostile_bounds_pdf_streams_bounded_per_page(hostile: dict[str, Path]) -> None:
    """The whole file's budget is the per-stream limit times the pages."""
    limits = Limits(max_stream_bytes=2**20)
    with pytest.raises(LimitExceeded, match="1.0 MiB"):
        parse(hostile["flate_bomb_pdf"], Options(use_nlp=False, limits=limits))


# ---------------------------------------------------------------- 3. extract: time and memory


def test_hostile_bounds_extract_has_finite_default_limits() -> None:
    from referentiel.cli import build_parser
    from referentiel.cli._common import options_from

    limits = options_from(build_parser().parse_args(["extract", "x.txt"])).limits
    assert limits.timeout_seconds == Limits().timeout_seconds == 600
    assert limits.max_memory_bytes == Limits().max_memory_bytes == 4 * 2**30


@pytest.mark.hang_limit(60)
def test_hostile_bounds_extract_stopped_at_its_timeout(tmp_path: Path) -> None:
    """A scan needs OCR for several seconds: with --timeout 1 it is stopped, and so are the
    OCR processes it started."""
    result = cli("extract", str(SCAN), "--timeout", "1", "-o", str(tmp_path / "x.json"))
    assert result.returncode == ExtractionTimeout.exit_code, result.stderr
    assert result.stderr.splitlines() == [
        f"error: {SCAN}: no result after 1 s (--timeout); stopped"
    ]
    assert list(tmp_path.iterdir()) == []


def _allocate(path: Path, options: Options) -> int:
    """Work that needs 512 MiB at once."""
    return len(bytes(512 * 2**20))


@pytest.mark.hang_limit(30)
def test_hostile_bounds_memory_ceiling_holds() -> None:
    """The child's address space is capped: work over the ceiling fails there, reported as
    over the limit, and the parent is untouched."""
    limits = Limits(max_memory_bytes=256 * 2**20)
    with pytest.raises(LimitExceeded, match="over the 256 MiB memory limit"):
        run_limited(_allocate, Path("big"), Options(limits=limits), limits)
    assert run_limited(_allocate, Path("big"), Options(), Limits()) == 512 * 2**20


# ---------------------------------------------------------------- 4. amplification


def test_hostile_bounds_blank_page_skips_tesseract(hostile: dict[str, Path]) -> None:
    """A blank page is recognised from its pixels and never reaches Tesseract."""
    from referentiel.backends.ocr_page import PageJob, ocr_page
    from referentiel.backends.ocr_raster import load_page
    from referentiel.blank import is_blank

    page = ocr_page(PageJob(hostile["blank_pages_pdf"], "pdf", 0, Limits()))
    assert "tesseract" not in page.timings and page.blocks == []
    for index in range(3):  # real scanned pages are not blank
        assert not is_blank(load_page(SCAN, "pdf", index, Limits()))


def test_hostile_bounds_docx_expanded_xml_bounded(hostile: dict[str, Path]) -> None:
    """76 kB on disk, a 20 MiB document.xml: under the zip limits, over the XML one."""
    assert hostile["big_xml_docx"].stat().st_size < 200_000
    with pytest.raises(LimitExceeded, match="word/document.xml expands past the 16.0 MiB"):
        parse(hostile["big_xml_docx"], Options(use_nlp=False))


def test_hostile_bounds_huge_text_line_refused(hostile: dict[str, Path]) -> None:
    with pytest.raises(LimitExceeded, match="a line is longer than 4.0 MiB"):
        parse(hostile["huge_line_txt"], Options(use_nlp=False))


def test_hostile_bounds_jobs_capped(tmp_path: Path) -> None:
    from referentiel.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["batch", str(tmp_path), str(tmp_path / "out"), "--jobs", "100000"])
    assert stop.value.code == 2
    assert not (tmp_path / "out").exists()


# ---------------------------------------------------------------- 5. diff and evaluate inputs


@pytest.fixture()
def one_extraction(extracted_dir: Path) -> Path:
    return next(p for p in sorted(extracted_dir.glob("*.json")))


@pytest.mark.hang_limit(30)
@pytest.mark.parametrize("command", ["diff", "evaluate"])
def test_hostile_bounds_diff_evaluate_refuse_fifo_and_devices(
    one_extraction: Path, tmp_path: Path, command: str
) -> None:
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    for other in (fifo, Path("/dev/zero")):
        result = cli(command, str(one_extraction), str(other), timeout=25)
        assert result.returncode == UnreadableFile.exit_code, result.stderr
        assert result.stderr.splitlines() == [
            f"error: {other}: not a regular file (device, FIFO or socket)"
        ]


def test_hostile_bounds_diff_json_over_size_limit(one_extraction: Path, tmp_path: Path) -> None:
    sparse = tmp_path / "sparse.json"
    with sparse.open("wb") as handle:
        handle.truncate(Limits().max_file_bytes + 1)  # no disk used
    result = cli("diff", str(one_extraction), str(sparse))
    assert result.returncode == LimitExceeded.exit_code
    assert "over the 200.0 MiB limit" in result.stderr


@pytest.mark.hang_limit(20)
def test_hostile_bounds_diff_cost_linear_in_elements() -> None:
    """4 000 elements removed and 4 000 others added: fuzzy matching compares each with its
    neighbourhood, not with all (16 million comparisons took minutes and gigabytes)."""
    from referentiel.diff import FUZZY_WINDOW, align

    old = [f"compétence numéro {n} : négocier {n * 7919 % 10007}" for n in range(4000)]
    new = [f"savoir-faire {n} : vendre {n * 104729 % 10007} produits" for n in range(4000)]
    pairs = align(old, new, lambda s: s)
    assert len(pairs) >= 4000 and FUZZY_WINDOW < 4000
    same = align(old, list(old), lambda s: s)
    assert same == [(n, n) for n in range(4000)]


@pytest.mark.hang_limit(20)
def test_hostile_bounds_diff_of_two_large_extractions(extracted_dir: Path, tmp_path: Path) -> None:
    """Two extractions whose first critère holds thousands of indicateurs, all edited."""
    source = json.loads(next(iter(sorted(extracted_dir.glob("*.json")))).read_text("utf-8"))
    for name, shift in (("old.json", 0), ("new.json", 1)):
        data = json.loads(json.dumps(source))
        critere = next(c for b in data["blocs"] for c in b["criteres"])
        critere["indicateurs"] = [f"indicateur {n + shift} : {n * 31}" for n in range(3000)]
        (tmp_path / name).write_text(json.dumps(data), encoding="utf-8")
    from referentiel.diff import diff_paths

    result = diff_paths(tmp_path / "old.json", tmp_path / "new.json")
    assert result.has_differences
