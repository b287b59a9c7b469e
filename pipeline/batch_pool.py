"""The local executor: long-lived worker processes on this machine, one file at a time each.

Worker processes stay alive between files, so spaCy and the rules load once per
worker. The parent hands out one file at a time, stops a worker that runs over
the per-file timeout (and starts a fresh one), and writes every output itself
(validated, in one step): a killed worker never leaves a partial file.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from types import TracebackType
from typing import Any

from .batch_report import FileResult
from .batch_task import Outcome, Task, extract_at, finish, up_to_date, warm_up
from .errors import ExtractionTimeout, ReferentielError
from .isolate import limit_memory
from .options import Options


class LocalExecutor:
    """Runs a batch's tasks in a :class:`WorkerPool`; resume is decided here, in the parent."""

    scheduler: str | None = None

    def __init__(self, jobs: int, options: Options, timeout: float) -> None:
        self.jobs = jobs
        self.options = options
        self.timeout = timeout
        self._pool: WorkerPool | None = None

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        if self._pool is not None:
            self._pool.close()

    def run(self, tasks: Sequence[Task], force: bool) -> Iterator[FileResult]:
        """Every task's report row, in completion order (up-to-date files first)."""
        todo: dict[str, Task] = {}
        for task in tasks:
            done = None if force else up_to_date(task)
            if done is not None:
                yield done
            else:
                todo[task.source] = task
        self._pool = WorkerPool(min(self.jobs, len(todo)) or 1, self.options, self.timeout)
        for source, outcome, seconds in self._pool.run(list(todo)):
            yield finish(todo[source], outcome, seconds)


def _worker_main(conn: Connection, options: Options, ocr_workers: int) -> None:
    """A worker: warm up once, then extract the files it is sent until told to stop.

    It leads its own process group, so that stopping it also stops what it
    started (OCR page processes); the parent alone decides when to stop.
    """
    os.setpgid(0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    limit_memory(options.limits.max_memory_bytes)
    os.environ.setdefault("REFERENTIEL_OCR_WORKERS", str(ocr_workers))
    warm_up(options)
    conn.send(("ready", None, None))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if task is None:
            return
        outcome = extract_at(task, options)
        try:
            conn.send(outcome)
        except OSError:  # the parent is gone
            return


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    task: str | None = None
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

    def run(self, sources: Sequence[str]) -> Iterator[tuple[str, Outcome, float]]:
        """Yield ``(source, outcome, seconds)`` for every path or URL, in completion order."""
        pending = deque(sources)
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

    def _dispatch(self, pending: deque[str]) -> None:
        for worker in self._workers:
            if worker.ready and worker.task is None and pending:
                worker.task = pending.popleft()
                worker.started = time.monotonic()
                worker.conn.send(worker.task)

    def _collect(self) -> Iterator[tuple[str, Outcome, float]]:
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
    ) -> Iterator[tuple[str, Outcome, float]]:
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


def default_jobs() -> int:
    """How many CPU cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
