"""A table row whose only filled cell is its first, holding a code and a
title ("A 1 - ETUDE DU PRODUIT"), heads the rows below it as a unit; a two-row
header names the columns ("EVALUATION" the critères; "On donne :", named by no
rule, the conditions: the one unnamed column of a grid of compétences and
critères). Real file, real reader and segmenter, compared with the reference.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract
from referentiel.rules import default_rules

BMA = REAL / "bma-ebeniste-unite-a-epreuves.md"


def test_lone_coded_rows_are_the_blocs() -> None:
    """A 1 - A 3 are the blocs, code as printed; 'Unité A' above is not one."""
    ref = extract(BMA)
    gold = gold_of(BMA)
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        (b["code"], b["libelle"]) for b in gold["blocs"]
    ]


def test_two_row_header_columns_are_read() -> None:
    """The 'On donne' lines are conditions, the EVALUATION lines critères."""
    ref = extract(BMA)
    first = ref.blocs[0]
    assert first.competences, "the COMPETENCES cell under A 1 is its compétence"
    competence = first.competences[0]
    assert any("cahier des charges" in c for c in competence.conditions_realisation)
    assert any("Lisibilité et précision" in c.libelle for c in first.criteres)


def test_coded_title_rule_needs_code_and_capital_title() -> None:
    """A bare letter group or a lettered part is no coded title."""
    rules = default_rules()
    assert rules.first("group-coded-title", "A 2 - REALISATION") is not None
    assert rules.first("group-coded-title", "a - La MISE AU POINT") is None


def test_next_lettered_part_is_a_row_of_its_own() -> None:
    """Under A 2, 'b - la REALISATION …' follows the row printing 'a - La MISE
    AU POINT …': a compétence of its own, not the rest of the row above."""
    ref = extract(BMA)
    gold = gold_of(BMA)
    assert [c.libelle for c in ref.blocs[1].competences] == [
        c["libelle"] for c in gold["blocs"][1]["competences"]
    ]
