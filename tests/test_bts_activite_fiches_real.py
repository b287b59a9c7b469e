"""BTS activité fiches (the Ministry's CIEL booklet, référentiel des activités
professionnelles, R1–R3), on the real excerpt: one framed table per activité
stitched over the pages; « Activité R1 – … » heads each fiche (no part named
before it), « Tâches associées » over « T1 : … » lines, a parenthesis on the
title line or on a line of its own qualifies the activité; the reader turns the
rotated « Conditions d’ exercice » label whose matrix rounds its cosines to
tiny numbers, and keeps list labels hanging before a tab with their items."""

from __future__ import annotations

from fixtures.paths import REAL
from referentiel.api import extract, parse
from referentiel.docmodel import Kind

_DOC = REAL / "bts-ciel-activites-r1-r3.pdf"


def test_each_fiche_is_an_activite_with_its_coded_taches() -> None:
    ref = extract(_DOC)
    assert [(a.code, a.libelle) for a in ref.activites] == [
        ("R1", "Accompagnement du client"),
        ("R2", "Installation et qualification"),
        ("R3", "Exploitation et maintien en condition opérationnelle"),
    ]
    assert [len(a.taches) for a in ref.activites] == [6, 6, 7]
    assert ref.activites[0].taches[0] == "Analyse des besoins du client"
    assert not ref.blocs


def test_rotated_label_and_hanging_dashes_are_read() -> None:
    blocks = [b for top in parse(_DOC).blocks for b in top.walk() if b.kind is not Kind.TABLE]
    sideways = [b.text for b in blocks if "sideways" in b.features]
    assert sideways and set(sideways) == {"Conditions d’exercice"}
    items = [b for b in blocks if b.kind is Kind.LIST_ITEM and b.page == 2]
    assert items[0].label == "−"
    assert items[0].text == "La demande d’intervention du client"
    assert not any(set(b.text.split()) == {"−"} for b in blocks)  # no column of bare dashes
