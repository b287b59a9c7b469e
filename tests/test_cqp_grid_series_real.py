"""An older CQP grid with a two-level header and a code series per column (real file).

The industries alimentaires' older CQP grid heads four columns with one
merged cell, names each of them in the row below, and numbers each column's
items with a prefix of its own (a series no code rule knows), citing some
of them again by their code alone. The sub-heads are a header, not
compétences; the statements of the compétence column are its compétences,
each once, coded by the series; the savoir-être column holds none.

Each test reads the real file with the real reader and segmenter; what it
compares against is read from the document's reference or its own grid.
"""

from __future__ import annotations

from fixtures.paths import REAL
from fixtures.real_docs import extracted_json, gold_of
from referentiel.api import parse
from referentiel.docmodel import Kind
from referentiel.evaluate import similarity

OUVRIER = REAL / "cqp-industries-alimentaires-ouvrier-production.pdf"


def _codes(data: dict) -> list[str | None]:
    return [c["code"] for b in data["blocs"] for c in b["competences"]]


def _sub_heads() -> list[str]:
    """The texts of the grid's second header row, as the reader gives them."""
    grid = next(b for b in parse(OUVRIER).blocks if b.kind is Kind.TABLE and b.grid_width >= 4)
    return [cell.text for cell in grid.rows[1].cells if cell.text]


def test_the_sub_heads_are_no_competences() -> None:
    heads = _sub_heads()
    assert len(heads) >= 4
    libelles = [
        c["libelle"] for b in extracted_json(OUVRIER.name)["blocs"] for c in b["competences"]
    ]
    assert not set(heads) & set(libelles)


def test_the_series_codes_the_competences_once_each() -> None:
    data = extracted_json(OUVRIER.name)
    assert _codes(data) == _codes(gold_of(OUVRIER))


def test_the_statements_are_read_without_their_codes() -> None:
    got = [c["libelle"] for b in extracted_json(OUVRIER.name)["blocs"] for c in b["competences"]]
    gold = [c["libelle"] for b in gold_of(OUVRIER)["blocs"] for c in b["competences"]]
    assert len(got) == len(gold)
    assert all(similarity(a, b) >= 0.9 for a, b in zip(got, gold, strict=True))
