"""Run page jobs in parallel: one process per core, Tesseract single-threaded.

Tesseract's own OpenMP threading is slow on a small shared machine (threads
spin against each other); one single-threaded Tesseract per core, each on its
own page, is several times faster. ``OMP_THREAD_LIMIT=1`` is set in every worker.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from .. import pages_done
from ..isolate import die_with_parent

Job = TypeVar("Job")
Result = TypeVar("Result")


def workers(jobs: int) -> int:
    """How many processes to use for ``jobs`` pages (``REFERENTIEL_OCR_WORKERS`` overrides)."""
    wanted = os.environ.get("REFERENTIEL_OCR_WORKERS")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    count = int(wanted) if wanted and wanted.isdigit() else (cores or 1)
    return max(1, min(count, jobs))


def _init_worker() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    die_with_parent()  # no page process outlives the extraction that started it


def run_parallel(
    function: Callable[[Job], Result],
    jobs: Sequence[Job],
    warm_up: Callable[[], object] | None = None,
) -> list[Result]:
    """``function`` over ``jobs`` in worker processes, results in job order.

    ``warm_up`` runs once in this process before the workers fork, so what it
    loads (the OCR lexicon) is shared rather than loaded again per worker.
    """
    os.environ["OMP_THREAD_LIMIT"] = "1"
    count = workers(len(jobs))
    if warm_up is not None:
        warm_up()
    pages_done.start(len(jobs))
    if count == 1:
        return [_counted(function(job)) for job in jobs]
    with ProcessPoolExecutor(max_workers=count, initializer=_init_worker) as pool:
        return [_counted(result) for result in pool.map(function, jobs)]


def _counted(result: Result) -> Result:
    pages_done.page_read()
    return result
