"""One file in, one validated JSON out: the pieces every batch executor runs.

- :func:`up_to_date` — resume: the output already describes these bytes, by this
  extractor version;
- :func:`extract_at` — read the input (a path or a URL) and extract it, every
  failure turned into an :data:`Outcome`;
- :func:`finish` — validate and write the output in one step, and give the
  file's report row (a failed file loses a stale output);
- :func:`convert` — the three in a row, the extraction in a child process bounded
  by the time and memory limits: the task a Dask worker runs.

The local pool runs :func:`extract_at` in its worker processes and the other two
in the parent.
"""

from __future__ import annotations

import contextlib
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__
from .batch_report import FileResult
from .errors import ReferentielError
from .isolate import run_limited
from .models import Referentiel
from .options import Options
from .output import to_json, write_json
from .quiet import quiet_parsers
from .storage import is_url, local_copy, read_bytes, remove, sha256_at, write_bytes

# What extracting one file gives: ("done", referentiel as a dict, None) or
# ("error", error status, one-line message naming the file).
Outcome = tuple[str, Any, Any]


@dataclass(frozen=True)
class Task:
    """One input: where it is read from and written to, and its names in the report."""

    source: str  # local path or URL of the input
    target: str  # local path or URL of its JSON
    input: str  # the input's name relative to SRC
    output: str  # the output's name relative to OUT


def warm_up(options: Options, language_model: bool = False) -> None:
    """Load what every file needs (backends, rules) before the first file, and the
    spaCy model too when ``language_model`` is set (and ``options`` use it).

    A worker that extracts in its own process leaves the model out: it costs
    seconds and hundreds of MiB, and the first document that needs it loads it
    (most never do). A worker that forks a child per file sets it, so that the
    children inherit the model instead of each loading it. Best effort: a stage
    that cannot load fails on the first file instead, where the error is
    recorded against that file.
    """
    from .backends import backend_for
    from .formats import Format

    quiet_parsers()  # a spawned worker does not inherit the command's logging settings
    with contextlib.suppress(Exception):
        for kind in Format:
            backend_for(kind)
        from .rules import default_rules

        default_rules()
        if language_model and options.use_nlp:
            from .nlp import model

            model()


def extract_one(path: Path, options: Options) -> Outcome:
    """Extract one local file, turning every failure into an ``("error", status, message)``."""
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


def extract_isolated(path: Path, options: Options) -> Outcome:
    """:func:`extract_one` in a child process stopped after ``options.limits``."""
    try:
        outcome: Outcome = run_limited(extract_one, path, options, options.limits)
    except ReferentielError as err:  # stopped after the time limit, or died
        return ("error", err.status, str(err))
    return outcome


def extract_at(location: str, options: Options, extract: Any = extract_one) -> Outcome:
    """Extract the file at a path or URL (copied here first); messages name ``location``."""
    try:
        with local_copy(location) as path:
            kind, payload, detail = extract(path, options)
    except OSError as err:
        return ("error", "unreadable", f"{location}: cannot read ({err})")
    if kind == "error" and str(path) != location:
        detail = detail.replace(str(path), location)
    return (kind, payload, detail)


def convert(task: Task, options: Options, force: bool = False) -> FileResult:
    """The whole task for one file, limits included; never raises for a bad file."""
    start = time.monotonic()
    done = None if force else up_to_date(task)
    if done is not None:
        return done
    outcome = extract_at(task.source, options, extract_isolated)
    return finish(task, outcome, time.monotonic() - start)


def up_to_date(task: Task) -> FileResult | None:
    """A ``skipped`` result when the target is a valid output of these bytes and this version."""
    if not is_url(task.target) and not Path(task.target).is_file():
        return None
    try:
        ref = Referentiel.model_validate_json(read_bytes(task.target))
        digest = sha256_at(task.source)
    except (OSError, ValueError):
        return None
    if ref.source.sha256 != digest or ref.source.extractor_version != __version__:
        return None
    result = FileResult(task.input, task.output, "skipped", sha256=digest)
    result.count(ref)
    return result


def finish(task: Task, outcome: Outcome, seconds: float | None) -> FileResult:
    """Write a successful file's output; turn the outcome into a :class:`FileResult`."""
    kind, payload, detail = outcome
    rounded = None if seconds is None else round(seconds, 3)
    result = FileResult(task.input, None, "failed", seconds=rounded)
    if kind == "done":
        try:
            ref = Referentiel.model_validate(payload)
            _write(ref, task.target)
        except ReferentielError as err:
            kind, payload, detail = "error", err.status, str(err)
        except ValueError as err:
            kind, payload, detail = "error", "invalid_output", f"{task.source}: {err}"
        except OSError as err:  # disk full, read-only or unwritable output folder…
            kind, payload, detail = "error", "write_error", f"{task.target}: cannot write ({err})"
        else:
            result.status = "warning" if ref.warnings else "ok"
            result.output = task.output
            result.sha256 = ref.source.sha256
            result.count(ref)
            return result
    result.error_status, result.error = payload, detail
    _drop_stale(task)
    return result


def _write(ref: Referentiel, target: str) -> None:
    """Validate and write: a local file through :func:`write_json`, a URL in one request."""
    if is_url(target):
        write_bytes(target, to_json(ref).encode("utf-8", "backslashreplace"))
    else:
        write_json(ref, target)


def _drop_stale(task: Task) -> None:
    """Remove an earlier output that describes other bytes than the (now failing) input."""
    if not is_url(task.target) and not Path(task.target).is_file():
        return
    try:
        old = json.loads(read_bytes(task.target))["source"]["sha256"]
    except FileNotFoundError:
        return
    except (OSError, ValueError, KeyError, TypeError):
        old = None
    try:
        current = sha256_at(task.source)
    except OSError:
        current = None
    if old != current:
        with contextlib.suppress(OSError):
            remove(task.target)
