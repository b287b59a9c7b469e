"""``referentiel evaluate GOLD.json PRED.json`` / ``--gold-dir G --pred-dir P``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

GOLD_SUFFIX = ".gold.json"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "evaluate",
        help="score extractions against reference JSON",
        description="Score extracted JSON against hand-checked reference JSON: per element "
        "type precision / recall / F1 (strict one-to-one fuzzy matching, or coverage for the "
        "types the reference's _scoring marks so), parent and link accuracy. Exit code 1 when "
        "a --min-* threshold is missed, 2 on a usage error.",
        epilog="example: referentiel evaluate --gold-dir tests/data/gold --pred-dir output "
        "--min-strict 0.95 --min-coverage 0.95 --min-parent 0.95",
    )
    parser.add_argument("gold", nargs="?", help="reference JSON (NAME.gold.json)")
    parser.add_argument("pred", nargs="?", help="extracted JSON to score against it")
    parser.add_argument("--gold-dir", help="folder of NAME.gold.json references")
    parser.add_argument(
        "--pred-dir",
        help="folder of extractions NAME[.FORMAT].json, each scored against NAME.gold.json",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--details", action="store_true", help="list missing, extra and misplaced elements"
    )
    for name, what in (
        ("strict", "strict F1"),
        ("coverage", "coverage F1"),
        ("parent", "parent or link accuracy"),
    ):
        parser.add_argument(
            f"--min-{name}",
            type=_fraction,
            default=None,
            metavar="X",
            help=f"exit 1 when a {what} figure is below X (default: not enforced, shown at 0.95)",
        )
    return parser


def _fraction(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1")
    return value


def _load(path: Path) -> dict[str, Any]:
    """A JSON object, read through the same file guards and limits as ``extract``."""
    from ..errors import CorruptFile
    from ..guards import read_json
    from ..options import Limits

    data = read_json(path, Limits())
    if not isinstance(data, dict):
        raise CorruptFile(path, "not a JSON object")
    return data


def _score(gold: Path, pred: Path) -> Any:
    """Score one pair; a reference of the wrong shape is refused, naming it."""
    from ..errors import CorruptFile
    from ..evaluate import evaluate
    from ..output import read_extraction

    prediction = read_extraction(pred)
    try:
        return evaluate(_load(gold), prediction)
    except (AttributeError, TypeError, KeyError, ValueError) as err:
        raise CorruptFile(gold, f"not a reference of the référentiel shape ({err!r})") from err


def pair_files(gold_dir: Path, pred_dir: Path) -> list[tuple[Path, Path, str]]:
    """(gold, pred, input format) for every prediction whose name starts with a
    gold's name stem followed by "." ("cqp-x.gold.json" ↔ "cqp-x.scan.pdf.json");
    the format is what lies between ("scan.pdf"), or the prediction's
    ``source.format`` when nothing does."""
    golds = {p.name.removesuffix(GOLD_SUFFIX): p for p in gold_dir.glob(f"*{GOLD_SUFFIX}")}
    pairs = []
    for pred in sorted(pred_dir.glob("*.json")):
        if pred.name.endswith(GOLD_SUFFIX):
            continue
        stems = [s for s in golds if pred.name.startswith(s + ".")]
        if not stems:
            continue
        stem = max(stems, key=len)
        fmt = pred.name[len(stem) + 1 : -len(".json")]
        if not fmt:
            source = _load(pred).get("source")
            fmt = str(source.get("format")) if isinstance(source, dict) else "json"
        pairs.append((golds[stem], pred, fmt))
    return pairs


def _pairs(args: argparse.Namespace) -> list[tuple[Path, Path, str]] | str:
    """The (gold, pred, format) pairs the arguments name, or a usage error."""
    usage = "give GOLD PRED, or both --gold-dir and --pred-dir"
    if args.gold_dir or args.pred_dir:
        if not (args.gold_dir and args.pred_dir) or args.gold or args.pred:
            return usage
        pairs = pair_files(Path(args.gold_dir), Path(args.pred_dir))
        return pairs or f"no prediction in {args.pred_dir} matches a gold"
    if args.gold and args.pred:
        return [(Path(args.gold), Path(args.pred), "")]
    return usage


def _limits(given: tuple[float | None, ...], default: float) -> tuple[float, float, float]:
    strict, coverage, parent = (default if v is None else v for v in given)
    return strict, coverage, parent


def run(args: argparse.Namespace) -> int:
    from ..evaluate import Report

    pairs = _pairs(args)
    if isinstance(pairs, str):
        print(f"error: {pairs}", file=sys.stderr)
        return 2
    # figures are shown against 0.95 by default; only given thresholds set the exit code
    given = (args.min_strict, args.min_coverage, args.min_parent)
    shown = _limits(given, 0.95)
    enforced = _limits(given, 0.0)
    started = time.perf_counter()
    reports = [(g, p, fmt, _score(g, p)) for g, p, fmt in pairs]
    if args.verbosity > 0:
        seconds = time.perf_counter() - started
        print(f"scored {len(reports)} extraction(s) in {seconds:.2f} s", file=sys.stderr)
    by_format: dict[str, list[Report]] = {}
    for *_, fmt, report in reports:
        by_format.setdefault(fmt, []).append(report)
    aggregates = {fmt: Report.combine(rs) for fmt, rs in by_format.items()}
    single = len(reports) == 1 and not args.gold_dir

    if args.json:
        out: dict[str, Any] = {
            "pairs": [
                {"gold": str(g), "pred": str(p), "format": fmt, **r.to_dict(*shown)}
                for g, p, fmt, r in reports
            ],
            "aggregate": {fmt: r.to_dict(*shown) for fmt, r in aggregates.items()},
            "passed": not any(r.failures(*shown) for *_, r in reports),
        }
        print(json.dumps(out["pairs"][0] if single else out, ensure_ascii=False, indent=2))
    elif single:
        print(reports[0][3].render(*shown, details=args.details))
    else:
        sections = [
            f"== {p.name} vs {g.name}\n{r.render(*shown, details=args.details)}"
            for g, p, _, r in reports
        ]
        sections += [
            f"== aggregate: {fmt} ({len(by_format[fmt])} file(s))\n{r.render(*shown)}"
            for fmt, r in aggregates.items()
        ]
        print("\n\n".join(sections))
    return 1 if any(r.failures(*enforced) for *_, r in reports) else 0
