"""The embedded catalogue: every table in one SQLite file plus a full-text index.

``competences_fts`` is an FTS5 table with one row per compétence (the search
documents of ``documents.py``), tokenised with ``unicode61 remove_diacritics 2``
so that accent-less queries match accented text ("negociation" finds
"négociation") and case does not matter. Indexed text and queries both go through
:func:`search_text` (NFKC, œ/æ spelt out), so "oeuvre" finds "œuvre", "ﬁche" finds
"fiche" and a query typed in decomposed form (NFD) finds its word. Beside each
text column, a ``*_stem`` column holds the French Snowball stems of its words, so
"fidélisation" finds "fidéliser" and "clients" finds "client". The catalogue's
tables are declared with their primary and foreign keys (``tables.TABLES``).
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Sequence
from contextlib import closing
from functools import lru_cache
from pathlib import Path

import pandas as pd
import snowballstemmer

from .. import __version__
from ..atomic import atomic_path
from ..errors import UnwritableOutput
from ..textclean import fold
from .documents import search_documents
from .load import Loaded
from .tables import TABLES, Table

#: Version of the catalogue layout (tables, FTS columns); bumped when it changes.
CATALOGUE_VERSION = "3"
FTS_TABLE = "competences_fts"
#: Indexed FTS columns in order; ``search.py`` weights them in this order.
FTS_COLUMNS = ("libelle", "bloc", "certification", "evaluation")
#: The same texts as French Snowball stems (``stems``), in the same order.
STEM_COLUMNS = tuple(f"{name}_stem" for name in FTS_COLUMNS)

_SQL_TYPES = {"string": "TEXT", "Int64": "INTEGER", "boolean": "INTEGER"}


def create_table_sql(name: str, table: Table) -> str:
    """``CREATE TABLE`` with typed columns, the primary key and the foreign keys declared."""
    parts = [f"{col} {_SQL_TYPES[c.dtype]}" for col, c in table.columns.items()]
    if table.primary_key:
        parts.append(f"PRIMARY KEY ({', '.join(table.primary_key)})")
    for cols, parent, parent_cols in table.foreign_keys:
        parts.append(
            f"FOREIGN KEY ({', '.join(cols)}) REFERENCES {parent} ({', '.join(parent_cols)})"
        )
    return f"CREATE TABLE {name} (\n  " + ",\n  ".join(parts) + "\n)"


def _insert(conn: sqlite3.Connection, name: str, frame: pd.DataFrame) -> None:
    values = frame.astype(object).where(frame.notna(), None)
    marks = ", ".join("?" * len(frame.columns))
    conn.executemany(f"INSERT INTO {name} VALUES ({marks})", values.itertuples(index=False))


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})
_WORD = re.compile(r"\w+")


def search_text(text: str) -> str:
    """``text`` as indexed and searched: NFKC (composed, ligatures like "ﬁ" split), œ and æ
    spelt out (Unicode keeps them as letters of their own)."""
    return unicodedata.normalize("NFKC", text).translate(_LIGATURES)


_STEMMER = snowballstemmer.stemmer("french")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    stem: str = _STEMMER.stemWord(word)
    return stem


def stems(text: str) -> list[str]:
    """The French Snowball stems of the words of ``text``, lower case and accent-free
    ("fidélisation" and "fidéliser" → "fidelis"). Words are folded before stemming, so a
    query typed without accents gets the stems of the accented text."""
    return [_stem(word) for word in _WORD.findall(fold(search_text(text)))]


def _join(*parts: str | None) -> str:
    return search_text(" ".join(part for part in parts if part))


def _create_fts(conn: sqlite3.Connection, documents: Sequence[Loaded]) -> int:
    columns = ", ".join(FTS_COLUMNS + STEM_COLUMNS)
    conn.execute(
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({columns}, "
        "doc_sha256 UNINDEXED, competence_id UNINDEXED, referentiel_key UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    rows = []
    for rec in search_documents(documents):
        bloc, cert = rec["bloc"] or {}, rec["certification"]
        evaluation = [text for k in rec["criteres"] for text in (k["libelle"], *k["indicateurs"])]
        texts = (
            _join(rec["code"], rec["libelle"]),
            _join(bloc.get("code"), bloc.get("libelle")),
            _join(cert["type"], cert["intitule"], cert["code_rncp"]),
            search_text("\n".join(evaluation)),
        )
        stemmed = tuple(" ".join(stems(text)) for text in texts)
        keys = (rec["doc_sha256"], rec["competence_ref"], rec["referentiel_key"])
        rows.append(texts + stemmed + keys)
    marks = ", ".join("?" * (len(FTS_COLUMNS) + len(STEM_COLUMNS) + 3))
    conn.executemany(f"INSERT INTO {FTS_TABLE} VALUES ({marks})", rows)
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
            conn.execute(create_table_sql(name, TABLES[name]))
            _insert(conn, name, frame)
            counts[name] = len(frame)
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
