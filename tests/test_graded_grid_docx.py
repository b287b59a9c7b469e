"""A graded rubric grid in Word (BTS NDRC E2, the circular's annex IV-1): a
header « | Degré 1 … Degré 4 | Points » in the middle of the table, per
critère a descriptor row and a points row under one merged label cell, the
épreuve row « E2 – … » across the grid, identity, bonus and total rows laid on
other columns. Real reader and segmenter on the real file; the reference is
the document's hand-checked gold.
"""

from __future__ import annotations

import itertools

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract, parse
from referentiel.docmodel import Block, Kind
from referentiel.rules import default_rules
from referentiel.segment.graded import graded_columns
from referentiel.segment.table_roles import table_views

E2 = REAL / "bts-ndrc-grille-e2-langue-vivante.docx"


def _grid() -> Block:
    return next(b for b in parse(E2).blocks if b.kind is Kind.TABLE)


def test_the_degrees_head_indicateurs_and_the_blank_column_the_criteres() -> None:
    """The row of graded levels is the header, wherever it stands: its blank
    first cell heads the critères, the degrees their indicateurs, « Points » a
    score; no other row of the table is graded."""
    rules = default_rules()
    grid = _grid()
    graded = [index for index, row in enumerate(grid.rows) if graded_columns(row, rules)]
    assert graded == [5]
    counter = itertools.count()
    views = table_views(grid, rules, lambda: next(counter), {})
    assert len(views) == 1
    assert views[0].roles == ["criteres"] + ["indicateurs"] * 8 + ["score"]
    assert views[0].graded == (0, 1, 3, 4, 7, 9)


def test_the_graded_grid_is_read_not_refused() -> None:
    """The épreuve is the bloc, the four critères carry their four degree
    descriptors each (a cell of two paragraphs one indicateur), no points, no
    identity field, no bonus; the épreuve's two parts listed above the grid
    are its modalités; as the reference says."""
    ref = extract(E2)
    gold = gold_of(E2)["blocs"][0]
    (bloc,) = ref.blocs
    assert (bloc.code, bloc.libelle) == (gold["code"], gold["libelle"])
    assert [c.libelle for c in bloc.criteres] == [c["libelle"] for c in gold["criteres"]]
    assert [c.indicateurs for c in bloc.criteres] == [c["indicateurs"] for c in gold["criteres"]]
    assert bloc.modalites_evaluation == gold["modalites_evaluation"]
