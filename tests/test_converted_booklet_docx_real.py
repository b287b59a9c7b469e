"""The BTS NDRC référentiel de certification converted from PDF to Word: bold
compétence rows over savoir-faire rows in body type, a compétence table whose
second part is drawn on a finer grid, and savoirs set out as grids of cells
(below a « Savoirs associés » row of the table, or as a table of their own).
Real reader and segmenter on the real file; the reference is its hand-checked
gold."""

from __future__ import annotations

import pytest
from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract, parse
from referentiel.docmodel import Kind
from referentiel.segment.headless_views import _finer_grid

DOC = REAL / "bts-ndrc-referentiel-certification-blocs.docx"


@pytest.fixture(scope="module")
def result() -> dict:
    return extract(DOC).model_dump(mode="json")


def test_bold_rows_are_the_competences_and_plain_rows_their_savoir_faire(result: dict) -> None:
    """Each bold row names a compétence; the rows in body type below it are its
    savoir-faire (details), and the critères beside them judge it."""
    gold = gold_of(DOC)
    for bloc, expected in zip(result["blocs"], gold["blocs"], strict=True):
        assert [c["libelle"] for c in bloc["competences"]] == [
            c["libelle"] for c in expected["competences"]
        ]
        assert [c["details"] for c in bloc["competences"]] == [
            c["details"] for c in expected["competences"]
        ]
        ids = {c["id"]: c["libelle"] for c in bloc["competences"]}
        got = [(k["libelle"], [ids[i] for i in k["competences"]]) for k in bloc["criteres"]]
        want = [
            (
                k["libelle"],
                [expected["competences"][int(i[-2:]) - 1]["libelle"] for i in k["competences"]],
            )
            for k in expected["criteres"]
        ]
        assert got == want


def test_a_split_table_on_a_finer_grid_keeps_its_roles() -> None:
    """The second part of bloc 2's table has four grid columns for the two
    columns of the first part: each role stands over two of them, up to the
    row across the table that opens the savoirs."""
    tables = [b for b in parse(DOC).blocks if b.kind is Kind.TABLE]
    second = tables[4]
    assert second.grid_width == 4
    roles = _finer_grid(second, ["competence", "criteres"])
    assert roles == ["competence", "competence", "criteres", "criteres"]
    assert _finer_grid(second, ["competence", "criteres", None]) is None  # 4 % 3


def test_savoirs_grids_are_the_blocs_connaissances(result: dict) -> None:
    """Every savoirs cell, under the table's « Savoirs associés » row or in a
    table of its own after the compétences, goes to its bloc's connaissances,
    a cell merged over two rows once."""
    gold = gold_of(DOC)
    for bloc, expected in zip(result["blocs"], gold["blocs"], strict=True):
        heads = [x for x in expected["connaissances"] if x[0].isupper()][:3]
        for head in heads:
            assert head in bloc["connaissances"]
    first = result["blocs"][0]["connaissances"]
    assert first.count("Savoirs technologiques/web") == 1
    assert "Règlementation de la concurrence" in first
