"""Full-text search over the SQLite catalogue written by ``export --to sqlite``.

User text is never passed to FTS5 as query syntax: it is cut into words, each
word is quoted (so ``"``, ``*``, ``-``, ``:``, ``NEAR``, ``AND`` are plain text).
A word matches the accent-free text as itself or as a prefix when it has four
letters or more ("vente" finds "ventes"), and the French Snowball stems by its
stem ("fidélisation" finds "fidéliser", "clients" finds "client"). Words are
combined with AND; when no compétence holds them all, the search says so
(``Results.all_words`` is false) and shows the compétences holding any of them.

Ranking: a compétence whose libellé equals the query (ignoring case, accents
and punctuation) first; then those whose own libellé matches the query before
those that match only through their bloc, certification or critères; then
BM25 with the libellé weighted highest. By default a compétence found in
several files of one référentiel (PDF, Word, scan, another version) is one
hit, with the number of files holding it; ``per_file=True`` lists every file.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from contextlib import closing
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .errors import ReferentielError
from .export.catalogue import FTS_COLUMNS, FTS_TABLE, STEM_COLUMNS, search_text, stems

#: BM25 weights of the FTS columns, in ``FTS_COLUMNS`` then ``STEM_COLUMNS`` order.
WEIGHTS = {"libelle": 10.0, "bloc": 3.0, "certification": 2.0, "evaluation": 1.0}
STEM_WEIGHT = 0.8  # a stem column weighs this share of its text column
#: Words that would make an AND query needlessly strict; dropped unless nothing else is left.
STOPWORDS = frozenset(
    {"a", "au", "aux", "avec", "ce", "ces", "d", "dans", "de", "des", "du", "elle", "en", "et"}
    | {"il", "l", "la", "le", "les", "leur", "leurs", "ou", "par", "pour", "qu", "que", "qui"}
    | {"sa", "se", "ses", "son", "sur", "un", "une", "à"}
)
MAX_WORDS = 32
MAX_LIMIT = 10_000  # results at most, whatever --limit asks
PREFIX_MIN = 4

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Hit:
    """One ranked compétence with where it belongs."""

    rank: int
    score: float
    doc_sha256: str
    competence_id: str
    code: str | None
    libelle: str
    bloc_id: str | None
    bloc_code: str | None
    bloc_libelle: str | None
    certification: str | None
    certification_type: str | None
    filename: str
    referentiel_key: str
    files: int  # files of the référentiel holding this compétence (1 with per_file)
    in_libelle: bool  # the query matched the compétence's own libellé

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Results:
    """The hits of a query, and whether every word of it matched together."""

    hits: list[Hit] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    all_words: bool = True  # false: no compétence holds every word, hits hold some
    unmatched: list[str] = field(default_factory=list)  # words no compétence holds


def fold(text: str | None) -> str:
    """Lower-case, accent-less, punctuation-free form used to spot exact matches."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", search_text(text).casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(bare))


def words(query: str) -> list[str]:
    """The query's words (at most ``MAX_WORDS``), stop words dropped when others remain."""
    found = _WORD.findall(search_text(query))[:MAX_WORDS]
    content = [w for w in found if w.casefold() not in STOPWORDS]
    return content or found


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def word_expression(term: str, columns: tuple[str, ...] = FTS_COLUMNS) -> str:
    """One word as FTS5 syntax: the word (or a prefix) in ``columns``, or its stem in their
    stem columns. The word is always a quoted string, never syntax."""
    quoted = _quote(term)
    # the whole word, or as a prefix: a row holding the whole word matches both, so
    # BM25 ranks "définis" above "définissant" for the query "definis"
    text = f"{quoted} OR {quoted}*" if len(term) >= PREFIX_MIN else quoted
    parts = [f"{{{' '.join(columns)}}} : ({text})"]
    stem = stems(term)
    if stem:
        stem_columns = " ".join(f"{name}_stem" for name in columns)
        parts.append(f"{{{stem_columns}}} : {_quote(' '.join(stem))}")
    return "(" + " OR ".join(parts) + ")"


def match_expression(
    terms: list[str], operator: str = "AND", columns: tuple[str, ...] = FTS_COLUMNS
) -> str:
    """An FTS5 MATCH expression in which every term is a quoted string (never syntax)."""
    return f" {operator} ".join(word_expression(term, columns) for term in terms)


_WEIGHTS = ", ".join(
    [str(WEIGHTS[c]) for c in FTS_COLUMNS] + [str(WEIGHTS[c] * STEM_WEIGHT) for c in FTS_COLUMNS]
)
assert len(STEM_COLUMNS) == len(FTS_COLUMNS)

_SQL = f"""
WITH found AS (
  SELECT bm25({FTS_TABLE}, {_WEIGHTS}) AS score,
         f.rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :own) AS own,
         fold(c.libelle) = :folded AS exact,
         f.doc_sha256, f.competence_id, c.code, c.libelle, c.bloc_id,
         b.code AS bloc_code, b.libelle AS bloc_libelle, d.intitule, d.type, d.filename,
         d.referentiel_key
  FROM {FTS_TABLE} AS f
  JOIN competences AS c ON c.doc_sha256 = f.doc_sha256 AND c.competence_id = f.competence_id
  LEFT JOIN blocs AS b ON b.doc_sha256 = c.doc_sha256 AND b.bloc_id = c.bloc_id
  JOIN certifications AS d ON d.doc_sha256 = c.doc_sha256
  WHERE {FTS_TABLE} MATCH :query
), ranked AS (
  SELECT *,
         row_number() OVER (PARTITION BY {{group}} ORDER BY exact DESC, own DESC, score,
                            doc_sha256) AS nth,
         count(*) OVER (PARTITION BY {{group}}) AS files
  FROM found
)
SELECT score, doc_sha256, competence_id, code, libelle, bloc_id, bloc_code, bloc_libelle,
       intitule, type, filename, referentiel_key, files, own
FROM ranked WHERE nth = 1
ORDER BY exact DESC, own DESC, score, referentiel_key, competence_id, doc_sha256
LIMIT :limit
"""
_GROUPS = {False: "referentiel_key, competence_id", True: "doc_sha256, competence_id"}


def _connect(db: Path) -> sqlite3.Connection:
    if not db.is_file():
        raise ReferentielError(
            db, "no such catalogue (write one with: referentiel export … --to sqlite)"
        )
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
        found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (FTS_TABLE,)).fetchone()
    except sqlite3.DatabaseError as err:
        raise ReferentielError(db, f"not a SQLite catalogue: {err}") from err
    if not found:
        conn.close()
        raise ReferentielError(db, f"not a referentiel catalogue (no {FTS_TABLE} table)")
    conn.create_function("fold", 1, fold, deterministic=True)
    return conn


def _rows(conn: sqlite3.Connection, db: Path, sql: str, params: dict[str, Any]) -> list[Any]:
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.Error as err:  # tables of another shape, a damaged file
        raise ReferentielError(db, f"not a referentiel catalogue ({err})") from err


def search(db: str | Path, query: str, limit: int = 10, per_file: bool = False) -> Results:
    """Ranked compétences matching ``query`` (any text; no hits when it has no words)."""
    terms = words(query)
    results = Results(words=terms)
    if not terms or limit < 1:
        return results
    path, sql = Path(db), _SQL.format(group=_GROUPS[per_file])

    def run(operator: str) -> list[Any]:
        params = {
            "query": match_expression(terms, operator),
            "own": match_expression(terms, operator, ("libelle",)),
            "folded": fold(query),
            "limit": min(limit, MAX_LIMIT),
        }
        return _rows(conn, path, sql, params)

    with closing(_connect(path)) as conn:
        rows = run("AND")
        if not rows:
            results.all_words = False
            one = f"SELECT 1 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :query LIMIT 1"
            results.unmatched = [
                t for t in terms if not _rows(conn, path, one, {"query": word_expression(t)})
            ]
            if len(results.unmatched) < len(terms):
                rows = run("OR")
    for n, row in enumerate(rows, 1):
        values: list[Any] = [n, 0.0 - row[0], *row[1:13], bool(row[13])]
        results.hits.append(Hit(*values))
    return results
