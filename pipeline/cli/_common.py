"""Options shared by several subcommands."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable

from ..options import Limits, Options


def add_extraction_options(parser: argparse.ArgumentParser) -> None:
    """Flags that control how one file is extracted, and the limits it runs under."""
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
        type=positive(int, 10**6),
        default=defaults.max_pages,
        help="refuse documents with more pages (default: %(default)s)",
    )
    parser.add_argument(
        "--max-file-mb",
        type=positive(float, 2**20),
        default=defaults.max_file_bytes / 2**20,
        help="refuse larger files, in MiB (default: %(default)s)",
    )
    parser.add_argument(
        "--timeout",
        type=positive(float, 7 * 86400),
        default=defaults.timeout_seconds,
        help="seconds allowed per file before its extraction is stopped (default: %(default)g)",
    )
    parser.add_argument(
        "--max-memory-mb",
        type=positive(float, 2**24),
        default=defaults.max_memory_bytes / 2**20,
        help="memory (address space) allowed to the process extracting a file, in MiB "
        "(default: %(default)g)",
    )


def positive(kind: Callable[[str], float], most: float) -> Callable[[str], float]:
    """An argparse type: a finite number of ``kind`` greater than zero and at most ``most``."""

    def parse(text: str) -> float:
        try:
            value = kind(text)
        except (ValueError, OverflowError):
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not math.isfinite(value) or value <= 0 or value > most:
            raise argparse.ArgumentTypeError(
                f"must be a number greater than 0 and at most {most:g}, not {text}"
            )
        return value

    parse.__name__ = kind.__name__
    return parse


def options_from(args: argparse.Namespace) -> Options:
    """Build extraction options from parsed flags."""
    limits = Limits(
        max_pages=args.max_pages,
        max_file_bytes=int(args.max_file_mb * 2**20),
        timeout_seconds=args.timeout,
        max_memory_bytes=int(args.max_memory_mb * 2**20),
    )
    return Options(ocr=args.ocr, use_nlp=not args.no_nlp, limits=limits)
