"""A modalités table of the annex before, printed above the annex's title (real files).

The Dictionnaire Permanent Conventions Collectives prints the habillement
branch's two CQP annexes one after the other: the page opening annex 2 (CQP
vendeur itinérant) prints annex 1's table of modalités keyed "Compétence 1" …
"Compétence 5" above the annex's title, and annex 2 prints its own table keyed
"Compétence 1" … again under it. The rows above are another CQP's: no modalité
of this one's units, reported unplaced. Annex 1 (its own excerpt) keeps its
table, printed under its title.

Each test reads the real file with the real reader and segmenter; what it
compares against is read from the document's own blocks or from its reference.
"""

from __future__ import annotations

from fixtures.paths import REAL
from fixtures.real_docs import extract_real, extracted_json, gold_of
from referentiel.api import parse
from referentiel.docmodel import Kind
from referentiel.segment.draft import cell_units

VENDEUR = REAL / "cqp-habillement-vendeur-itinerant.pdf"
ADMINISTRATEUR = REAL / "cqp-habillement-administrateur-ventes.pdf"


def _modalites_above_title() -> list[str]:
    """The last cell of each row (but the header) of the tables the reader
    gives before the annex's title heading, its lines joined; but for the
    ones annex 2 prints word for word as its own."""
    blocks = parse(VENDEUR).blocks
    title = next(i for i, b in enumerate(blocks) if b.kind is Kind.HEADING)
    lines = []
    for block in blocks[:title]:
        if block.kind is Kind.TABLE:
            for row in block.rows[1:]:
                units = cell_units(row.cells[-1]) if row.cells else []
                if units:
                    lines.append(" ".join(u.text for u in units))
    own = {m for b in gold_of(VENDEUR)["blocs"] for m in b["modalites_evaluation"]}
    return [line for line in lines if line not in own]


def test_the_modalites_above_the_annex_title_are_no_modalite_of_its_units() -> None:
    above = _modalites_above_title()
    assert len(above) >= 4  # annex 1 prints its keyed rows there
    result = extract_real(VENDEUR.name)
    gold = gold_of(VENDEUR)
    assert [b.modalites_evaluation for b in result.blocs] == [
        b["modalites_evaluation"] for b in gold["blocs"]
    ]
    placed = [m for b in result.blocs for m in b.modalites_evaluation]
    assert not set(above) & set(placed)


def test_the_modalites_above_the_annex_title_are_reported_unplaced() -> None:
    warned = " ".join(
        w["message"]
        for w in extracted_json(VENDEUR.name)["warnings"]
        if w["code"] == "UNPLACED_TEXT"
    )
    for line in _modalites_above_title():
        assert line[:60] in warned, line


def test_the_annex_before_keeps_its_table_under_its_own_title() -> None:
    result = extract_real(ADMINISTRATEUR.name)
    gold = gold_of(ADMINISTRATEUR)
    assert [b.modalites_evaluation for b in result.blocs] == [
        b["modalites_evaluation"] for b in gold["blocs"]
    ]
