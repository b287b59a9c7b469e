"""The Dask executor: a batch's files as tasks on a Dask distributed cluster.

Each file is one task, :func:`~.batch_task.convert`: read the input (a path the
workers see, or any fsspec URL), extract it in a child process bounded by the
time and memory limits, write the validated JSON, return the report row. Dask
does the rest — scheduling, the dashboard, and workers that come and go.

- Warm workers: :class:`WarmUp` loads the backends, the rules and spaCy once per
  worker; each file's child process is forked from that warm state.
- A task never raises for a bad file: it returns a failed row.
- A worker that dies takes its file with it: Dask runs the task again on another
  worker up to ``distributed.scheduler.allowed-failures`` times (safe: the task
  writes one whole output or none), then the file is reported ``crashed``.
- Workers must not be daemonic processes (a daemonic process cannot start the
  child): ``DASK_DISTRIBUTED__WORKER__DAEMON=False``; :func:`local_cluster` sets it.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import multiprocessing
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

import dask
from distributed import Client, Future, KilledWorker, LocalCluster, WorkerPlugin, as_completed

from .batch_pool import default_jobs
from .batch_report import FileResult
from .batch_task import Task, convert, finish, warm_up
from .errors import ClusterError
from .options import Options

LOCAL = "local"  # the address that asks for a LocalCluster on this machine
SETTINGS = {
    "distributed.worker.daemon": False,  # a worker starts one child process per file
    "distributed.scheduler.worker-saturation": 1.0,  # one file sent per worker thread
}


class WarmUp(WorkerPlugin):
    """Load what every file needs once, when a worker joins."""

    name = "referentiel-warm-up"

    def __init__(self, options: Options) -> None:
        self.options = options

    async def setup(self, worker: Any) -> None:
        await asyncio.to_thread(warm_up, self.options, True)  # the worker answers meanwhile


@contextlib.contextmanager
def local_cluster(workers: int) -> Iterator[LocalCluster]:
    """``workers`` single-threaded worker processes on this machine, set up for a batch."""
    ocr = max(1, default_jobs() // workers)  # OCR page processes per file
    with (
        dask.config.set(SETTINGS),
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            env={"REFERENTIEL_OCR_WORKERS": str(ocr)},
        ) as cluster,
    ):
        yield cluster


class DaskExecutor:
    """Runs a batch's tasks on the cluster at ``address`` (``"local"``: a LocalCluster)."""

    def __init__(self, address: str, workers: int, options: Options) -> None:
        self.address = address
        self.workers = workers
        self.options = options
        self.jobs = 0
        self.scheduler: str | None = None
        self._stack = contextlib.ExitStack()
        self._client: Client | None = None

    def __enter__(self) -> DaskExecutor:
        try:
            self._connect()
        except BaseException:
            self._stack.close()
            raise
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stack.close()

    def _connect(self) -> None:
        address = self.address
        if address == LOCAL:
            address = self._stack.enter_context(local_cluster(self.workers)).scheduler_address
        try:
            client = self._stack.enter_context(Client(address, set_as_default=False))
        except OSError as err:
            raise ClusterError(f"{address}: cannot reach the Dask scheduler ({err})") from err
        daemonic = sorted(w for w, flag in client.run(_daemonic).items() if flag)
        if daemonic:
            raise ClusterError(
                f"{', '.join(daemonic)}: daemonic Dask workers cannot start a process per "
                "file; start them with DASK_DISTRIBUTED__WORKER__DAEMON=False"
            )
        client.register_plugin(WarmUp(self.options))
        self._client = client
        self.scheduler = client.scheduler.address
        self.jobs = sum(client.nthreads().values())

    def run(self, tasks: Sequence[Task], force: bool) -> Iterator[FileResult]:
        """Every task's report row, in completion order. No more files are sent than the
        cluster has threads: a file never waits on a worker behind another, so a worker
        that dies takes only the file it was converting."""
        assert self._client is not None, "use the executor as a context manager"
        client, waiting = self._client, iter(tasks)
        task_of: dict[Future, Task] = {}

        def send(task: Task) -> Future:
            key = f"referentiel-{uuid.uuid4().hex}"
            future = client.submit(
                convert, task, options=self.options, force=force, pure=False, key=key
            )
            task_of[future] = task
            return future

        running = as_completed(
            [send(task) for task in itertools.islice(waiting, max(1, self.jobs))],
            loop=client.loop,
        )
        try:
            for future in running:
                yield _row(future, task_of.pop(future))
                following = next(waiting, None)
                if following is not None:
                    running.add(send(following))
        finally:
            client.cancel(list(task_of))


def _row(future: Future, task: Task) -> FileResult:
    """The task's own row, or a failed row when its worker died or Dask gave up on it."""
    if future.status == "finished":
        result: FileResult = future.result()
        return result
    err = future.exception() if future.status == "error" else None
    if isinstance(err, KilledWorker):
        tries = err.allowed_failures + 1
        reason = f"worker process died ({tries} attempt{'s' * (tries > 1)})"
        outcome = ("error", "crashed", f"{task.source}: {reason}")
    else:
        what = f"{type(err).__name__}: {err}" if err else f"task {future.status}"
        outcome = ("error", "internal_error", f"{task.source}: {what}")
    return finish(task, outcome, None)


def _daemonic() -> bool:
    return multiprocessing.current_process().daemon
