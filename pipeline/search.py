"""Full-text search over the SQLite catalogue written by ``export --to sqlite``.

User text is never passed to FTS5 as query syntax: it is cut into words,
each word is quoted (so ``"``, ``*``, ``-``, ``:``, ``NEAR``, ``AND`` are plain
text), words of four letters or more also match as prefixes ("vente" finds
"ventes"; whole-word matches rank higher), and the words are combined with
AND, falling back to OR when no compétence holds them all. Results are ranked
by BM25 with the compétence's own libellé weighted highest; a compétence whose
libellé equals the query (ignoring case, accents and punctuation) always
comes first.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from contextlib import closing
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .errors import ReferentielError
from .export.catalogue import FTS_COLUMNS, FTS_TABLE, search_text

#: BM25 weights of the FTS columns, in ``FTS_COLUMNS`` order.
WEIGHTS = {"libelle": 10.0, "bloc": 3.0, "certification": 2.0, "evaluation": 1.0}
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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


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


def match_expression(terms: list[str], operator: str = "AND") -> str:
    """An FTS5 MATCH expression in which every term is a quoted string (never syntax)."""
    parts = []
    for term in terms:
        quoted = '"' + term.replace('"', '""') + '"'
        # the whole word, or as a prefix: a row holding the whole word matches both, so
        # BM25 ranks "définis" above "définissant" for the query "definis"
        parts.append(f"({quoted} OR {quoted}*)" if len(term) >= PREFIX_MIN else quoted)
    return f" {operator} ".join(parts)


_SQL = f"""
SELECT bm25({FTS_TABLE}, {", ".join(str(WEIGHTS[c]) for c in FTS_COLUMNS)}) AS score,
       f.doc_sha256, f.competence_id, c.code, c.libelle, c.bloc_id,
       b.code, b.libelle, d.intitule, d.type, d.filename
FROM {FTS_TABLE} AS f
JOIN competences AS c ON c.doc_sha256 = f.doc_sha256 AND c.competence_id = f.competence_id
LEFT JOIN blocs AS b ON b.doc_sha256 = c.doc_sha256 AND b.bloc_id = c.bloc_id
JOIN certifications AS d ON d.doc_sha256 = c.doc_sha256
WHERE {FTS_TABLE} MATCH ?
ORDER BY fold(c.libelle) = ? DESC, score, f.doc_sha256, f.competence_id
LIMIT ?
"""


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


def search(db: str | Path, query: str, limit: int = 10) -> list[Hit]:
    """Ranked compétences matching ``query`` (any text; empty list when it has no words)."""
    terms = words(query)
    if not terms or limit < 1:
        return []
    limit = min(limit, MAX_LIMIT)
    with closing(_connect(Path(db))) as conn:
        rows: list[tuple[Any, ...]] = []
        for operator in ("AND", "OR"):
            params = (match_expression(terms, operator), fold(query), limit)
            try:
                rows = conn.execute(_SQL, params).fetchall()
            except sqlite3.Error as err:  # tables of another shape, a damaged file
                raise ReferentielError(db, f"not a referentiel catalogue ({err})") from err
            if rows or len(terms) == 1:
                break
    return [Hit(n, 0.0 - row[0], *row[1:]) for n, row in enumerate(rows, 1)]
