"""Run one extraction in a child process under a time limit and a memory ceiling.

The child leads its own process group (so OCR processes it starts are stopped
with it) and caps its address space with ``RLIMIT_AS``: a file that would take
the machine's memory fails in the child with a ``MemoryError`` (or the child
dies) instead. The parent waits at most ``timeout_seconds`` for the result,
then stops the whole group. Every outcome is a result or a
:class:`~referentiel.errors.ReferentielError` naming the file.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import resource
import signal
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from .errors import ExtractionTimeout, LimitExceeded, ReferentielError, rebuild
from .options import Limits, Options

_PR_SET_PDEATHSIG = 1  # prctl option (linux/prctl.h)


def limit_memory(max_bytes: int) -> None:
    """Cap this process's address space (inherited by the processes it starts)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        max_bytes = min(max_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (max_bytes, hard))


def die_with_parent() -> None:
    """Have Linux kill this process when its parent dies (a batch worker killed mid-file
    leaves no extraction running on); nothing elsewhere."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def extract_limited(
    path: str | Path,
    options: Options | None = None,
    on_wait: Callable[[float], None] | None = None,
) -> Any:
    """:func:`referentiel.api.extract` in a child process bounded by ``options.limits``;
    ``on_wait(seconds)`` is called about every second while it runs (progress)."""
    from .api import extract

    options = options or Options()
    return run_limited(extract, Path(path), options, options.limits, on_wait)


def run_limited(
    work: Callable[[Path, Options], Any],
    path: Path,
    options: Options,
    limits: Limits,
    on_wait: Callable[[float], None] | None = None,
) -> Any:
    """``work(path, options)`` in a child process; its result, or its error raised here."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, work, path, options, limits))
    child.start()
    sender.close()
    try:
        if not _wait(receiver, limits.timeout_seconds, on_wait):
            raise ExtractionTimeout(
                path, f"no result after {limits.timeout_seconds:g} s (--timeout); stopped"
            )
        try:
            kind, *payload = receiver.recv()
        except EOFError:
            raise _died(child, path, limits) from None
    finally:
        _stop(child)
        receiver.close()
    if kind == "error":
        raise rebuild(*payload)
    return payload[0]


def _wait(receiver: Connection, timeout: float, on_wait: Callable[[float], None] | None) -> bool:
    """Whether a result arrived within ``timeout`` seconds, calling ``on_wait`` each second."""
    if on_wait is None:
        return receiver.poll(timeout)
    started = time.monotonic()
    while (left := timeout - (time.monotonic() - started)) > 0:
        if receiver.poll(min(1.0, left)):
            return True
        on_wait(time.monotonic() - started)
    return False


def _child(
    conn: Connection,
    work: Callable[[Path, Options], Any],
    path: Path,
    options: Options,
    limits: Limits,
) -> None:
    os.setpgid(0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    die_with_parent()
    limit_memory(limits.max_memory_bytes)
    try:
        message: tuple[Any, ...] = ("done", work(path, options))
    except ReferentielError as err:
        message = ("error", type(err).__name__, err.path, err.reason)
    except MemoryError:
        message = ("error", "LimitExceeded", str(path), _memory_reason(limits))
    except Exception as err:  # a bug: still reported against the file
        message = ("error", "ReferentielError", str(path), f"internal error ({err!r})")
    try:
        conn.send(message)
    except MemoryError:
        conn.send(("error", "LimitExceeded", str(path), _memory_reason(limits)))
    conn.close()


def _died(child: Any, path: Path, limits: Limits) -> ReferentielError:
    child.join(timeout=5)
    code = child.exitcode
    how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
    return LimitExceeded(path, f"extraction process died ({how}); {_memory_reason(limits)}?")


def _memory_reason(limits: Limits) -> str:
    mib = limits.max_memory_bytes / 2**20
    return f"over the {mib:.0f} MiB memory limit (--max-memory-mb)"


def _stop(child: Any) -> None:
    """Stop the child and every process of its group."""
    if child.pid is not None:
        try:
            os.killpg(child.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):  # no group yet: the child alone
            child.kill()
    child.join(timeout=5)
