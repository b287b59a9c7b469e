"""Full-text search over a catalogue exported from real extraction outputs."""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from referentiel.cli import main
from referentiel.export.catalogue import FTS_COLUMNS, STEM_COLUMNS
from referentiel.search import fold, match_expression, search, words


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@pytest.fixture(scope="module")
def catalogue(extracted_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("catalogue") / "catalogue.sqlite"
    assert main(["export", str(extracted_dir), "--to", "sqlite", str(db), "-q"]) == 0
    return db


@pytest.fixture(scope="module")
def competences(extracted_dir: Path) -> list[dict[str, Any]]:
    """Every compétence of the samples, with its document key."""
    found = []
    for path in sorted(extracted_dir.rglob("*.json")):
        ref = json.loads(path.read_text(encoding="utf-8"))
        for bloc in ref["blocs"]:
            for comp in bloc["competences"]:
                found.append({**comp, "doc_sha256": ref["source"]["sha256"], "bloc": bloc})
    return found


def test_search_accentless_query_finds_accented_word(
    catalogue: Path, competences: list[dict[str, Any]]
) -> None:
    """ "negociation" finds every compétence whose libellé or bloc says "négociation"."""
    holders = {
        (c["doc_sha256"], c["id"])
        for c in competences
        if "négociation" in (c["libelle"] + " " + c["bloc"]["libelle"]).lower()
    }
    assert holders, "the samples name négociation in a compétence or bloc"
    hits = search(catalogue, "negociation", limit=100).hits
    assert holders <= {(h.doc_sha256, h.competence_id) for h in hits}
    assert all(h.certification and h.bloc_libelle for h in hits)


def _accented_words(competences: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """(word, compétence) for accented words of 7+ letters found in one libellé only."""
    owners: dict[str, list[dict[str, Any]]] = {}
    for comp in competences:
        for word in set(re.findall(r"\w{7,}", comp["libelle"].lower())):
            if strip_accents(word) != word:
                owners.setdefault(word, []).append(comp)
    return [(word, comps[0]) for word, comps in sorted(owners.items()) if len(comps) == 1]


def test_search_accentless_word_ranks_its_competence_first(
    catalogue: Path, competences: list[dict[str, Any]]
) -> None:
    """Typed without accents, a word of one compétence's libellé brings that compétence first."""
    pairs = _accented_words(competences)
    assert len(pairs) >= 5
    for word, comp in pairs:
        hits = search(catalogue, strip_accents(word), limit=3).hits
        assert hits, word
        assert (hits[0].doc_sha256, hits[0].competence_id) == (comp["doc_sha256"], comp["id"]), word
        assert word in hits[0].libelle.lower()


@pytest.mark.parametrize("index", [0, 1, -1])
@pytest.mark.parametrize("accents", [True, False])
def test_search_exact_libelle_ranks_first(
    catalogue: Path, competences: list[dict[str, Any]], index: int, accents: bool
) -> None:
    comp = competences[index]
    query = comp["libelle"] if accents else strip_accents(comp["libelle"]).upper()
    hits = search(catalogue, query, limit=5).hits
    assert hits, query
    top = hits[0]
    assert (top.doc_sha256, top.competence_id) == (comp["doc_sha256"], comp["id"])
    assert top.bloc_id == comp["bloc"]["id"] and top.bloc_libelle == comp["bloc"]["libelle"]
    assert top.rank == 1 and top.score >= 0


def test_search_scores_decrease(catalogue: Path) -> None:
    hits = search(catalogue, "client", limit=20).hits
    assert len(hits) > 1
    exact = [h for h in hits if fold(h.libelle) == "client"]
    scores = [h.score for h in hits[len(exact) :]]
    assert scores == sorted(scores, reverse=True)
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))


def test_search_limit(catalogue: Path) -> None:
    assert len(search(catalogue, "client", limit=3).hits) == 3
    assert search(catalogue, "client", limit=0).hits == []


def test_search_falls_back_to_any_word_and_says_so(catalogue: Path) -> None:
    """A word found nowhere does not hide the compétences that hold the others, and the
    results say that not every word matched, and which one did not."""
    partial = search(catalogue, "negociation zzqxwvutsr", limit=5)
    assert partial.hits and not partial.all_words and partial.unmatched == ["zzqxwvutsr"]
    full = search(catalogue, "negociation client", limit=5)
    assert full.hits and full.all_words and full.unmatched == []
    none = search(catalogue, "zzqxwvutsr")
    assert none.hits == [] and none.unmatched == ["zzqxwvutsr"]


def test_search_cli_says_when_not_every_word_matched(
    catalogue: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", str(catalogue), "négociation zzqxwvutsr"]) == 0
    captured = capsys.readouterr()
    assert captured.out and "no compétence holds 'zzqxwvutsr'" in captured.err
    assert main(["search", str(catalogue), "négociation zzqxwvutsr", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["all_words"] is False and data["unmatched"] == ["zzqxwvutsr"]


HOSTILE = [
    "",
    "   ",
    '"',
    '""',
    "'",
    "*",
    "-",
    "^",
    ":",
    "a:b",
    "libelle:vente",
    "NEAR(client vente)",
    "AND",
    "OR NOT",
    "vente AND",
    '" OR 1=1 --',
    "'; DROP TABLE competences; --",
    "(((",
    ")",
    "client*",
    "-client",
    "+client",
    "{libelle bloc}: x",
    "\x00client",
    "\u200b\ufeff",
    "🙂 négociation",
    "x" * 5000,
    " ".join(["vente"] * 200),
]


@pytest.mark.parametrize("query", HOSTILE)
def test_search_hostile_query_does_not_raise(catalogue: Path, query: str) -> None:
    hits = search(catalogue, query, limit=5).hits
    assert len(hits) <= 5
    with closing(sqlite3.connect(catalogue)) as conn:  # the catalogue is untouched
        assert conn.execute("SELECT COUNT(*) FROM competences").fetchone()[0] > 0


@pytest.mark.parametrize("query", ['" OR', "NEAR(a b)", "x:y*", "-(z)", "{libelle}: AND"])
def test_search_match_expression_quotes_every_word(query: str) -> None:
    """Outside quoted strings, the expression holds only the syntax the search writes."""
    expression = match_expression(words(query))
    syntax = re.sub(r'"(?:[^"]|"")*"', " ", expression)
    columns = {*FTS_COLUMNS, *STEM_COLUMNS}
    tokens = re.findall(r"[^\s(){}:*]+", syntax)
    assert expression.count('"') >= 2 and set(tokens) <= {"AND", "OR", *columns}


def test_search_cli_json(catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["search", str(catalogue), "négociation commerciale", "--json", "--limit", "2"]) == 0
    )
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert 1 <= len(hits) <= 2
    assert {"certification", "bloc_code", "bloc_libelle", "libelle", "score"} <= set(hits[0])


def test_search_cli_table_names_the_certification(
    catalogue: Path, competences: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    """Each hit shows its compétence, then its certification in full, then its bloc."""
    assert main(["search", str(catalogue), "negocier", "-n", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert 3 <= len(lines) <= 9 and lines[0].split()[0] == "1"
    top = next(c for c in competences if "négocier" in c["libelle"])
    with closing(sqlite3.connect(catalogue)) as conn:
        (title,) = conn.execute(
            "SELECT intitule FROM certifications WHERE doc_sha256 = ?", (top["doc_sha256"],)
        ).fetchone()
    assert len(title) > 60 and title in lines[1]


def test_search_cli_no_match(catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", str(catalogue), "zzqxwvutsr"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "no compétence matches" in captured.err


@pytest.mark.parametrize("kind", ["missing", "not-sqlite", "other-sqlite"])
def test_search_rejects_what_is_not_a_catalogue(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.sqlite"
    if kind == "not-sqlite":
        db.write_text("hello, not a database\n" * 100)
    elif kind == "other-sqlite":
        with closing(sqlite3.connect(db)) as conn:
            conn.execute("CREATE TABLE t (x)")
            conn.commit()
    assert main(["search", str(db), "vente"]) != 0
    assert str(db) in capsys.readouterr().err


def test_search_match_expression_shape() -> None:
    text = "{libelle bloc certification evaluation}"
    stem = "{libelle_stem bloc_stem certification_stem evaluation_stem}"
    assert match_expression(["ventes", "de"]) == (
        f'({text} : ("ventes" OR "ventes"*) OR {stem} : "vent") '
        f'AND ({text} : ("de") OR {stem} : "de")'
    )
    assert match_expression(["a", "b"], "OR", ("libelle",)).startswith(
        '({libelle} : ("a") OR {libelle_stem} : "a") OR'
    )
    assert words("la négociation de l'offre") == ["négociation", "offre"]
    assert words("de la") == ["de", "la"]
