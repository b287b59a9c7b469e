"""``referentiel extract INPUT [-o OUT.json]``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from .. import pages_done
from ._common import add_extraction_options, options_from


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "extract",
        help="extract one référentiel to JSON",
        description=(
            "Extract one référentiel (PDF, DOCX, DOC/ODT, image, text) to JSON. The work runs "
            "in a child process stopped after --timeout seconds and capped at --max-memory-mb. "
            "The time spent is shown on standard error while it runs (a scan is OCR'd page by "
            "page) when that is a terminal, or with --verbose."
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


class Progress:
    """Elapsed time of a long extraction, and the pages its OCR has read, on standard
    error: one line rewritten in place on a terminal; otherwise a line every ``EVERY``
    seconds and at every page read."""

    EVERY = 10

    def __init__(self, name: str, stream: TextIO) -> None:
        self.name, self.stream = name, stream
        self.live = stream.isatty()
        self.shown = 0
        self.pages = 0
        pages_done.start(0)  # a new extraction: no page read yet

    def __call__(self, seconds: float) -> None:
        done, total = pages_done.progress()
        pages = f", OCR page {done}/{total}" if total else ""
        text = f"extracting {self.name}: {seconds:.0f} s{pages}"
        if self.live:
            self.stream.write(f"\r{text}")
        elif int(seconds) // self.EVERY > self.shown or done != self.pages:
            self.shown, self.pages = int(seconds) // self.EVERY, done
            self.stream.write(text + "\n")
        else:
            return
        self.stream.flush()

    def close(self) -> None:
        if self.live:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def summary(ref: Any, seconds: float) -> str:
    """One line about what was read: format, pages, elements, warnings, time."""
    src = ref.source
    pages = f", {src.pages} pages" if src.pages else ""
    comps = sum(len(b.competences) for b in ref.blocs)
    return (
        f"{src.filename}: {src.format}{pages}{' (OCR)' if src.ocr else ''}; "
        f"{len(ref.blocs)} blocs, {comps} compétences, "
        f"{sum(len(b.criteres) for b in ref.blocs)} critères, {len(ref.warnings)} warnings "
        f"in {seconds:.1f} s"
    )


def run(args: argparse.Namespace) -> int:
    from ..atomic import check_target
    from ..isolate import extract_limited
    from ..output import STDOUT, write_json

    inputs = [Path(args.input)]
    if args.output and args.output != STDOUT:
        check_target(args.output, inputs)  # refused before the work, not after
    show = args.verbosity > 0 or (args.verbosity == 0 and sys.stderr.isatty())
    progress = Progress(Path(args.input).name, sys.stderr) if show else None
    started = time.perf_counter()
    try:
        referentiel = extract_limited(args.input, options_from(args), progress)
    finally:
        if progress:
            progress.close()
    write_json(referentiel, args.output or STDOUT, inputs)
    if args.verbosity > 0:
        print(summary(referentiel, time.perf_counter() - started), file=sys.stderr)
    return 0
