"""A college's « logigramme des compétences » (Word): each compétence a merged
row « 02GN Explorer la profession. », then a header « Éléments de compétence |
S1 … S6 | Titre des cours … » whose term columns hold marks (●, ½, R), then its
elements. Real reader and segmenter on the real file; the reference is the
document's hand-checked gold.
"""

from __future__ import annotations

from pathlib import Path

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract, parse
from referentiel.docmodel import Kind
from referentiel.rules import default_rules
from referentiel.segment.checks import is_tick, mark_columns
from referentiel.segment.headers import header_roles

LOGIGRAMME = REAL / "qc-cegep-rt-logigramme-competences.docx"
BEPA = REAL / "bepa-sap-capacites-epreuves.md"


def _grids(path: Path) -> list:
    return [b for b in parse(path).blocks if b.kind is Kind.TABLE]


def test_marks_are_glyphs_and_letters_not_numbers() -> None:
    assert is_tick("●") and is_tick("½") and is_tick("R") and is_tick(" X ")
    assert not is_tick("2") and not is_tick("S1") and not is_tick("") and not is_tick("12")


def test_term_columns_of_marks_let_the_header_be_read() -> None:
    """The six term heads name no role; over columns of marks they do not
    count against the header, which names the elements' column."""
    rules = default_rules()
    grid = _grids(LOGIGRAMME)[6]  # the second logigramme table (02GS … 02GW)
    marks = frozenset(mark_columns(grid))
    assert marks == {1, 2, 3, 4, 5, 6}  # S1 … S6, not the elements nor the course titles
    header = grid.rows[1]
    assert header.cells[0].text.startswith("Éléments de compétences")
    assert header_roles(header, rules) is None  # six unnamed heads: no header
    assert header_roles(header, rules, marks=marks) == {0: "competence"}


def test_numbers_are_no_marks() -> None:
    """An épreuves table's coefficients and counts (digits) make no mark
    column: its header stays unread, as before."""
    assert not any(mark_columns(grid) for grid in _grids(BEPA))


def test_ministerial_code_rows_are_the_blocs() -> None:
    """Each merged row « 02GN Explorer la profession. » is a bloc coded 02GN;
    the elements below it, vertically merged over several grid rows, are its
    compétences, once each."""
    gold = gold_of(LOGIGRAMME)["blocs"]
    ref = extract(LOGIGRAMME)
    assert [b.code for b in ref.blocs] == [b["code"] for b in gold]
    assert [b.libelle for b in ref.blocs] == [b["libelle"] for b in gold]
    for bloc, expected in zip(ref.blocs, gold, strict=True):
        assert [(c.code, c.libelle) for c in bloc.competences] == [
            (c["code"], c["libelle"]) for c in expected["competences"]
        ]
