"""``referentiel schema [-o FILE]``: the published JSON Schema of the output."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "schema",
        help="print or write the output JSON Schema",
        description="Print the JSON Schema every output validates against.",
        epilog="example: referentiel schema -o output/schema/referentiel.schema.json",
    )
    parser.add_argument(
        "-o", "--output", help="write the schema here (default, or '-': standard output)"
    )
    return parser


def run(args: argparse.Namespace) -> int:
    from ..models import json_schema
    from ..output import write_output

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    write_output(text, args.output)
    if args.verbosity > 0 and args.output not in (None, "-"):
        print(f"wrote {args.output}", file=sys.stderr)
    return 0
