"""``referentiel search DB QUERY``."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from typing import Any

from ._common import positive

MAX_LIMIT = 10_000  # the same as referentiel.search.MAX_LIMIT (not imported: --help stays fast)


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "search",
        help="full-text search of compétences in a SQLite catalogue",
        description=(
            "Search the compétences of a catalogue written by 'referentiel export … --to "
            "sqlite'. Accents and case are ignored, French words match their other forms "
            "(Snowball stems: 'fidélisation' finds 'fidéliser'); any text is accepted (it is "
            "never interpreted as query syntax). Compétences holding every word are shown; "
            "when none does, a note says so and those holding some are shown. Ranked: "
            "matches in the compétence's own libellé first, then by relevance (BM25)."
        ),
        epilog='example: referentiel search output/catalogue.sqlite "négociation commerciale"',
    )
    parser.add_argument("db", metavar="DB", help="the SQLite catalogue")
    parser.add_argument("query", metavar="QUERY", help="words to look for")
    parser.add_argument(
        "-n",
        "--limit",
        type=positive(int, MAX_LIMIT),
        default=10,
        help=f"at most this many results (1 to {MAX_LIMIT}; default: %(default)s)",
    )
    parser.add_argument(
        "--per-file",
        action="store_true",
        help="one hit per file (default: one per compétence of a référentiel, whatever the "
        "number of its files: PDF, Word, scan, versions)",
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    return parser


def _cut(text: str | None, width: int) -> str:
    text = text or ""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _table(hits: list[Any]) -> str:
    """Three lines per hit: rank, score and compétence; its certification (never cut);
    its bloc."""
    width = max(shutil.get_terminal_size((120, 20)).columns - 16, 40)
    lines = []
    for hit in hits:
        comp = " ".join(part for part in (hit.code, hit.libelle) if part)
        bloc = " ".join(part for part in (hit.bloc_code, hit.bloc_libelle) if part)
        cert = " ".join(part for part in (hit.certification_type, hit.certification) if part)
        files = f" ({hit.files} files)" if hit.files > 1 else f" ({hit.filename})"
        lines.append(f"{hit.rank:>3}  {hit.score:>8.3g}  {_cut(comp, width)}")
        lines.append(f"{'':>15}{cert or hit.filename}{files}")  # whole, even if it wraps
        lines.append(f"{'':>15}{_cut(bloc or 'compétence transversale', width)}")
    return "\n".join(lines)


def _note(results: Any) -> str | None:
    """What the user must know about the match: words that matched nothing, or no
    compétence holding every word."""
    if results.all_words:
        return None
    if results.unmatched and len(results.unmatched) == len(results.words):
        return "no compétence matches"
    missing = ", ".join(f"'{w}'" for w in results.unmatched)
    if missing:
        return f"no compétence holds {missing}; showing compétences holding the other words"
    return "no compétence holds every word; showing compétences holding some of them"


def run(args: argparse.Namespace) -> int:
    from ..search import search

    started = time.perf_counter()
    results = search(args.db, args.query, limit=args.limit, per_file=args.per_file)
    if args.verbosity > 0:
        seconds = time.perf_counter() - started
        words = " ".join(results.words)
        print(
            f"{len(results.hits)} hit(s) for the words {words!r} in {seconds:.3f} s",
            file=sys.stderr,
        )
    note = _note(results) or (None if results.hits else "no compétence matches")
    if args.json:
        out = {
            "query": args.query,
            "words": results.words,
            "all_words": results.all_words,
            "unmatched": results.unmatched,
            "hits": [hit.to_dict() for hit in results.hits],
        }
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif results.hits:
        print(_table(results.hits))
    if note and args.verbosity >= 0:
        print(f"note: {note}", file=sys.stderr)
    return 0
