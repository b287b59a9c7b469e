"""``referentiel extract INPUT [-o OUT.json]``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ._common import add_extraction_options, options_from


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "extract",
        help="extract one référentiel to JSON",
        description="Extract one référentiel (PDF, DOCX, DOC/ODT, image, text) to JSON.",
        epilog="example: referentiel extract sources/cqp.pdf -o output/cqp.json",
    )
    parser.add_argument("input", help="the référentiel file")
    parser.add_argument("-o", "--output", help="write JSON here (default: standard output)")
    add_extraction_options(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from ..api import extract
    from ..output import to_json, write_json

    referentiel = extract(args.input, options_from(args))
    if args.output:
        write_json(referentiel, args.output)
    else:
        sys.stdout.write(to_json(referentiel))
    return 0
