"""``referentiel diff OLD NEW``: what changed between two extractions, element by element."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "diff",
        help="compare two extractions (JSON files or batch output folders)",
        description=(
            "Compare two extractions element by element: blocs, compétences, critères, "
            "indicateurs, modalités, activités… added, removed or changed, with the text "
            "before and after and the page/line they come from. OLD and NEW are both JSON "
            "files or both batch output folders (files paired by relative path; JSON files "
            "that are not extractions, such as run.json or a JSON Schema, are ignored). Exit "
            "code 1 when there are differences, 0 when there are none."
        ),
        epilog="example: referentiel diff output/v1 output/v2 --html review.html",
    )
    parser.add_argument("old", help="the earlier JSON file or batch output folder")
    parser.add_argument("new", help="the later JSON file or batch output folder")
    parser.add_argument(
        "--html",
        metavar="FILE",
        help="also write a self-contained HTML report ('-': to standard output, instead of "
        "the text report)",
    )
    parser.add_argument(
        "--all",
        action="store_true",
        help="folders: also list the documents without differences (default: only those "
        "that differ)",
    )
    for side in ("old", "new"):
        parser.add_argument(
            f"--review-{side}",
            metavar="URL",
            help=f"in the HTML report, link each change to its element in the review of "
            f"{side.upper()} (`referentiel review`): its page, or its folder for batch folders",
        )
    parser.add_argument(
        "--json", action="store_true", help="print the differences as JSON (for tools)"
    )
    parser.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour the terminal output (default: when standard output is a terminal and "
        "the NO_COLOR environment variable is not set)",
    )
    return parser


def use_color(choice: str, stream: TextIO, environ: Mapping[str, str]) -> bool:
    """``--color``: always, never, or (auto) when ``stream`` is a terminal and NO_COLOR
    (https://no-color.org) is unset or empty."""
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and not environ.get("NO_COLOR")


def run(args: argparse.Namespace) -> int:
    from ..diff import diff_paths
    from ..diffrender import ReviewLinks, render_html, render_json, render_text
    from ..output import STDOUT, write_output

    old, new = Path(args.old), Path(args.new)
    for path in (old, new):
        if not path.exists():
            print(f"error: {path}: no such file or folder", file=sys.stderr)
            return 2
    if old.is_dir() != new.is_dir():
        print("error: OLD and NEW must both be JSON files or both be folders", file=sys.stderr)
        return 2
    started = time.perf_counter()
    result = diff_paths(old, new)
    if args.html:
        review = None
        if args.review_old or args.review_new:
            review = ReviewLinks(args.review_old, args.review_new, old.is_dir())
        write_output(render_html(result, args.all, review), args.html)
    if args.json:
        sys.stdout.write(render_json(result, args.all))
    elif args.html != STDOUT:
        color = use_color(args.color, sys.stdout, os.environ)
        sys.stdout.write(render_text(result, color=color, show_same=args.all))
    if args.verbosity > 0:
        totals = result.totals()
        print(
            f"compared {totals['documents']} document(s), {totals['documents_same']} without "
            f"differences, in {time.perf_counter() - started:.2f} s",
            file=sys.stderr,
        )
    return 1 if result.has_differences else 0
