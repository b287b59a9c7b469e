"""``referentiel diff OLD NEW``: what changed between two extractions, element by element."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "diff",
        help="compare two extractions (JSON files or batch output folders)",
        description=(
            "Compare two extractions element by element: blocs, compétences, critères, "
            "indicateurs, modalités, activités… added, removed or changed, with the text "
            "before and after and the page/line they come from. OLD and NEW are both JSON "
            "files or both batch output folders (files paired by relative path). Exit code "
            "1 when there are differences, 0 when there are none."
        ),
        epilog="example: referentiel diff output/v1 output/v2 --html review.html",
    )
    parser.add_argument("old", help="the earlier JSON file or batch output folder")
    parser.add_argument("new", help="the later JSON file or batch output folder")
    parser.add_argument("--html", metavar="FILE", help="also write a self-contained HTML report")
    parser.add_argument(
        "--json", action="store_true", help="print the differences as JSON (for tools)"
    )
    parser.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour the terminal output (default: when standard output is a terminal)",
    )
    return parser


def run(args: argparse.Namespace) -> int:
    from ..diff import diff_paths
    from ..diffrender import render_html, render_json, render_text

    old, new = Path(args.old), Path(args.new)
    for path in (old, new):
        if not path.exists():
            print(f"error: {path}: no such file or folder", file=sys.stderr)
            return 2
    if old.is_dir() != new.is_dir():
        print("error: OLD and NEW must both be JSON files or both be folders", file=sys.stderr)
        return 2
    result = diff_paths(old, new)
    if args.html:
        target = Path(args.html)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_html(result), encoding="utf-8")
    if args.json:
        sys.stdout.write(render_json(result))
    else:
        color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
        sys.stdout.write(render_text(result, color=color))
    return 1 if result.has_differences else 0
