"""The run report of a batch: one :class:`FileResult` per input, totals, ``run.json`` and
``run.csv`` (journaled as files finish, rewritten sorted at the end)."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from . import __version__
from .models import Referentiel
from .output import dumps
from .storage import join, write_bytes

REPORT_JSON = "run.json"
REPORT_CSV = "run.csv"
COUNTS = ("blocs", "competences", "criteres", "indicateurs", "warnings")


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

    def count(self, ref: Referentiel) -> None:
        """Set the element counts of the référentiel this file gave."""
        for name, value in counts_of(ref).items():
            setattr(self, name, value)


def counts_of(ref: Referentiel) -> dict[str, int | None]:
    """Element counts of one référentiel, as reported per file."""
    criteres = [c for b in ref.blocs for c in b.criteres]
    return {
        "blocs": len(ref.blocs),
        "competences": len(ref.all_competences()),
        "criteres": len(criteres),
        "indicateurs": sum(len(c.indicateurs) for c in criteres),
        "warnings": len(ref.warnings),
        "pages": ref.source.pages,
    }


@dataclass
class BatchReport:
    """The whole run: settings, one :class:`FileResult` per file, totals.

    ``scheduler`` is the Dask scheduler's address (None: local worker processes).
    """

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
    scheduler: str | None = None
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


def write_report(report: BatchReport, out: str | Path) -> None:
    """Write ``run.json`` and ``run.csv`` in ``out``, a folder or URL (each in one step).

    Names that are not UTF-8 are JSON escapes in ``run.json`` (lossless) and
    ``\\xNN`` escapes in ``run.csv`` (readable, valid UTF-8).
    """
    buffer = io.StringIO()
    journal = Journal(buffer)
    for result in report.files:
        journal.add(result)
    for name, text in ((REPORT_JSON, dumps(report.to_dict())), (REPORT_CSV, buffer.getvalue())):
        write_bytes(join(str(out), name), text.encode("utf-8", "backslashreplace"))


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
