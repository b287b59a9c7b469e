"""Options shared by several subcommands."""

from __future__ import annotations

import argparse
from collections.abc import Callable

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
        "--max-pages",
        type=_positive(int),
        default=defaults.max_pages,
        help="refuse documents with more pages (default: %(default)s)",
    )
    parser.add_argument(
        "--max-file-mb",
        type=_positive(float),
        default=defaults.max_file_bytes / 2**20,
        help="refuse larger files, in MiB (default: %(default)s)",
    )


def _positive(kind: Callable[[str], float]) -> Callable[[str], float]:
    """An argparse type: a number of ``kind`` greater than zero."""

    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be greater than 0, not {text}")
        return value

    parse.__name__ = kind.__name__
    return parse


def options_from(args: argparse.Namespace) -> Options:
    """Build extraction options from parsed flags."""
    limits = Limits(
        max_pages=args.max_pages,
        max_file_bytes=int(args.max_file_mb * 2**20),
        timeout_seconds=getattr(args, "timeout", None) or Limits().timeout_seconds,
    )
    return Options(ocr=args.ocr, use_nlp=not args.no_nlp, limits=limits)
