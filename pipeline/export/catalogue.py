"""The embedded catalogue: every table in one SQLite file plus a full-text index.

``competences_fts`` is an FTS5 table with one row per compétence (the search
documents of ``documents.py``), tokenised with ``unicode61 remove_diacritics 2``
so that accent-less queries match accented text ("negociation" finds
"négociation") and case does not matter. Indexed text and queries both go through
:func:`search_text` (NFKC, œ/æ spelt out), so "oeuvre" finds "œuvre", "ﬁche" finds
"fiche" and a query typed in decomposed form (NFD) finds its word.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

import pandas as pd

from .. import __version__
from ..atomic import atomic_path
from ..errors import UnwritableOutput
from .documents import search_documents
from .load import Loaded

#: Version of the catalogue layout (tables, FTS columns); bumped when it changes.
CATALOGUE_VERSION = "2"
FTS_TABLE = "competences_fts"
#: Indexed FTS columns in order; ``search.py`` weights them in this order.
FTS_COLUMNS = ("libelle", "bloc", "certification", "evaluation")

_INDEXES = {
    "certifications": ("doc_sha256",),
    "blocs": ("doc_sha256", "bloc_id"),
    "competences": ("doc_sha256", "competence_id"),
    "criteres": ("doc_sha256", "critere_id"),
}


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})


def search_text(text: str) -> str:
    """``text`` as indexed and searched: NFKC (composed, ligatures like "ﬁ" split), œ and æ
    spelt out (Unicode keeps them as letters of their own)."""
    return unicodedata.normalize("NFKC", text).translate(_LIGATURES)


def _join(*parts: str | None) -> str:
    return search_text(" ".join(part for part in parts if part))


def _create_fts(conn: sqlite3.Connection, documents: Sequence[Loaded]) -> int:
    columns = ", ".join(FTS_COLUMNS)
    conn.execute(
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({columns}, "
        "doc_sha256 UNINDEXED, competence_id UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    rows = []
    for rec in search_documents(documents):
        bloc, cert = rec["bloc"] or {}, rec["certification"]
        evaluation = [text for k in rec["criteres"] for text in (k["libelle"], *k["indicateurs"])]
        rows.append(
            (
                _join(rec["code"], rec["libelle"]),
                _join(bloc.get("code"), bloc.get("libelle")),
                _join(cert["type"], cert["intitule"], cert["code_rncp"]),
                search_text("\n".join(evaluation)),
                rec["doc_sha256"],
                rec["competence_id"],
            )
        )
    conn.executemany(f"INSERT INTO {FTS_TABLE} VALUES (?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def write_sqlite(
    documents: Sequence[Loaded], tables: dict[str, pd.DataFrame], dest: Path
) -> dict[str, int]:
    """Write the catalogue to ``dest`` (replacing it); returns row counts per table."""
    try:
        return _write_sqlite(documents, tables, dest)
    except sqlite3.Error as err:  # a full disk, mostly
        raise UnwritableOutput(dest, f"cannot write the catalogue ({err})") from err


def _write_sqlite(
    documents: Sequence[Loaded], tables: dict[str, pd.DataFrame], dest: Path
) -> dict[str, int]:
    counts: dict[str, int] = {}
    with atomic_path(dest) as tmp, closing(sqlite3.connect(tmp)) as conn:
        for name, frame in tables.items():
            frame.to_sql(name, conn, index=False)
            counts[name] = len(frame)
        for name, cols in _INDEXES.items():
            conn.execute(f"CREATE UNIQUE INDEX {name}_key ON {name} ({', '.join(cols)})")
        counts[FTS_TABLE] = _create_fts(conn, documents)
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        conn.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [
                ("catalogue_version", CATALOGUE_VERSION),
                ("referentiel_version", __version__),
                ("documents", str(len(documents))),
            ],
        )
        conn.commit()
    return counts
