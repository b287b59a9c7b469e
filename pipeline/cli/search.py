"""``referentiel search DB QUERY``."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from typing import Any

from ._common import positive

MAX_LIMIT = 10_000  # the same as referentiel.search.MAX_LIMIT (not imported: --help stays fast)


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "search",
        help="full-text search of compétences in a SQLite catalogue",
        description=(
            "Search the compétences of a catalogue written by 'referentiel export … --to "
            "sqlite'. Accents and case are ignored; any text is accepted (it is never "
            "interpreted as query syntax). Results are ranked by relevance (BM25)."
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
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    return parser


def _cut(text: str | None, width: int) -> str:
    text = text or ""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _table(hits: list[Any]) -> str:
    width = shutil.get_terminal_size((120, 20)).columns
    text_width = max((width - 20) // 2, 20)
    lines = [f"{'#':>3}  {'score':>8}  {'compétence':<{text_width}}  bloc / certification"]
    for hit in hits:
        comp = " ".join(part for part in (hit.code, hit.libelle) if part)
        bloc = " ".join(part for part in (hit.bloc_code, hit.bloc_libelle) if part)
        where = f"{bloc or 'transversale'} — {hit.certification or hit.filename}"
        lines.append(
            f"{hit.rank:>3}  {hit.score:>8.3g}  {_cut(comp, text_width):<{text_width}}  "
            f"{_cut(where, text_width)}"
        )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from ..search import search

    hits = search(args.db, args.query, limit=args.limit)
    if args.json:
        json.dump([hit.to_dict() for hit in hits], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif hits:
        print(_table(hits))
    else:
        print("no compétence matches", file=sys.stderr)
    return 0
