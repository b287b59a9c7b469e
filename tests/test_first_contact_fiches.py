"""Failures the first contact with unseen publishers showed, on real files:
a two-column fiche ruled between its rows only (no vertical rule), its unit's
code printed as a labelled field in a one-row table ("Code : | 0229").

Each test reads a real file of tests/data/real with the real reader and
segmenter; what it compares against is the document's hand-checked reference
or the PDF's own drawing (pdfplumber).
"""

from __future__ import annotations

import pdfplumber
from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract, parse
from referentiel.docmodel import Kind

AGRI = REAL / "qc-dec-gestion-agricole-competences.pdf"


def test_rows_ruled_table_splits_at_its_gutter() -> None:
    """The fiche's grid draws no rule between its two columns: every row
    leaves the same strip empty, and the cells are read on each side of it."""
    with pdfplumber.open(AGRI) as pdf:
        page = pdf.pages[1]
        upright = [r for r in page.rects if r["bottom"] - r["top"] > 5 and r["x1"] - r["x0"] < 3]
    assert upright  # the frame's sides are drawn ...
    assert all(r["x0"] < 100 or r["x0"] > 500 for r in upright)  # ... no rule between columns
    doc = parse(AGRI)
    tables = [b for b in doc.blocks if b.kind is Kind.TABLE and b.page == 2]
    grid = next(t for t in tables if t.rows[0].cells[0].text.startswith("Éléments"))
    assert [len(row.cells) for row in grid.rows] == [2] * len(grid.rows)
    assert grid.rows[1].cells[0].text.startswith("1. Caractériser")
    assert grid.rows[1].cells[1].text.startswith("Pertinence")


def test_code_field_codes_the_fiche_bloc() -> None:
    """'Code : | 0229' heads each fiche: the bloc its statement opens takes the
    code, and the field is no compétence of the bloc before it."""
    ref = extract(AGRI)
    gold = {b["code"]: b for b in gold_of(AGRI)["blocs"]}
    detailed = [b for b in ref.blocs if b.competences]  # the others only listed
    assert [b.code for b in detailed] == ["0229", "021N"]
    for bloc in detailed:
        assert bloc.libelle == gold[bloc.code]["libelle"]
        assert [c.libelle for c in bloc.competences] == [
            c["libelle"] for c in gold[bloc.code]["competences"]
        ]
