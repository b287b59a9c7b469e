"""``referentiel schema [-o FILE]``: the published JSON Schema of the output."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "schema",
        help="print or write the output JSON Schema",
        description="Print the JSON Schema every output validates against.",
        epilog="example: referentiel schema -o output/schema/referentiel.schema.json",
    )
    parser.add_argument("-o", "--output", help="write the schema here (default: standard output)")
    return parser


def run(args: argparse.Namespace) -> int:
    from ..models import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
