"""``referentiel batch SRC_DIR OUT_DIR``: every supported file of a folder tree, in parallel."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ._common import add_extraction_options, options_from, positive

MAX_JOBS = 64  # worker processes; each holds spaCy and the rules (~0.3 GiB)


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "batch",
        help="extract every référentiel under a folder, in parallel",
        description=(
            "Extract every supported file under SRC_DIR (recursively; hidden files skipped) "
            "into OUT_DIR, one JSON per input mirroring the folder tree (a/b/x.pdf → "
            "OUT_DIR/a/b/x.pdf.json). Files already converted (same sha256 and extractor "
            "version) are skipped. A failing or stuck file is recorded and the batch goes "
            "on. The run report is written to OUT_DIR/run.json and OUT_DIR/run.csv. "
            "Exit code 0 when every file succeeded or was skipped, 1 when some failed."
        ),
        epilog="examples: referentiel batch sources/ output/batch --jobs 4 --timeout 300\n"
        "          referentiel batch s3://bucket/refs s3://bucket/json --scheduler tcp://host:8786",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "src_dir",
        help="folder holding the référentiels (searched recursively), or an fsspec URL "
        "(s3://bucket/refs, gs://…, file://…)",
    )
    parser.add_argument(
        "out_dir", help="folder or fsspec URL receiving the JSON files and the run report"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=positive(int, MAX_JOBS),
        default=None,
        help=f"worker processes, at most {MAX_JOBS} (default: one per CPU core); "
        "with --scheduler, the cluster's workers are used",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run the files on the Dask cluster of this scheduler (tcp://host:8786); "
        "needs the cluster extra",
    )
    where.add_argument(
        "--cluster",
        choices=["local"],
        help="run the files on a Dask LocalCluster of --jobs worker processes",
    )
    parser.add_argument(
        "--follow-links",
        action="store_true",
        help="also read symbolic links to files outside SRC_DIR (default: skipped, reported)",
    )
    parser.add_argument(
        "--force", action="store_true", help="redo files whose output is already up to date"
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: when standard error is a terminal and not --quiet)",
    )
    add_extraction_options(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from ..batch import REPORT_CSV, run_batch
    from ..errors import ClusterError
    from ..storage import is_folder, is_url, join

    src, out = args.src_dir, args.out_dir
    try:
        if not (is_folder(src) if is_url(src) else Path(src).is_dir()):
            print(f"error: {src}: not a folder", file=sys.stderr)
            return 2
        if not is_url(out) and Path(out).exists() and not Path(out).is_dir():
            print(f"error: {out}: OUT_DIR exists and is not a folder", file=sys.stderr)
            return 2
        report = run_batch(
            src if is_url(src) else Path(src),
            out if is_url(out) else Path(out),
            options_from(args),
            jobs=args.jobs,
            timeout=args.timeout,
            force=args.force,
            progress=False if args.verbosity < 0 and args.progress is None else args.progress,
            follow_links=args.follow_links,
            scheduler=args.scheduler or args.cluster,
        )
    except ClusterError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for failure in report.failed:
        print(f"failed ({failure.error_status}): {failure.error}", file=sys.stderr)
    if args.verbosity > 0:
        for item in report.files:
            if item.status != "failed":
                found = f"{item.blocs} blocs, {item.competences} compétences" if item.blocs else ""
                print(f"{item.status}: {item.input} {found}".rstrip(), file=sys.stderr)
    totals = report.totals()
    if args.verbosity < 0:
        return 1 if report.failed else 0
    print(
        f"{totals['files']} files: {totals['ok']} ok, {totals['warning']} with warnings, "
        f"{totals['skipped']} skipped, {totals['failed']} failed in {report.seconds:.1f} s "
        f"(report: {join(out, REPORT_CSV)})",
        file=sys.stderr,
    )
    return 1 if report.failed else 0
