"""An annex printed under the last rows of the annex before it (real files).

The Dictionnaire Permanent Conventions Collectives prints the immobilier
branch's CQP annexes one after the other in the same France Compétences grid:
the page opening annex 2 (CQP chargé de gestion locative) prints the last rows
of annex 1 (another CQP, coded in its bloc 3) above the annex's title, and the
body under the title numbers its rows from bloc 1 again. Its activité column
prints the finer level in rows of its own ("1.2" over "1.2.1"); one activité
cell holds two paragraphs. The grains CQP's grid, coded at one level, lists
each activité's tâches as dashed items in the same cell.

Each test reads the real file with the real reader and segmenter; what it
compares against is read from the document's own blocks or from its reference.
"""

from __future__ import annotations

import re

from fixtures.paths import REAL
from fixtures.real_docs import extract_real, extracted_json, gold_of
from referentiel.api import parse
from referentiel.docmodel import Block, Kind
from referentiel.segment.draft import cell_units

LOCATIVE = REAL / "cqp-immobilier-gestion-locative-bloc1.pdf"
GRAINS = REAL / "cqp-grains-conducteur-installation-bloc3.pdf"
_CODE = re.compile(r"^(?:C\.)?\d+(?:\.\d+)+\.?(?=\s)")


def _above_title() -> list[Block]:
    """The tables the reader gives before the annex's title heading."""
    blocks = parse(LOCATIVE).blocks
    title = next(i for i, b in enumerate(blocks) if b.kind is Kind.HEADING and b.level == 1)
    return [b for b in blocks[:title] if b.kind is Kind.TABLE]


def _coded_lines(tables: list[Block]) -> list[str]:
    """The first line of every coded cell of the tables."""
    lines = []
    for table in tables:
        for row in table.rows:
            for cell in row.cells:
                units = cell_units(cell)
                if units and _CODE.match(units[0].text):
                    lines.append(units[0].text)
    return lines


def test_the_rows_above_the_annex_title_make_no_element() -> None:
    above = _coded_lines(_above_title())
    assert len(above) >= 6  # the annex before prints its last coded rows there
    codes = {_code(line) for line in above}
    result = extract_real(LOCATIVE.name)
    gold = gold_of(LOCATIVE)
    assert [b.code for b in result.blocs] == [b["code"] for b in gold["blocs"]]
    printed = {a.code for a in result.activites} | {
        c.code for b in result.blocs for c in b.competences
    }
    assert not codes & {(code or "").rstrip(".") for code in printed}
    criteres = [c.libelle for b in result.blocs for c in b.criteres]
    assert criteres == [c["libelle"] for b in gold["blocs"] for c in b["criteres"]]


def test_the_rows_above_the_annex_title_are_reported_unplaced() -> None:
    warned = [
        w["message"]
        for w in extracted_json(LOCATIVE.name)["warnings"]
        if w["code"] == "UNPLACED_TEXT"
    ]
    for line in _coded_lines(_above_title()):
        assert any(line[:40] in message for message in warned), line


def test_an_activite_cell_of_two_paragraphs_is_one_libelle() -> None:
    body = [b for b in parse(LOCATIVE).blocks if b.kind is Kind.TABLE and len(b.rows) > 10]
    cells = [cell_units(row.cells[0]) for table in body for row in table.rows if row.cells]
    two = [units for units in cells if len(units) > 1 and _CODE.match(units[0].text)]
    assert two and not any(u.is_item for units in two for u in units)  # plain paragraphs
    result = extract_real(LOCATIVE.name)
    gold = gold_of(LOCATIVE)
    assert not any(a.taches for a in result.activites)
    assert [(a.code, a.libelle) for a in result.activites] == [
        (a["code"], a["libelle"]) for a in gold["activites"]
    ]


def test_dashed_items_under_an_activite_of_one_level_stay_its_taches() -> None:
    result = extract_real(GRAINS.name)
    gold = gold_of(GRAINS)
    assert [len(a.taches) for a in result.activites] == [
        len(a["taches"]) for a in gold["activites"]
    ]


def _code(line: str) -> str:
    found = _CODE.match(line)
    assert found is not None
    return found.group(0).rstrip(".")
