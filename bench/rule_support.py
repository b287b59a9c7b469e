"""Rule support: on how many real documents each rule of ``rules/*.yaml`` fires.

    .venv/bin/python bench/rule_support.py [--jobs 2] [--synthetic] [--json OUT.json]

The project's policy: a cue needs a family convention or at least two documents
behind it. This measures the second half. Every real document of the ledger
(:func:`ledger.documents`), the Québec fiches met by the sweep
(``tests/data/quebec``) and the bundled samples (``sources/``, with the raw OCR
text of their scans in ``tests/data/ocr_raw``) are extracted
with the rule set recording (:meth:`referentiel.rules.RuleSet.recording`): a rule
FIRED on a document when, while that document was extracted, the rule set
answered one of the extractor's questions with it (the hit of ``first``, a hit
of ``hits`` the caller took, the rule of ``closest``). A rule that matches a text
nobody asked about, or that an earlier rule of its label shadows, did not fire.

A document is a file name without its extensions: the forms of one document
(``NAME.docx``, ``NAME.pdf``, ``NAME.scan.pdf``…) count once. Rules whose label
``labelled()`` handed to a caller that matches them itself (``link-code``,
separators…) are marked: their support is a lower bound. ``--synthetic`` also
extracts the team-written test documents (``tests/data/*`` but the real ones)
and counts them apart, to tell a rule only the synthetic tests exercise from a
dead one. A refused document (``ReferentielError``) counts what fired before
the refusal.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypedDict

from ledger import ROOT, documents
from referentiel.api import extract
from referentiel.errors import ReferentielError
from referentiel.rules import default_rules, load_file, rules_dir

DATA = ROOT / "tests" / "data"
_NOT_DOCUMENTS = (".json", ".md5", ".py")


class Run(TypedDict):
    """One file's extraction: the rules that fired, the labels handed out."""

    file: str
    fired: list[str]
    handed: list[str]
    refused: str | None  # the ReferentielError's message
    seconds: float


def _files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix not in _NOT_DOCUMENTS and p.name != "README.md"
    )


def real_files() -> list[Path]:
    """The real documents: the ledger's, the Québec fiches, the bundled samples and
    the raw OCR text of the samples' scans (``tests/data/ocr_raw``: the same documents)."""
    samples = _files(ROOT / "sources")
    read = [p for p in _files(DATA / "ocr_raw") if document(p) in {document(s) for s in samples}]
    return [*documents(), *_files(DATA / "quebec"), *samples, *read]


def synthetic_files() -> list[Path]:
    """The team-written test documents: every folder of ``tests/data`` but the real ones."""
    skip = {"real", "quebec", "refused", "gold"}
    folders = [d for d in sorted(DATA.iterdir()) if d.is_dir() and d.name not in skip]
    real = set(real_files())
    return [p for d in folders for p in _files(d) if p not in real]


def document(path: Path) -> str:
    """A file's document: its name without extensions."""
    return path.name.split(".", 1)[0]


def fired(path: Path) -> Run:
    """The rules that fired while extracting ``path`` and the labels handed out."""
    start = time.monotonic()
    refused: str | None = None
    with default_rules().recording() as record:
        try:
            extract(path)
        except ReferentielError as error:
            refused = str(error)
    return Run(
        file=str(path.relative_to(ROOT)),
        fired=sorted(record.fired),
        handed=sorted(record.handed),
        refused=refused,
        seconds=round(time.monotonic() - start, 1),
    )


def measure(paths: list[Path], jobs: int) -> list[Run]:
    """:func:`fired` for every path, on ``jobs`` processes, in path order."""
    if jobs <= 1:
        return [fired(p) for p in paths]
    with ProcessPoolExecutor(jobs) as pool:  # its workers may start OCR processes
        return list(pool.map(fired, paths))


def rule_files() -> dict[str, str]:
    """Each rule id with the name of the file that defines it."""
    folder = rules_dir()
    return {
        rule.id: path.name
        for path in sorted(folder.glob("*.yaml"))
        if not path.name.startswith("ocr")
        for rule in load_file(path)
    }


def support(runs: Iterable[Run]) -> dict[str, set[str]]:
    """Each rule id with the documents it fired on."""
    found: dict[str, set[str]] = {}
    for run in runs:
        for rule_id in run["fired"]:
            found.setdefault(rule_id, set()).add(document(Path(run["file"])))
    return found


def _names(documents: set[str]) -> str:
    return ", ".join(sorted(documents)) if 0 < len(documents) <= 2 else ""


def report(real: list[Run], synthetic: list[Run] | None) -> tuple[str, dict[str, object]]:
    """The Markdown table and summary, and the same figures as data."""
    files = rule_files()
    labels = {rule.id: rule.label for rule in default_rules().rules}
    on_real, on_synthetic = support(real), support(synthetic or [])
    handed = {label for run in [*real, *(synthetic or [])] for label in run["handed"]}
    lower = {rule_id for rule_id, label in labels.items() if label in handed}
    order = sorted(files, key=lambda r: (len(on_real.get(r, ())), files[r], r))
    head = "| support | rule | label | file | documents (≤ 2) |"
    rows = [head + (" synthetic |" if synthetic is not None else ""), "|---:|---|---|---|---|"]
    rows[-1] += "---:|" if synthetic is not None else ""
    for rule_id in order:
        docs = on_real.get(rule_id, set())
        mark = " (≥)" if rule_id in lower else ""
        cells = [f"{len(docs)}{mark}", rule_id, labels[rule_id], files[rule_id], _names(docs)]
        if synthetic is not None:
            cells.append(str(len(on_synthetic.get(rule_id, ()))))
        rows.append("| " + " | ".join(cells) + " |")
    zero = [r for r in order if not on_real.get(r)]
    one = [r for r in order if len(on_real.get(r, ())) == 1]
    refused = [Path(r["file"]).name for r in real if r["refused"]]
    lines = [
        "",
        f"{len(files)} rules; {len({document(Path(r['file'])) for r in real})} real documents "
        f"({len(real)} files; refused: {', '.join(refused) or 'none'}).",
        f"(≥): label handed to callers that match its rules themselves (lower bound): "
        f"{', '.join(sorted(handed)) or 'none'}.",
        f"Support ≥ 2: {len(files) - len(zero) - len(one)}; support 1: {len(one)}; "
        f"support 0: {len(zero)}.",
        "",
        "Support 1:",
        *(f"- {r} ({files[r]}): {_names(on_real[r])}" for r in one),
        "",
        "Support 0:",
    ]
    for rule_id in zero:
        note = " — matched by callers, not measured" if rule_id in lower else ""
        if synthetic is not None:
            synth = on_synthetic.get(rule_id, set())
            note += f" — synthetic only: {', '.join(sorted(synth))}" if synth else " — never"
        lines.append(f"- {rule_id} ({files[rule_id]}){note}")
    data: dict[str, object] = {
        "support": {r: sorted(on_real.get(r, ())) for r in order},
        "synthetic": {r: sorted(d) for r, d in on_synthetic.items()},
        "lower_bound": sorted(lower),
        "runs": [*real, *(synthetic or [])],
    }
    return "\n".join(rows + lines), data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2, help="processes (default 2)")
    parser.add_argument("--synthetic", action="store_true", help="also the synthetic tests' data")
    parser.add_argument("--json", type=Path, help="write the figures and every run here")
    args = parser.parse_args()
    real = measure(real_files(), args.jobs)
    synthetic = measure(synthetic_files(), args.jobs) if args.synthetic else None
    text, data = report(real, synthetic)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
