"""The real-corpus ledger: how well the extractor reads published référentiels.

    .venv/bin/python bench/ledger.py first NAME.ext [--source REPO:PATH@COMMIT]
    .venv/bin/python bench/ledger.py update            # re-score every document
    .venv/bin/python bench/ledger.py table             # print the Markdown table
    .venv/bin/python bench/ledger.py compare           # what the working tree changes

Every real document ``tests/data/real/NAME[.form].ext`` has a reference
``tests/data/real/gold/NAME.gold.json`` and a ledger entry
``tests/data/real/ledger/NAME[.form].ext.json``:

* ``first_contact`` — its scores with the code as it was when the document was
  added, *before any change made for it* (written once by ``first``, never
  overwritten): that is how the extractor generalises to unseen publishers;
* ``current`` — its scores with the code of the last ``update``.

Scores come from the project's own :func:`referentiel.evaluate.evaluate`: F1 per
scored type, the mean strict F1 over the strict types the reference prints
(gold count > 0), the mean coverage F1 likewise, and whether it was refused
(a refusal scores 0 on every type). A scored type the reference leaves empty
counts when the extraction invents elements of it (F1 0). The extra fields a
reference prints (B.U.T. situations, niveaux) are kept apart, under ``extra``:
they move no mean.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
from pathlib import Path
from typing import Any

from referentiel.api import extract
from referentiel.errors import ReferentielError
from referentiel.evaluate import evaluate
from referentiel.output import to_json

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"
LEDGER = REAL / "ledger"


def documents() -> list[Path]:
    """Every real document that has a reference."""
    return sorted(
        p
        for p in REAL.iterdir()
        if p.is_file()
        and p.suffix not in (".json", ".md5")
        and p.name != "README.md"
        and (REAL / "gold" / f"{p.name.split('.', 1)[0]}.gold.json").exists()
    )


def commit() -> str:
    """The commit the scores are measured at (``+dirty`` with uncommitted changes)."""
    sha = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "pipeline", "rules"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout.strip()
    return f"{sha}+dirty" if dirty else sha


def score(path: Path) -> dict[str, Any]:
    """Extract ``path`` and score it against its reference."""
    gold = json.loads((REAL / "gold" / f"{path.name.split('.', 1)[0]}.gold.json").read_text())
    refused: str | None = None
    try:
        pred = json.loads(to_json(extract(path)))
    except ReferentielError as error:
        refused = str(error).replace(str(path), path.name)  # no machine's folder in the ledger
        pred = {"certification": {}, "activites": [], "blocs": [], "competences_transversales": []}
    report = evaluate(gold, pred)
    strict: dict[str, float] = {}
    coverage: dict[str, float] = {}
    for t in report.types:
        if (t.gold == 0 and t.pred == 0) or t.mode not in ("strict", "coverage"):
            continue
        (strict if t.mode == "strict" else coverage)[t.type] = round(t.f1, 3)
    return {
        "commit": commit(),
        "date": dt.date.today().isoformat(),
        "refused": refused,
        "mean_strict": round(sum(strict.values()) / len(strict), 3) if strict else None,
        "mean_coverage": round(sum(coverage.values()) / len(coverage), 3) if coverage else None,
        "strict": strict,
        "coverage": coverage,
        "extra": {t.type: round(t.f1, 3) for t in report.extras},
    }


def entry_path(path: Path) -> Path:
    return LEDGER / f"{path.name}.json"


def first(path: Path, source: str | None) -> dict[str, Any]:
    """Record the first-contact scores of a newly added document (never overwritten)."""
    target = entry_path(path)
    if target.exists():
        raise SystemExit(f"{target} exists: first-contact scores are recorded once")
    scores = score(path)
    entry = {"document": path.name, "source": source, "first_contact": scores, "current": scores}
    LEDGER.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(entry, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return entry


def update() -> None:
    """Re-score every document; entries without first-contact scores get none."""
    for path in documents():
        target = entry_path(path)
        entry = json.loads(target.read_text()) if target.exists() else {"document": path.name}
        entry["current"] = score(path)
        target.write_text(json.dumps(entry, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(path.name, entry["current"]["mean_strict"], entry["current"]["mean_coverage"])


def compare() -> int:
    """Re-score every document without writing; print each type whose F1 moved
    from the ledger's current figures. Returns 1 when any figure went down."""
    worse = False
    for path in documents():
        target = entry_path(path)
        if not target.exists():
            continue
        before, now = json.loads(target.read_text())["current"], score(path)
        for mode in ("strict", "coverage", "extra"):
            was, now_mode = before.get(mode) or {}, now[mode]
            for name in sorted(set(was) | set(now_mode)):
                old, new = was.get(name, 0.0), now_mode.get(name, 0.0)
                if abs(new - old) > 0.005:
                    worse |= new < old
                    sign = "+" if new > old else "-"
                    print(f"{sign} {path.name} {mode} {name}: {old:.3f} -> {new:.3f}")
        if now["refused"] and not before["refused"]:
            worse = True
            print(f"- {path.name} refused: {now['refused']}")
        for key in ("mean_strict", "mean_coverage"):  # a type printed anew at 0 moves only the mean
            old, new = before[key], now[key]
            if old is not None and (new is None or new < old - 0.005):
                worse = True
                print(f"- {path.name} {key}: {old} -> {new}")
    return 1 if worse else 0


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def table() -> str:
    """The ledger as a Markdown table, with the mean first-contact and current strict F1."""
    rows = ["| document | first contact (commit) | strict | coverage | now | strict | coverage |"]
    rows.append("|---|---|---|---|---|---|---|")
    firsts: list[float] = []
    nows: list[float] = []
    for target in sorted(LEDGER.glob("*.json")):
        entry = json.loads(target.read_text())
        fc, now = entry.get("first_contact"), entry["current"]
        if fc:
            firsts.append(0.0 if fc["refused"] else fc["mean_strict"] or 0.0)
        nows.append(0.0 if now["refused"] else now["mean_strict"] or 0.0)
        fc_cells = (
            [fc["commit"], "refused" if fc["refused"] else _fmt(fc["mean_strict"])]
            + [_fmt(fc["mean_coverage"])]
            if fc
            else ["given", "—", "—"]
        )
        now_cells = [now["commit"], "refused" if now["refused"] else _fmt(now["mean_strict"])]
        rows.append(
            "| "
            + " | ".join([entry["document"], *fc_cells, *now_cells, _fmt(now["mean_coverage"])])
            + " |"
        )
    if firsts:
        mean = sum(firsts) / len(firsts)
        rows.append(f"\nMean first-contact strict F1 (refusal = 0): {mean:.2f}")
    rows.append(f"Mean current strict F1 (refusal = 0): {sum(nows) / len(nows):.2f}")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    f = sub.add_parser("first", help="record a new document's first-contact scores")
    f.add_argument("document", help="file name under tests/data/real/")
    f.add_argument("--source", help="repository:path@commit it was copied from")
    sub.add_parser("update", help="re-score every document")
    sub.add_parser("table", help="print the ledger as Markdown")
    sub.add_parser("compare", help="print the figures the working tree moves (writes nothing)")
    args = parser.parse_args()
    if args.command == "first":
        print(json.dumps(first(REAL / args.document, args.source), ensure_ascii=False, indent=2))
    elif args.command == "update":
        update()
    elif args.command == "compare":
        raise SystemExit(compare())
    else:
        print(table())


if __name__ == "__main__":
    main()
