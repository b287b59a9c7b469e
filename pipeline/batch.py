"""Batch conversion: every supported file under a folder (or URL) → one JSON each, in parallel.

One engine, two executors: local worker processes (:mod:`.batch_pool`, the default)
or a Dask cluster (:mod:`.batch_dask`, ``scheduler=``). Both run the same task
(:mod:`.batch_task`: one file in, one validated JSON out, skipped when its output is
up to date). The engine lists the inputs, names their outputs, holds OUT_DIR, and
writes the run report (``run.json``, ``run.csv``) that accounts for every input.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from .batch_pool import LocalExecutor, default_jobs
from .batch_report import REPORT_CSV, REPORT_JSON, BatchReport, FileResult, Journal, write_report
from .batch_task import Task
from .batch_tree import (
    MAX_NAME_BYTES,
    discover,
    locked,
    output_parts,
    output_path,
    sha256_of,
    survey,
)
from .options import Options
from .storage import is_url, join, list_tree

__all__ = [  # the report and tree helpers are part of this module's interface
    "MAX_NAME_BYTES",
    "REPORT_CSV",
    "REPORT_JSON",
    "BatchReport",
    "FileResult",
    "default_jobs",
    "discover",
    "output_path",
    "plan",
    "run_batch",
    "sha256_of",
    "survey",
    "write_report",
]
LOCAL_CLUSTER = "local"  # scheduler= value asking for a Dask LocalCluster


class Executor(Protocol):
    """Runs tasks somewhere and gives back every task's report row, in completion order."""

    jobs: int
    scheduler: str | None

    def __enter__(self) -> Executor: ...

    def __exit__(self, *exc: Any) -> None: ...

    def run(self, tasks: Sequence[Task], force: bool) -> Iterator[FileResult]: ...


def run_batch(
    src: str | Path,
    out: str | Path,
    options: Options | None = None,
    *,
    jobs: int | None = None,
    timeout: float | None = None,
    force: bool = False,
    progress: bool | None = None,
    follow_links: bool = False,
    scheduler: str | None = None,
) -> BatchReport:
    """Convert every supported file under ``src`` into ``out``; return (and write) the report.

    ``src`` and ``out`` are folders or fsspec URLs (``s3://bucket/refs``). A local
    ``out`` is locked for the run and ``run.csv`` gets a row as each file finishes;
    ``run.json`` and the sorted ``run.csv`` are written at the end. ``scheduler``
    is a Dask scheduler's address, or ``"local"`` for a LocalCluster of ``jobs``
    worker processes; None runs ``jobs`` local worker processes. Raises
    ``KeyboardInterrupt`` after writing the report when interrupted.
    """
    options = options or Options()
    timeout = timeout or options.limits.timeout_seconds
    options = replace(options, limits=replace(options.limits, timeout_seconds=timeout))
    hold = contextlib.nullcontext() if is_url(str(out)) else locked(Path(out))
    with hold:
        return _run_locked(
            src, out, options, jobs, timeout, force, progress, follow_links, scheduler
        )


def plan(
    src: str | Path, out: str | Path, follow_links: bool = False
) -> tuple[list[str], dict[str, FileResult], list[Task]]:
    """What a batch of ``src`` into ``out`` does: every input's name (sorted), the rows
    decided without extracting (entries not read, unsafe output names), the tasks."""
    decided: dict[str, FileResult] = {}
    if is_url(str(src)):
        entries = list_tree(str(src), str(out) if is_url(str(out)) else None)
    else:
        root = Path(src)
        found = survey(root, None if is_url(str(out)) else Path(out), follow_links)
        entries = [(str(path), _rel(path, root)) for path in found.files]
        for path, status, reason in found.skipped:
            name = _rel(path, root)
            decided[name] = FileResult(name, None, "skipped", status, f"{path}: {reason}")
    tasks: list[Task] = []
    claimed: dict[str, str] = {}  # output → the input that owns it
    for source, name in entries:
        try:
            target, output = _target(name, out)
            if target in claimed:
                raise ValueError(f"{source}: same output name as {claimed[target]}")
        except ValueError as err:
            decided[name] = FileResult(name, None, "failed", "unsafe_output", str(err))
            continue
        claimed[target] = source
        tasks.append(Task(source, target, name, output))
    return sorted({*decided, *(task.input for task in tasks)}), decided, tasks


def _target(name: str, out: str | Path) -> tuple[str, str]:
    """Where the output of the input ``name`` goes, and its name inside ``out``."""
    if is_url(str(out)):
        parts = output_parts(name)
        return join(str(out), *parts), "/".join(parts)
    folder = Path(out).absolute()
    target = output_path(name, folder)
    return str(target), _rel(target, folder)


def _run_locked(
    src: str | Path,
    out: str | Path,
    options: Options,
    jobs: int | None,
    timeout: float,
    force: bool,
    progress: bool | None,
    follow_links: bool,
    scheduler: str | None,
) -> BatchReport:
    start = time.monotonic()
    report = BatchReport(
        src=str(src), out=str(out), jobs=jobs or 0, timeout=timeout, force=force, started=_now()
    )
    inputs, results, tasks = plan(src, out, follow_links)
    executor = _executor(scheduler, jobs, options, timeout)
    bar = _progress_bar(len(inputs), len(results), progress)
    interrupted = False
    previous = _stop_on_sigterm()
    try:
        with executor, _journal(out) as journal:
            report.jobs, report.scheduler = executor.jobs, executor.scheduler
            for result in results.values():
                journal.add(result)
            for result in executor.run(tasks, force):
                results[result.input] = result
                journal.add(result)
                bar.update(1)
                bar.set_postfix(failed=sum(r.failed for r in results.values()), refresh=False)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        bar.close()
        report.files = [results[name] for name in inputs if name in results]
        report.not_run = len(inputs) - len(report.files)
        report.interrupted = interrupted
        report.finished = _now()
        report.seconds = round(time.monotonic() - start, 3)
        write_report(report, out)
    if interrupted:
        raise KeyboardInterrupt
    return report


def _executor(
    scheduler: str | None, jobs: int | None, options: Options, timeout: float
) -> Executor:
    """Local worker processes, or the Dask cluster at ``scheduler`` (``"local"``: started here)."""
    if scheduler is None:
        return LocalExecutor(jobs or default_jobs(), options, timeout)
    from .batch_dask import DaskExecutor  # without the cluster extra, the CLI names it

    return DaskExecutor(scheduler, jobs or default_jobs(), options)


@contextlib.contextmanager
def _journal(out: str | Path) -> Iterator[Journal]:
    """``run.csv`` journaled in a local OUT_DIR; kept in memory for a URL (written at the end)."""
    if is_url(str(out)):
        yield Journal(io.StringIO())
        return
    with (Path(out) / REPORT_CSV).open("w", encoding="utf-8", newline="") as handle:
        yield Journal(handle)


def _stop_on_sigterm() -> Any:
    """Treat SIGTERM like Ctrl-C (report kept, workers stopped); return the previous handler."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    return signal.signal(signal.SIGTERM, interrupt)


def _progress_bar(total: int, initial: int, enabled: bool | None) -> Any:
    from tqdm import tqdm

    if enabled is None:
        enabled = sys.stderr.isatty()
    return tqdm(
        total=total,
        initial=initial,
        unit="file",
        file=sys.stderr,
        disable=not enabled,
        dynamic_ncols=True,
        desc="referentiel",
    )


def _rel(path: Path, root: Path) -> str:
    """``path`` relative to ``root``; a link's own place, not where it points."""
    base = Path(os.path.realpath(root))
    for here in (path.absolute(), Path(os.path.realpath(path))):  # realpath: loops too
        if here.is_relative_to(base):
            return here.relative_to(base).as_posix()
    return path.as_posix()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
