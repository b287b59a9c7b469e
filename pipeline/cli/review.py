"""``referentiel review INPUT [-o DIR]``: each page beside what was extracted from it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ._common import add_extraction_options, options_from


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "review",
        help="write an HTML review of an extraction, page by page",
        description=(
            "Write a static HTML report to open from disk: the document's pages (PDF, scans) "
            "with a box over each extracted element, or its numbered paragraphs (DOCX, text), "
            "beside the extracted tree. Clicking either selects the element; the reviewer can "
            "correct texts and types, delete or add elements and download the corrected JSON. "
            "INPUT is a référentiel file (extracted unless --json gives its extraction) or a "
            "batch output folder (one page per document and an index)."
        ),
        epilog="example: referentiel review sources/cqp.pdf --gold tests/data/gold/cqp.gold.json "
        "-o review",
    )
    parser.add_argument("input", help="a référentiel file, or a batch output folder")
    parser.add_argument(
        "-o", "--output", default="review", help="folder to write into (default: %(default)s)"
    )
    parser.add_argument("--json", help="the extraction of INPUT, instead of extracting it again")
    parser.add_argument(
        "--gold", help="reference JSON: mark each element matched, missing or extra (evaluate)"
    )
    add_extraction_options(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from ..review import review_batch, review_file

    source, out = Path(args.input), Path(args.output)
    if source.is_dir():
        reviews = review_batch(source, out)
        print(f"{out / 'index.html'}: {len(reviews)} document(s)")
        return 0
    extraction = Path(args.json) if args.json else None
    gold = Path(args.gold) if args.gold else None
    review = review_file(source, out, extraction, gold, options_from(args))
    print(f"{review.html}: {review.elements} elements, {review.boxes} boxes")
    return 0
