"""Unlabelled sweep: how the extractor fares on a folder of référentiels nobody labelled.

    .venv/bin/python bench/sweep.py FOLDER [--jobs N] [--timeout S] [--json ROWS.json]
                                           [--out DIR]

Every file under FOLDER that the batch would take (:func:`referentiel.batch_tree.discover`)
is read and segmented by the project's own API (``parse`` then ``segment``, what
``extract`` does) in a child process bounded like a batch file
(:func:`referentiel.isolate.run_limited`). No reference is needed and nothing
leaves the machine. The script prints, as Markdown, one row per document:

* outcome — ``ok``; ``refused`` (:class:`NotAReferentiel`: no bloc, no compétence);
  ``crash`` (an internal error: a bug); ``timeout``; ``error`` (any other
  refusal of the input: corrupt, encrypted, too large…);
* blocs, compétences, critères;
* ``low`` — a ``LOW_CONFIDENCE_STRUCTURE`` warning was raised;
* unplaced — the share of the document's text (characters of its blocks, table
  cells included) that ``UNPLACED_TEXT`` warnings name;
* seconds (parse + segment, in the child; the rules and the language model are
  loaded once, before the children are forked, as a batch worker does);

then the totals the lead compares between two runs: refused, errors (crash,
timeout, error), low-confidence, mean unplaced share, mean time. ``--out`` keeps
each document's JSON (``DIR/NAME.json``) to read the worst ones by eye.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import Any

from referentiel.api import parse
from referentiel.batch_task import warm_up
from referentiel.batch_tree import discover
from referentiel.docmodel import Document, Kind
from referentiel.errors import ExtractionTimeout, NotAReferentiel, ReferentielError
from referentiel.isolate import run_limited
from referentiel.models import Referentiel
from referentiel.options import Limits, Options
from referentiel.output import to_json
from referentiel.refusal import refusal

_QUOTED = re.compile(r"text not attributed: (['\"])(.*)\1$", re.S)


@dataclass
class Row:
    """What one document gave."""

    name: str
    outcome: str  # ok | refused | crash | timeout | error
    reason: str = ""
    blocs: int = 0
    competences: int = 0
    criteres: int = 0
    low_confidence: bool = False
    unplaced: float = 0.0  # share of the document's characters
    seconds: float = 0.0


def measure(path: Path, options: Options, out: Path | None = None) -> dict[str, Any]:
    """Read and segment one file (in the child process); its figures. With ``out``,
    its JSON is written to ``out/NAME.json``."""
    from referentiel.segment import segment

    started = time.monotonic()
    document = parse(path, options)
    referentiel = segment(document, options)
    seconds = time.monotonic() - started
    reason = refusal(referentiel, document, options.use_nlp)
    if reason is not None:
        raise NotAReferentiel(path, reason)
    if out is not None:
        (out / f"{path.name}.json").write_text(to_json(referentiel), encoding="utf-8")
    return {
        "blocs": len(referentiel.blocs),
        "competences": sum(len(b.competences) for b in referentiel.blocs)
        + len(referentiel.competences_transversales),
        "criteres": sum(len(b.criteres) for b in referentiel.blocs),
        "low_confidence": any(w.code == "LOW_CONFIDENCE_STRUCTURE" for w in referentiel.warnings),
        "unplaced": unplaced_share(document, referentiel),
        "seconds": seconds,
    }


def unplaced_share(document: Document, referentiel: Referentiel) -> float:
    """Characters of the units ``UNPLACED_TEXT`` names over the document's characters.

    A warning quotes its unit's first 80 characters with its page and line; the
    unit is the block (or table cell) of that page and line starting so, else
    the quoted part alone counts.
    """
    texts = [b for b in document.walk() if b.kind is not Kind.TABLE and b.text.strip()]
    total = sum(len(b.text) for b in texts)
    cells = [c.text for t in document.walk() for r in t.rows for c in r.cells]
    unplaced = 0
    for warning in referentiel.warnings:
        found = _QUOTED.match(warning.message) if warning.code == "UNPLACED_TEXT" else None
        if not found:
            continue
        quoted = found.group(2)
        where = warning.provenance
        page, line = (where.page, where.line) if where else (None, None)
        same = [b.text for b in texts if b.page == page and b.line == line]
        full = next((t for t in same + cells if t.startswith(quoted)), quoted)
        unplaced += len(full)
    return min(1.0, unplaced / total) if total else 0.0


def run_one(path: Path, root: Path, options: Options, out: Path | None) -> Row:
    """One document's row; every failure becomes its outcome."""
    name = str(path.relative_to(root))
    try:
        work = partial(measure, out=out)
        figures = run_limited(work, path, options, options.limits)
    except NotAReferentiel as err:
        return Row(name, "refused", err.reason)
    except ExtractionTimeout as err:
        return Row(name, "timeout", err.reason)
    except ReferentielError as err:
        outcome = "crash" if err.reason.startswith("internal error") else "error"
        return Row(name, outcome, err.reason)
    return Row(name, "ok", **figures)


def sweep(folder: Path, jobs: int, timeout: float, out: Path | None = None) -> list[Row]:
    """A row per supported file under ``folder``, in name order."""
    options = Options(limits=Limits(timeout_seconds=timeout))
    files = sorted(discover(folder))
    warm_up(options, language_model=True)  # the children inherit the rules and the model
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(lambda p: _told(run_one(p, folder, options, out)), files))


def _told(row: Row) -> Row:
    """Say on standard error that a document is done (a long sweep shows its progress)."""
    print(f"{row.outcome:8} {row.seconds:7.1f} s  {row.name}", file=sys.stderr, flush=True)
    return row


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def table(rows: list[Row]) -> str:
    """The per-document table and the totals, as Markdown."""
    lines = [
        "| document | outcome | blocs | compétences | critères | low | unplaced | s |",
        "|---|---|---:|---:|---:|---|---:|---:|",
    ]
    for r in rows:
        outcome = r.outcome if r.outcome == "ok" else f"{r.outcome}: {r.reason[:60]}"
        lines.append(
            f"| {r.name} | {outcome} | {r.blocs} | {r.competences} | {r.criteres} "
            f"| {'yes' if r.low_confidence else ''} | {r.unplaced:.0%} | {r.seconds:.1f} |"
        )
    ok = [r for r in rows if r.outcome == "ok"]
    errors = sum(r.outcome in ("crash", "timeout", "error") for r in rows)
    lines += [
        "",
        "| documents | refused | errors (crash/timeout/error) | low-confidence "
        "| mean unplaced | mean s |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {len(rows)} | {sum(r.outcome == 'refused' for r in rows)} | {errors} "
        f"({sum(r.outcome == 'crash' for r in rows)}/{sum(r.outcome == 'timeout' for r in rows)}"
        f"/{sum(r.outcome == 'error' for r in rows)}) | {sum(r.low_confidence for r in ok)} "
        f"| {_mean([r.unplaced for r in ok]):.1%} | {_mean([r.seconds for r in ok]):.1f} |",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--jobs", type=int, default=2, help="documents at once (default 2)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per document")
    parser.add_argument("--json", type=Path, help="also write the rows to this JSON file")
    parser.add_argument("--out", type=Path, help="keep each document's JSON in this folder")
    args = parser.parse_args()
    rows = sweep(args.folder.resolve(), args.jobs, args.timeout, args.out)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=1))
    print(table(rows))


if __name__ == "__main__":
    main()
