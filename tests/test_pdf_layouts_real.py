"""Real PDF layouts (issue 9): shaded cells, header rows repeated on every page,
headings continued over pages, blocs told apart by a word.

Each test reads a real file of tests/data/real with the real reader and
segmenter; what it compares against is read from the PDF (pdfplumber) or from
the document's hand-checked reference.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from fixtures.paths import ROOT
from fixtures.real_docs import gold_of
from referentiel.api import extract, parse
from referentiel.backends.pdf_rulings import ruling_edges
from referentiel.docmodel import Kind

REAL = ROOT / "tests" / "data" / "real"
DWWM = REAL / "tp-dwwm-rc-criteres.pdf"
FIG = REAL / "titre-fig-ingenieur-referentiel.pdf"


def test_white_cell_shading_draws_no_rule() -> None:
    """The grid page of the DWWM RC paints white rectangles a few points inside
    its cells: their edges are not rulings, the thin black rules are."""
    with pdfplumber.open(DWWM) as pdf:
        page = pdf.pages[4]
        white = [
            r
            for r in page.rects
            if r.get("fill") and not r.get("stroke") and r.get("non_stroking_color") == 1.0
        ]
        assert white  # the file paints them
        rules = [r["x0"] for r in page.rects if r.get("non_stroking_color") == 0.0]
        inset = [r["x0"] for r in white if all(abs(r["x0"] - x) > 1.0 for x in rules)]
        assert inset  # a white fill's left side where no black rule runs
        kept = [e["x0"] for e in ruling_edges(page) if e["orientation"] == "v"]
        assert not [x for x in inset if any(abs(x - k) < 0.05 for k in kept)]
        assert any(abs(x - k) < 0.05 for x in rules for k in kept)


def test_critere_grid_is_one_table_with_one_row_per_competence() -> None:
    document = parse(DWWM)
    headed = [b for b in document.blocks if b.kind is Kind.TABLE and b.rows and b.rows[0].header]
    # the modalités table (pages 3-4, one table once its shading cuts no sliver) and the grid
    assert len(headed) == 2
    grids = [b for b in headed if "Critères" in " ".join(c.text for c in b.rows[0].cells)]
    assert len(grids) == 1
    widths = {sum(max(1, c.col_span) for c in row.cells) for row in grids[0].rows}
    assert widths == {6}  # no sliver column
    spanning = [r for r in grids[0].rows if len(r.cells) == 1]
    gold = gold_of(DWWM)
    assert [r.cells[0].text for r in spanning][:2] == [b["libelle"] for b in gold["blocs"]]


def test_dwwm_blocs_told_apart_by_one_word() -> None:
    """'front-end' / 'back-end': two activités types, each with its four compétences."""
    gold = gold_of(DWWM)
    out = extract(DWWM)
    assert [b.libelle for b in out.blocs] == [b["libelle"] for b in gold["blocs"]]
    assert [len(b.competences) for b in out.blocs] == [4, 4]
    assert sum(len(b.criteres) for b in out.blocs) == 46


def test_heading_continued_over_pages_is_no_furniture() -> None:
    """'FIG-BC10 … (page 1/2)' and '(page 2/2)' head two pages of four: a bloc."""
    out = extract(FIG)
    gold = gold_of(FIG)
    assert [b.code for b in out.blocs] == [b["code"] for b in gold["blocs"]]


@pytest.mark.parametrize("path", [DWWM, FIG], ids=lambda p: p.name)
def test_shaded_header_cells_are_whole(path: Path) -> None:
    """No header cell of a shaded table is cut into empty slivers."""
    document = parse(path)
    for block in document.walk():
        if block.kind is Kind.TABLE and block.rows and block.rows[0].header:
            assert all(cell.blocks for cell in block.rows[0].cells)


def test_coded_alternatives_and_continued_page_are_competences() -> None:
    """FIG-BC10 prints 'Et au choix :' and 'Ou' between its coded compétences and
    continues them on a page of its own; BC1's C8 and BC2's C7 share their words."""
    gold = gold_of(FIG)
    out = extract(FIG)
    assert [[c.code for c in b.competences] for b in out.blocs] == [
        [c["code"] for c in b["competences"]] for b in gold["blocs"]
    ]


def test_competences_told_apart_by_one_word() -> None:
    """'… à deux roues hors circulation' and '… en circulation': two fiches."""
    path = REAL / "tp-ecsr-reac-ccs1.pdf"
    gold = gold_of(path)
    out = extract(path)
    assert [c.code for c in out.blocs[0].competences] == [
        c["code"] for c in gold["blocs"][0]["competences"]
    ]
