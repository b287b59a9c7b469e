"""The préparateur en pharmacie hospitalière's « note de situation » grids
(annex II, document 5) read on the real file.

The document prints only « Module 3 » and « Module 8 » (the modules the grids
assess: a numbering with a gap), each over two tables « CRITÈRES
D'APPRÉCIATION | NOTE OBTENUE » whose rows carry their points, each table
under the part of the note it scores (« Production écrite : 10 points. »)."""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract
from referentiel.evaluate import normalise

GRIDS = REAL / "dpph-note-situation-grilles.md"


def test_modules_numbered_with_a_gap_are_the_blocs() -> None:
    """« Module 3 » and « Module 8 », the only module headings, each over its
    grids, are the two blocs, titled with their wrapped line."""
    ref = extract(GRIDS)
    gold = gold_of(GRIDS)
    assert [(b.code, normalise(b.libelle)) for b in ref.blocs] == [
        (b["code"], normalise(b["libelle"])) for b in gold["blocs"]
    ]


def test_a_critères_table_with_a_points_column_lists_the_critères() -> None:
    """Every row of the « CRITÈRES D'APPRÉCIATION | NOTE OBTENUE » tables is a
    critère of its module, its points no text; no points line is a unit."""
    ref = extract(GRIDS)
    gold = gold_of(GRIDS)
    assert [[normalise(k.libelle) for k in b.criteres] for b in ref.blocs] == [
        [normalise(k["libelle"]) for k in b["criteres"]] for b in gold["blocs"]
    ]
    assert not any("point" in k.libelle for b in ref.blocs for k in b.criteres)
    assert not any(b.competences for b in ref.blocs)


def test_the_scored_parts_above_the_tables_are_the_modalities() -> None:
    """« Production écrite : N points. » and « Soutenance : 10 points. » head the
    tables: the module's modalities; the totals after them are none."""
    ref = extract(GRIDS)
    gold = gold_of(GRIDS)
    assert [b.modalites_evaluation for b in ref.blocs] == [
        b["modalites_evaluation"] for b in gold["blocs"]
    ]


def test_the_title_loses_its_underscore_document_number() -> None:
    """« Diplôme préparateur en pharmacie hospitalière. _ document 5 »: the
    certification is the diploma's name."""
    assert extract(GRIDS).certification.intitule == gold_of(GRIDS)["certification"]["intitule"]
