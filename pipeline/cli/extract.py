"""``referentiel extract INPUT [-o OUT.json]``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ._common import add_extraction_options, options_from


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "extract",
        help="extract one référentiel to JSON",
        description=(
            "Extract one référentiel (PDF, DOCX, DOC/ODT, image, text) to JSON. The work runs "
            "in a child process stopped after --timeout seconds and capped at --max-memory-mb."
        ),
        epilog="example: referentiel extract sources/cqp.pdf -o output/cqp.json",
    )
    parser.add_argument("input", help="the référentiel file")
    parser.add_argument(
        "-o",
        "--output",
        help="write JSON here (default, or '-': standard output); never over the input",
    )
    add_extraction_options(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from ..atomic import check_target
    from ..isolate import extract_limited
    from ..output import STDOUT, write_json

    inputs = [Path(args.input)]
    if args.output and args.output != STDOUT:
        check_target(args.output, inputs)  # refused before the work, not after
    referentiel = extract_limited(args.input, options_from(args))
    write_json(referentiel, args.output or STDOUT, inputs)
    return 0
