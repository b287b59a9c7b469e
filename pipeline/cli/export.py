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
            "per table in the folder DEST (referentiels, certifications, activites, blocs, "
            "competences… and link tables; joined on doc_sha256 + element ids, described in "
            "docs/data-dictionary.md); jsonl = one search document per compétence and file; "
            "sqlite = the tables, with their keys declared, plus a full-text index (see "
            "'referentiel search'); rncp-xml = one FICHE per référentiel in France "
            "Compétences' RNCP export shape. The files and versions of one référentiel are "
            "grouped under its référentiel key (the RNCP code, or a fingerprint of the "
            "certification and its blocs). run.json and other non-référentiel JSON files "
            "are ignored."
        ),
        epilog="example: referentiel export output/ --to sqlite output/catalogue.sqlite",
    )
    parser.add_argument("out_dir", metavar="OUT_DIR", help="batch output folder (JSON files)")
    parser.add_argument("--to", required=True, choices=FORMATS, help="export format")
    parser.add_argument(
        "dest",
        metavar="DEST",
        help="folder (parquet, csv) or file (jsonl, sqlite, rncp-xml); '-': standard output "
        "(jsonl, rncp-xml)",
    )
    parser.add_argument(
        "--excel",
        action="store_true",
        help="csv: UTF-8 with a byte-order mark and ';' between fields, as Excel opens it",
    )
    return parser


def run(args: argparse.Namespace) -> int:
    from ..export import export

    started = time.perf_counter()
    if args.excel and args.to != "csv":
        print("error: --excel applies to --to csv only", file=sys.stderr)
        return 2
    result = export(args.out_dir, args.to, args.dest, excel=args.excel)
    for path, reason in result.skipped:
        print(f"skipped {path}: {reason}", file=sys.stderr)
    if args.verbosity >= 0:
        counts = ", ".join(f"{name} {n}" for name, n in result.counts.items())
        seconds = time.perf_counter() - started
        print(
            f"exported {result.documents} extraction(s) of {result.referentiels} "
            f"référentiel(s) to {result.dest} "
            f"({args.to}; {counts}) in {seconds:.2f} s",
            file=sys.stderr,
        )
    return 0
