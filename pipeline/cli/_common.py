"""Options shared by several subcommands."""

from __future__ import annotations

import argparse

from ..options import Limits, Options


def add_extraction_options(parser: argparse.ArgumentParser) -> None:
    """Flags that control how one file is extracted."""
    defaults = Limits()
    parser.add_argument(
        "--ocr",
        choices=["auto", "always", "never"],
        default="auto",
        help="OCR pages: auto (only when there is no usable text layer), always, never",
    )
    parser.add_argument(
        "--no-nlp", action="store_true", help="disable the spaCy classification stage"
    )
    parser.add_argument(
        "--max-pages", type=int, default=defaults.max_pages, help="refuse longer documents"
    )
    parser.add_argument(
        "--max-file-mb",
        type=float,
        default=defaults.max_file_bytes / 2**20,
        help="refuse larger files (MiB)",
    )


def options_from(args: argparse.Namespace) -> Options:
    """Build extraction options from parsed flags."""
    limits = Limits(
        max_pages=args.max_pages,
        max_file_bytes=int(args.max_file_mb * 2**20),
        timeout_seconds=getattr(args, "timeout", None) or Limits().timeout_seconds,
    )
    return Options(ocr=args.ocr, use_nlp=not args.no_nlp, limits=limits)
