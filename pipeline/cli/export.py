"""``referentiel export OUT_DIR --to FORMAT DEST``."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from ..export import FORMATS


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "export",
        help="export a batch output folder to tables, search documents, SQLite or RNCP XML",
        description=(
            "Read every référentiel JSON below OUT_DIR and export it: parquet/csv = one file "
            "per table in the folder DEST (certifications, activites, taches, blocs, "
            "competences, connaissances, criteres, critere_competences, indicateurs, "
            "modalites, warnings; joined on doc_sha256 + element ids); jsonl = one search "
            "document per compétence; sqlite = the tables plus a full-text index (see "
            "'referentiel search'); rncp-xml = the blocs in France Compétences' RNCP export "
            "shape. run.json and other non-référentiel JSON files are ignored."
        ),
        epilog="example: referentiel export output/ --to sqlite output/catalogue.sqlite",
    )
    parser.add_argument("out_dir", metavar="OUT_DIR", help="batch output folder (JSON files)")
    parser.add_argument("--to", required=True, choices=FORMATS, help="export format")
    parser.add_argument(
        "dest", metavar="DEST", help="folder (parquet, csv) or file (jsonl, sqlite, rncp-xml)"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    return parser


def run(args: argparse.Namespace) -> int:
    from ..export import export

    started = time.perf_counter()
    result = export(args.out_dir, args.to, args.dest)
    for path, reason in result.skipped:
        print(f"skipped {path}: {reason}", file=sys.stderr)
    if not args.quiet:
        counts = ", ".join(f"{name} {n}" for name, n in result.counts.items())
        seconds = time.perf_counter() - started
        print(
            f"exported {result.documents} référentiel(s) to {result.dest} "
            f"({args.to}; {counts}) in {seconds:.2f} s",
            file=sys.stderr,
        )
    return 0
