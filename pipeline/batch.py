"""Batch conversion: every supported file under a folder → one JSON each, in parallel.

Worker processes stay alive between files, so spaCy and the rules load once per
worker. The parent hands out one file at a time, stops a worker that runs over
the per-file timeout (and starts a fresh one), and writes every output itself
(validated, temp file + rename): a killed worker never leaves a partial file.
A run report (``run.json``, ``run.csv``) records what happened to every file.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from . import __version__
from .atomic import write_atomic
from .batch_tree import MAX_NAME_BYTES, discover, locked, output_path, sha256_of, survey
from .errors import ExtractionTimeout, ReferentielError
from .isolate import limit_memory
from .models import Referentiel
from .options import Options
from .output import dumps, write_json

__all__ = [  # the tree helpers are part of this module's interface
    "MAX_NAME_BYTES",
    "BatchReport",
    "FileResult",
    "discover",
    "output_path",
    "run_batch",
    "sha256_of",
    "survey",
    "write_report",
]
REPORT_JSON = "run.json"
REPORT_CSV = "run.csv"


# ---------------------------------------------------------------- the report


@dataclass
class FileResult:
    """What happened to one input file (one row of ``run.csv``)."""

    input: str
    output: str | None
    status: str  # ok | warning | failed | skipped
    error_status: str | None = None  # the error's status: corrupt, encrypted, timeout…
    error: str | None = None
    blocs: int | None = None
    competences: int | None = None
    criteres: int | None = None
    indicateurs: int | None = None
    warnings: int | None = None
    pages: int | None = None
    seconds: float | None = None
    sha256: str | None = None

    @property
    def failed(self) -> bool:
        return self.status == "failed"


COUNTS = ("blocs", "competences", "criteres", "indicateurs", "warnings")


def counts_of(ref: Referentiel) -> dict[str, int | None]:
    """Element counts of one référentiel, as reported per file."""
    competences = sum(len(b.competences) for b in ref.blocs) + len(ref.competences_transversales)
    criteres = [c for b in ref.blocs for c in b.criteres]
    return {
        "blocs": len(ref.blocs),
        "competences": competences,
        "criteres": len(criteres),
        "indicateurs": sum(len(c.indicateurs) for c in criteres),
        "warnings": len(ref.warnings),
        "pages": ref.source.pages,
    }


@dataclass
class BatchReport:
    """The whole run: settings, one :class:`FileResult` per file, totals."""

    src: str
    out: str
    jobs: int
    timeout: float
    force: bool
    started: str
    finished: str = ""
    seconds: float = 0.0
    interrupted: bool = False
    not_run: int = 0
    extractor_version: str = __version__
    files: list[FileResult] = field(default_factory=list)

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.failed]

    def totals(self) -> dict[str, int | float]:
        """Files per status, summed element counts and seconds."""
        totals: dict[str, int | float] = {"files": len(self.files), "not_run": self.not_run}
        for status in ("ok", "warning", "skipped", "failed"):
            totals[status] = sum(f.status == status for f in self.files)
        for name in (*COUNTS, "pages"):
            totals[name] = sum(getattr(f, name) or 0 for f in self.files)
        totals["seconds"] = round(sum(f.seconds or 0.0 for f in self.files), 3)
        return totals

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["totals"] = self.totals()
        return data


def write_report(report: BatchReport, out: Path) -> None:
    """Write ``run.json`` and ``run.csv`` in ``out`` (each via temp file + rename).

    Names that are not UTF-8 are JSON escapes in ``run.json`` (lossless) and
    ``\\xNN`` escapes in ``run.csv`` (readable, valid UTF-8).
    """
    write_atomic(out / REPORT_JSON, dumps(report.to_dict()))
    buffer = io.StringIO()
    journal = Journal(buffer)
    for result in report.files:
        journal.add(result)
    write_atomic(out / REPORT_CSV, buffer.getvalue())


class Journal:
    """``run.csv`` rows written as files finish, so a killed run still leaves its report."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle
        self.writer = csv.DictWriter(
            handle, fieldnames=[f.name for f in fields(FileResult)], lineterminator="\n"
        )
        self.writer.writeheader()

    def add(self, result: FileResult) -> None:
        row = {k: _csv_text(v) for k, v in asdict(result).items()}
        self.writer.writerow(row)
        self.handle.flush()


def _csv_text(value: Any) -> Any:
    """A lone surrogate (a file-name byte that is not UTF-8) as ``\\xNN``."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return value


# ---------------------------------------------------------------- worker processes

# What a worker sends back for one file: ("done", referentiel as a dict) or
# ("error", error status, one-line message).
Outcome = tuple[str, Any, Any]


def _warm_up(options: Options) -> None:
    """Load what every file needs (backends, rules, the spaCy model) before the first file.

    Best effort: a stage that cannot load fails on the first file instead, where
    the error is recorded against that file.
    """
    from .backends import backend_for
    from .formats import Format

    with contextlib.suppress(Exception):
        for kind in Format:
            backend_for(kind)
        from .rules import default_rules

        default_rules()
        if options.use_nlp:
            from .nlp import model

            model()


def extract_one(path: Path, options: Options) -> Outcome:
    """Extract one file, turning every failure into an ``("error", status, message)``."""
    from .api import extract

    try:
        return ("done", extract(path, options).model_dump(mode="json"), None)
    except ReferentielError as err:
        return ("error", err.status, str(err))
    except MemoryError:
        mib = options.limits.max_memory_bytes / 2**20
        return ("error", "too_large", f"{path}: over the {mib:.0f} MiB memory limit")
    except Exception as err:  # a bug in one file's extraction must not stop the batch
        return ("error", "internal_error", f"{path}: {type(err).__name__}: {err}")


def _worker_main(conn: Connection, options: Options, ocr_workers: int) -> None:
    """A worker: warm up once, then extract the paths it is sent until told to stop.

    It leads its own process group, so that stopping it also stops what it
    started (OCR page processes); the parent alone decides when to stop.
    """
    os.setpgid(0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    limit_memory(options.limits.max_memory_bytes)
    os.environ.setdefault("REFERENTIEL_OCR_WORKERS", str(ocr_workers))
    _warm_up(options)
    conn.send(("ready", None, None))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if task is None:
            return
        outcome = extract_one(Path(task), options)
        try:
            conn.send(outcome)
        except OSError:  # the parent is gone
            return


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    task: Path | None = None
    started: float = 0.0


class WorkerPool:
    """Long-lived worker processes, one file at a time each, with a per-file timeout."""

    def __init__(self, jobs: int, options: Options, timeout: float) -> None:
        self.jobs = max(1, jobs)
        self.options = options
        self.timeout = timeout
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []
        self._startup_deaths = 0
        self._ocr_workers = max(1, default_jobs() // self.jobs)  # OCR pages in parallel

    def run(self, paths: Sequence[Path]) -> Iterator[tuple[Path, Outcome, float]]:
        """Yield ``(path, outcome, seconds)`` for every path, in completion order."""
        pending = deque(paths)
        try:
            for _ in range(min(self.jobs, len(pending))):
                self._workers.append(self._spawn())
            while pending or any(w.task is not None for w in self._workers):
                self._dispatch(pending)
                yield from self._collect()
        finally:
            self.close()

    def close(self) -> None:
        """Stop every worker (politely if idle, by force if busy)."""
        for worker in self._workers:
            if worker.task is None and worker.process.is_alive():
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
        for worker in self._workers:
            worker.process.join(timeout=0.5 if worker.task is None else 0)
            self._kill(worker)
        self._workers.clear()

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main, args=(child, self.options, self._ocr_workers)
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def _dispatch(self, pending: deque[Path]) -> None:
        for worker in self._workers:
            if worker.ready and worker.task is None and pending:
                worker.task = pending.popleft()
                worker.started = time.monotonic()
                worker.conn.send(str(worker.task))

    def _collect(self) -> Iterator[tuple[Path, Outcome, float]]:
        busy = [w for w in self._workers if w.task is not None]
        now = time.monotonic()
        wait_for = min((w.started + self.timeout - now for w in busy), default=None)
        handles: list[Any] = [w.conn for w in self._workers]
        handles += [w.process.sentinel for w in self._workers]
        signalled = set(wait(handles, timeout=max(0.0, wait_for) if wait_for is not None else None))
        for index, worker in enumerate(list(self._workers)):
            message = None
            if worker.conn in signalled:
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):  # the worker is exiting: wait for it
                    worker.process.join(timeout=2)
            if message is not None:
                kind, payload, detail = message
                if kind == "ready":
                    worker.ready = True
                    self._startup_deaths = 0
                    continue
                task, worker.task = worker.task, None
                if task is not None:
                    yield task, (kind, payload, detail), time.monotonic() - worker.started
                continue
            if not worker.process.is_alive():
                yield from self._replace(index, worker, self._died(worker))
            elif worker.task is not None and time.monotonic() - worker.started >= self.timeout:
                reason = f"no result after {self.timeout:g} s (worker stopped)"
                timeout = ExtractionTimeout(worker.task, reason)
                yield from self._replace(index, worker, ("error", timeout.status, str(timeout)))

    def _died(self, worker: _Worker) -> Outcome:
        worker.process.join(timeout=1)
        code = worker.process.exitcode
        return ("error", "crashed", f"{worker.task}: worker process died (exit code {code})")

    def _replace(
        self, index: int, worker: _Worker, outcome: Outcome
    ) -> Iterator[tuple[Path, Outcome, float]]:
        self._kill(worker)
        task = worker.task
        if task is None:  # died before or between files
            self._startup_deaths += 1
            if self._startup_deaths > 3 * self.jobs:
                raise ReferentielError("batch", "worker processes keep dying at start-up")
        self._workers[index] = self._spawn()
        if task is not None:
            yield task, outcome, time.monotonic() - worker.started

    @staticmethod
    def _kill(worker: _Worker) -> None:
        """Stop a worker and every process of its group (a worker writes no file)."""
        process = worker.process
        if process.pid is not None:
            try:  # also reaps what a worker that died left behind
                os.killpg(process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):  # no group (yet): the worker alone
                if process.is_alive():
                    process.kill()
            process.join(timeout=5)
        worker.conn.close()


# ---------------------------------------------------------------- the batch


def default_jobs() -> int:
    """How many CPU cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def run_batch(
    src: Path,
    out: Path,
    options: Options | None = None,
    *,
    jobs: int | None = None,
    timeout: float | None = None,
    force: bool = False,
    progress: bool | None = None,
    follow_links: bool = False,
) -> BatchReport:
    """Convert every supported file under ``src`` into ``out``; return (and write) the report.

    ``out`` is locked for the run. ``run.csv`` gets a row as each file finishes;
    ``run.json`` and the sorted ``run.csv`` are written at the end. Raises
    ``KeyboardInterrupt`` after writing the report when interrupted.
    """
    options = options or Options()
    src, out = Path(src), Path(out)
    with locked(out):
        return _run_locked(src, out, options, jobs, timeout, force, progress, follow_links)


def _run_locked(
    src: Path,
    out: Path,
    options: Options,
    jobs: int | None,
    timeout: float | None,
    force: bool,
    progress: bool | None,
    follow_links: bool,
) -> BatchReport:
    jobs = jobs or default_jobs()
    timeout = timeout or options.limits.timeout_seconds
    start = time.monotonic()
    report = BatchReport(
        src=str(src), out=str(out), jobs=jobs, timeout=timeout, force=force, started=_now()
    )
    found = survey(src, out, follow_links)
    inputs = sorted(
        [*found.files, *(path for path, _, _ in found.skipped)],
        key=lambda p: _rel(p, src),
    )
    results: dict[Path, FileResult] = {}
    for path, status, reason in found.skipped:
        results[path] = FileResult(_rel(path, src), None, "skipped", status, f"{path}: {reason}")
    targets: dict[Path, Path] = {}
    claimed: dict[Path, Path] = {}  # output → the input that owns it
    todo = []
    for path in found.files:
        try:
            target = output_path(path.relative_to(src.resolve()), out)
            if target in claimed:
                raise ValueError(f"{path}: same output name as {claimed[target]}")
        except ValueError as err:
            results[path] = FileResult(_rel(path, src), None, "failed", "unsafe_output", str(err))
            continue
        targets[path], claimed[target] = target, path
        done = None if force else _already_done(path, targets[path], src, out)
        if done is not None:
            results[path] = done
        else:
            todo.append(path)
    bar = _progress_bar(len(inputs), len(inputs) - len(todo), progress)
    pool = WorkerPool(min(jobs, len(todo)) or 1, options, timeout)
    interrupted = False
    previous = _stop_on_sigterm()
    try:
        with (out / REPORT_CSV).open("w", encoding="utf-8", newline="") as handle:
            journal = Journal(handle)
            for result in results.values():
                journal.add(result)
            for path, outcome, seconds in pool.run(todo):
                results[path] = _finish(path, targets[path], src, out, outcome, seconds)
                journal.add(results[path])
                bar.update(1)
                bar.set_postfix(failed=sum(r.failed for r in results.values()), refresh=False)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        pool.close()
        bar.close()
        report.files = [results[p] for p in inputs if p in results]
        report.not_run = len(inputs) - len(report.files)
        report.interrupted = interrupted
        report.finished = _now()
        report.seconds = round(time.monotonic() - start, 3)
        write_report(report, out)
    if interrupted:
        raise KeyboardInterrupt
    return report


def _stop_on_sigterm() -> Any:
    """Treat SIGTERM like Ctrl-C (report kept, workers stopped); return the previous handler."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    return signal.signal(signal.SIGTERM, interrupt)


def _already_done(path: Path, target: Path, src: Path, out: Path) -> FileResult | None:
    """A ``skipped`` result when ``target`` is a valid output of these bytes and this version."""
    if not target.is_file():
        return None
    try:
        ref = Referentiel.model_validate_json(target.read_bytes())
    except (OSError, ValueError):
        return None
    digest = sha256_of(path)
    if ref.source.sha256 != digest or ref.source.extractor_version != __version__:
        return None
    result = FileResult(_rel(path, src), _rel(target, out), "skipped", sha256=digest)
    _set_counts(result, ref)
    return result


def _finish(
    path: Path, target: Path, src: Path, out: Path, outcome: Outcome, seconds: float
) -> FileResult:
    """Write a successful file's output; turn the outcome into a :class:`FileResult`."""
    kind, payload, detail = outcome
    result = FileResult(_rel(path, src), None, "failed", seconds=round(seconds, 3))
    if kind == "done":
        try:
            ref = Referentiel.model_validate(payload)
            write_json(ref, target)
        except ReferentielError as err:
            kind, payload, detail = "error", err.status, str(err)
        except ValueError as err:
            kind, payload, detail = "error", "invalid_output", f"{path}: {err}"
        except OSError as err:  # disk full, read-only or unwritable output folder…
            kind, payload, detail = "error", "write_error", f"{target}: cannot write ({err})"
        else:
            result.status = "warning" if ref.warnings else "ok"
            result.output = _rel(target, out)
            result.sha256 = ref.source.sha256
            _set_counts(result, ref)
            return result
    result.error_status, result.error = payload, detail
    _drop_stale(path, target)
    return result


def _set_counts(result: FileResult, ref: Referentiel) -> None:
    for name, value in counts_of(ref).items():
        setattr(result, name, value)


def _drop_stale(path: Path, target: Path) -> None:
    """Remove an earlier output that describes other bytes than the (now failing) input."""
    if not target.is_file():
        return
    try:
        old = json.loads(target.read_bytes())["source"]["sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        old = None
    try:
        current = sha256_of(path)
    except OSError:
        current = None
    if old != current:
        target.unlink(missing_ok=True)


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
