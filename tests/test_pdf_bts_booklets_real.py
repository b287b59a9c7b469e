"""The Ministry's BTS booklets (issue 9, first contact): blocs with their
compétences, savoir-faire, savoirs and critères set in ruled tables.

Each test reads a real file of tests/data/real with the real reader and
segmenter and compares with the document's hand-checked reference.
"""

from __future__ import annotations

from pathlib import Path

from fixtures.real_docs import gold_of
from referentiel.api import extract, parse
from referentiel.docmodel import Kind

REAL = Path(__file__).resolve().parent / "data" / "real"
MCO = REAL / "bts-mco-referentiel-certification.pdf"
NDRC = REAL / "bts-ndrc-bloc1-competences.pdf"


def test_two_text_columns_in_one_cell_are_read_one_after_the_other() -> None:
    """Bloc 1's critères are set in two unruled columns inside one cell: the
    left column's critères come before the right one's, no line mixes the two
    (two of them still share a paragraph: a full line ending a sentence)."""
    table = next(b for b in parse(MCO).blocks if b.kind is Kind.TABLE)
    cell = next(
        c for row in table.rows for c in row.cells if c.text.startswith("Critères d’évaluation")
    )
    gold = [k["libelle"] for k in gold_of(MCO)["blocs"][0]["criteres"]]
    assert " ".join(b.text for b in cell.blocks[1:]) == " ".join(gold)
    assert [b.text for b in cell.blocks[1:8]] == gold[:7]


def test_savoirs_merged_over_the_rows_are_the_blocs() -> None:
    """The 'Savoirs associés' cell spans every compétence row: the bloc's savoirs."""
    result = extract(MCO)
    gold = gold_of(MCO)
    for bloc, expected in zip(result.blocs, gold["blocs"], strict=True):
        assert bloc.connaissances == expected["connaissances"]
        assert all(not c.connaissances for c in bloc.competences)


def test_bold_title_over_savoir_faire_and_a_conditions_row() -> None:
    """'Bloc 1 de compétences' and its title; each bold row title is the
    compétence, the lines below it its savoir-faire; the 'Conditions d'exercice'
    row is no compétence: its contexts are every compétence's conditions."""
    result = extract(NDRC)
    gold = gold_of(NDRC)["blocs"][0]
    (bloc,) = result.blocs
    assert (bloc.code, bloc.libelle) == (gold["code"], gold["libelle"])
    assert [c.libelle for c in bloc.competences] == [c["libelle"] for c in gold["competences"]]
    for comp, expected in zip(bloc.competences, gold["competences"], strict=True):
        assert comp.details == expected["details"]
        assert set(expected["conditions_realisation"]) <= set(comp.conditions_realisation)
