"""The BTS grilles d'aide à l'évaluation in Word (E4 and E6 of the BTS NDRC,
the Ministry's circular annexes): an épreuve code over its grid, compétence
titles as merged rows (two side by side in one table), a header
« Critères … | TI | I | S | TS » over boxes to tick, and in each row a
numbered ability with its critères in parentheses. Real reader and segmenter
on the real files; the reference is each document's hand-checked gold.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract, parse
from referentiel.backends.symbol_fonts import EMPTY, map_symbol
from referentiel.docmodel import Kind
from referentiel.rules import default_rules
from referentiel.segment.checks import check_columns
from referentiel.segment.glossed import glossed
from referentiel.segment.headers import header_roles

E4 = REAL / "bts-ndrc-grille-e4-ccf.docx"
E6 = REAL / "bts-ndrc-grille-e6-ccf.docx"


def _grids(path: Path) -> list:
    return [b for b in parse(path).blocks if b.kind is Kind.TABLE]


def test_a_row_of_boxes_to_tick_is_no_header() -> None:
    """A body row whose other cells are empty boxes names no role: only the
    row of labels « Critères … | TI | I | S | TS » is the header."""
    rules = default_rules()
    grid = _grids(E4)[0]
    checks = frozenset(check_columns(grid))
    assert checks == {1, 2, 3, 4}
    roles = [header_roles(row, rules, checks) for row in grid.rows]
    assert roles[1] == {0: "criteres", 1: "score", 2: "score", 3: "score", 4: "score"}
    assert roles[2:] == [None] * 4


def test_one_label_beside_a_rating_scale_over_boxes_is_a_header() -> None:
    """The scale's heads over columns of boxes to tick make the row of one
    label a header; over empty cells (a form's columns to write a score in,
    beside a « Compétence N : … » row) they do not."""
    rules = default_rules()
    grid = _grids(E6)[0]
    header = grid.rows[0]
    assert header_roles(header, rules, frozenset(check_columns(grid))) == {
        0: "criteres",
        1: "score",
        2: "score",
        3: "score",
        4: "score",
    }
    assert header_roles(header, rules) is None


def test_a_wingdings_circle_is_a_box_to_tick() -> None:
    assert map_symbol("Wingdings", "\uf0a1") == EMPTY
    assert map_symbol("Wingdings", "\uf0a7") == "\uf0a7"  # a square bullet stays a bullet


def test_a_numbered_ability_with_its_critères_in_parentheses() -> None:
    assert glossed(
        "1 - Analyser un portefeuille client (Pertinence de l’analyse, qualification)"
    ) == (
        "Analyser un portefeuille client",
        "Pertinence de l’analyse, qualification",
    )
    assert glossed("2 – Animer un évènement commercial (qualité de l’animation)") == (
        "Animer un évènement commercial",
        "Qualité de l’animation",
    )
    assert glossed("Analyser un portefeuille client (Pertinence)") is None  # not numbered
    assert glossed("1 - La procédure est respectée (voir la notice)") is None  # no ability
    assert glossed("1 - Analyser (a) puis (b)") is None  # the parentheses do not close it


@pytest.mark.parametrize("path", [E4, E6], ids=["e4", "e6"])
def test_the_grid_reads_as_its_reference(path: Path) -> None:
    """One bloc, the épreuve; its compétences the title rows (E4: two set side
    by side in its second table); one critère per row, the parenthesised text,
    linked to the title over its column; the abilities are the compétences'
    details."""
    gold = gold_of(path)["blocs"]
    ref = extract(path)
    assert [(b.code, b.libelle) for b in ref.blocs] == [(b["code"], b["libelle"]) for b in gold]
    bloc, expected = ref.blocs[0], gold[0]
    assert [c.libelle for c in bloc.competences] == [c["libelle"] for c in expected["competences"]]
    assert [c.details for c in bloc.competences] == [c["details"] for c in expected["competences"]]
    got = sorted((k.libelle, tuple(k.competences)) for k in bloc.criteres)
    want = sorted((k["libelle"], tuple(k["competences"])) for k in expected["criteres"])
    assert got == want
    assert bloc.modalites_evaluation == []
