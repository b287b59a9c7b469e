"""``batch`` on a real Dask LocalCluster (two worker processes): the same outputs and run
report as the local pool, resume after an interrupted run, a worker killed mid-file,
inputs and outputs given as fsspec URLs. One cluster serves the whole module."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_batch_isolation import _children, _group_members
from test_batch_run import BROKEN, GOOD, SOURCES, make_corpus, report_of
from test_hostile_inputs import REFUSED

dask = pytest.importorskip("dask")
from referentiel.batch import run_batch  # noqa: E402
from referentiel.batch_dask import local_cluster  # noqa: E402
from referentiel.models import Referentiel  # noqa: E402
from referentiel.options import Options  # noqa: E402

SCAN = SOURCES / "cqp-delegue-veterinaire.scan.pdf"
ROW_FIELDS_THAT_VARY = ("seconds",)


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """Two worker processes; a worker that dies fails its task at once (no retry)."""
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        local_cluster(2) as running,
    ):
        yield running.scheduler_address


@pytest.fixture(scope="module")
def corpus(hostile: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The batch samples and broken files, plus every hostile file that must be refused."""
    src = make_corpus(tmp_path_factory.mktemp("corpus"))
    (src / "hostiles").mkdir()
    for case in REFUSED:
        shutil.copy(hostile[case], src / "hostiles" / hostile[case].name)
    return src


@pytest.fixture(scope="module")
def local(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference: the same folder through the local worker pool."""
    out = tmp_path_factory.mktemp("local") / "out"
    run_batch(corpus, out, jobs=2, progress=False)
    return out


def outputs(out: Path) -> dict[str, bytes]:
    """Every output's bytes by relative name (the run report left out)."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name not in ("run.json", "run.csv")
    }


def rows(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        name: {k: v for k, v in row.items() if k not in ROW_FIELDS_THAT_VARY}
        for name, row in report["by_input"].items()
    }


def test_batch_dask_same_outputs_and_report_as_the_local_pool(
    cluster: str, corpus: Path, local: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    report = run_batch(corpus, out, scheduler=cluster, progress=False)
    assert report.scheduler == cluster and report.jobs == 2
    assert outputs(out) == outputs(local)  # byte-identical JSON
    assert sorted(outputs(out)) == sorted(f"{relative}.json" for relative in GOOD)
    dask_rows, local_rows = rows(report_of(out)), rows(report_of(local))
    assert dask_rows == local_rows
    assert {r: dask_rows[r]["error_status"] for r in BROKEN} == BROKEN
    refused = [r for r in dask_rows if r.startswith("hostiles/")]
    assert len(refused) == len(REFUSED)
    assert all(dask_rows[r]["status"] == "failed" for r in refused)
    totals = [{**report_of(o)["totals"], "seconds": None} for o in (out, local)]
    assert totals[0] == totals[1]
    assert not [p for p in out.rglob("*") if p.name.startswith(".") or p.suffix == ".tmp"]

    again = run_batch(corpus, out, scheduler=cluster, progress=False)  # resume: nothing redone
    statuses = {f.input: f.status for f in again.files}
    assert {r: statuses[r] for r in GOOD} == dict.fromkeys(GOOD, "skipped")
    assert all(statuses[r] == "failed" for r in [*BROKEN, *refused])
    assert outputs(out) == outputs(local)


def test_batch_dask_resumes_an_interrupted_run(
    cluster: str, local: Path, corpus: Path, tmp_path: Path
) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    shutil.copytree(corpus, src, ignore=shutil.ignore_patterns("hostiles", "cassés"))
    for copy in range(4):  # more files than workers: some are still queued at Ctrl-C
        shutil.copyfile(SOURCES / "cqp-delegue-veterinaire.txt", src / f"copie-{copy}.txt")
    command = [sys.executable, "-m", "referentiel", "batch", str(src), str(out)]
    process = subprocess.Popen(
        [*command, "--scheduler", cluster, "--no-progress"], stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 300
        while not list(out.rglob("*.txt.json")):
            assert process.poll() is None, process.communicate()[1]
            assert time.monotonic() < deadline, "no output was ever written"
            time.sleep(0.1)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, err
    first = report_of(out)
    assert first["interrupted"] is True and first["not_run"] >= 1
    done_before = {name for name, row in first["by_input"].items() if row["status"] != "failed"}

    report = run_batch(src, out, scheduler=cluster, progress=False)
    statuses = {f.input: f.status for f in report.files}
    assert len(statuses) == len(GOOD) + 4 and not report.interrupted and report.not_run == 0
    assert all(statuses[name] == "skipped" for name in done_before)
    assert any(status in ("ok", "warning") for status in statuses.values())  # the rest, now
    for relative in GOOD:
        assert (out / f"{relative}.json").read_bytes() == (local / f"{relative}.json").read_bytes()
    for copy in range(4):
        Referentiel.model_validate_json((out / f"copie-{copy}.txt.json").read_bytes())


def test_batch_dask_reads_and_writes_fsspec_urls(
    cluster: str, corpus: Path, local: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    report = run_batch(corpus.as_uri(), out.as_uri(), scheduler=cluster, progress=False)
    assert outputs(out) == outputs(local)
    by_input = rows(report_of(out))
    assert {name: row["status"] for name, row in by_input.items()} == {
        name: row["status"] for name, row in rows(report_of(local)).items()
    }
    assert all(corpus.as_uri() in by_input[r]["error"] for r in BROKEN)  # named by URL
    assert report.src == corpus.as_uri()


def test_batch_dask_memory_urls_in_process(tmp_path: Path) -> None:
    """``memory://`` lives in one process: an in-process Dask cluster reads and writes it."""
    fsspec = pytest.importorskip("fsspec")
    from distributed import LocalCluster

    memory = fsspec.filesystem("memory")
    for name in ("a/un.txt", "deux.md", "vide.txt", ".cache/caché.txt"):
        sample = (
            b"" if name == "vide.txt" else (SOURCES / "cqp-delegue-veterinaire.txt").read_bytes()
        )
        memory.pipe_file(f"/refs/{name}", sample)
    options = Options(use_nlp=False)
    with LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0"
    ) as in_process:
        address = in_process.scheduler_address
        first = run_batch("memory://refs", "memory://json", options, scheduler=address)
        second = run_batch("memory://refs", "memory://json", options, scheduler=address)
    statuses = {f.input: f.status for f in first.files}
    assert statuses.keys() == {"a/un.txt", "deux.md", "vide.txt"}
    assert statuses["vide.txt"] == "failed" and statuses["a/un.txt"] in ("ok", "warning")
    for name in ("a/un.txt", "deux.md"):
        ref = Referentiel.model_validate_json(memory.cat_file(f"/json/{name}.json"))
        assert ref.source.filename == Path(name).name
    again = {f.input: f.status for f in second.files}
    assert again == {**statuses, "a/un.txt": "skipped", "deux.md": "skipped"}
    report = json.loads(memory.cat_file("/json/run.json"))
    assert report["totals"]["files"] == 3 and memory.exists("/json/run.csv")


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the workers")
def test_batch_dask_worker_killed_mid_file_is_reported_and_the_others_finish(
    cluster: str, tmp_path: Path
) -> None:
    """As the out-of-memory killer would: SIGKILL the worker while its file is being read."""
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    shutil.copyfile(SCAN, src / "a-lent.scan.pdf")
    fast = ["cqp-delegue-veterinaire.txt", "cqpm-technico-commercial-industriel.txt"]
    for name in fast:
        shutil.copyfile(SOURCES / name, src / name)
    killed: dict[int, set[int]] = {}  # the worker → its extraction process(es)

    def kill_the_ocr_worker() -> None:  # the worker whose extraction has started Tesseract
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            for worker in _children(os.getpid()):
                extraction = _children(worker)
                if any(_children(child) for child in extraction):
                    os.kill(worker, signal.SIGKILL)
                    killed[worker] = extraction
                    return
            time.sleep(0.2)

    killer = threading.Thread(target=kill_the_ocr_worker)
    killer.start()
    report = run_batch(src, out, Options(ocr="always"), scheduler=cluster, progress=False)
    killer.join()
    assert killed, "OCR never started"
    files = {f.input: f for f in report.files}
    assert (files["a-lent.scan.pdf"].status, files["a-lent.scan.pdf"].error_status) == (
        "failed",
        "crashed",
    )
    assert "a-lent.scan.pdf" in (files["a-lent.scan.pdf"].error or "")
    assert all(files[name].status in ("ok", "warning") for name in fast)
    assert not (out / "a-lent.scan.pdf.json").exists()
    (extraction,) = killed.values()
    deadline = time.monotonic() + 120  # the extraction died with its worker; OCR pages end
    while any(_group_members(pid) for pid in extraction) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not any(_group_members(pid) for pid in extraction)


def test_batch_local_path_imports_neither_dask_nor_fsspec(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copyfile(SOURCES / "cqp-delegue-veterinaire.txt", src / "a.txt")
    script = (
        "import sys\n"
        "from referentiel.cli import main\n"
        f"code = main(['batch', {str(src)!r}, {str(tmp_path / 'out')!r}, '--jobs', '1', "
        "'--no-nlp', '--no-progress'])\n"
        "print(code, sorted(m for m in ('dask', 'distributed', 'fsspec') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.stdout.split("\n")[0] == "0 []", done.stderr


@pytest.mark.parametrize(
    ("hidden", "flags"),
    [("dask", ["--cluster", "local"]), ("fsspec", [])],
)
def test_batch_without_the_cluster_extra_names_it(
    tmp_path: Path, hidden: str, flags: list[str]
) -> None:
    """Without dask (or fsspec, for a URL), ``batch`` says which extra to install (exit 17)."""
    src = tmp_path / "src"
    src.mkdir()
    shutil.copyfile(SOURCES / "cqp-delegue-veterinaire.txt", src / "a.txt")
    where = src.as_uri() if hidden == "fsspec" else str(src)
    code = (
        f"import sys; sys.modules[{hidden!r}] = None; from referentiel.cli import main;"
        f"sys.exit(main(['batch', {where!r}, {str(tmp_path / 'out')!r}, *{flags!r}]))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert run.returncode == 17, run.stderr
    assert "pip install 'referentiel[cluster]'" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out" / "run.json").exists()
