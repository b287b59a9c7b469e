"""Référentiels of certificates outside diplomas and titles (a mandatory
training's référentiel de capacités, sécurité civile référentiels nationaux de
compétences), on the published Légifrance annexes (tests/data/real): their
dash items are list items, a bare numbering that restarts is another list, an
ordered list of long abilities keeps every item and its number."""

from __future__ import annotations

import pytest
from fixtures.real_docs import REAL, extracted_json
from referentiel.api import parse
from referentiel.docmodel import Kind

HYGIENE = "hygiene-alimentaire-restauration-referentiel.md"
SSA = "ssa-littoral-referentiel-competences.md"
CEAF = "ceaf-securite-civile-referentiel-competences.md"


def test_horizontal_bar_dashes_are_list_items() -> None:
    blocks = parse(REAL / SSA).blocks
    items = [b for b in blocks if b.kind is Kind.LIST_ITEM]
    assert len(items) == 6 and {b.label for b in items} == {"―"}
    assert items[0].text.startswith("de situer son rôle")
    abilities = [c["libelle"] for b in extracted_json(SSA)["blocs"] for c in b["competences"]]
    assert len(abilities) == 6 and not any(a.startswith("―") for a in abilities)


def test_a_restarted_bare_numbering_is_another_list_not_the_blocs() -> None:
    blocs = extracted_json(HYGIENE)["blocs"]
    assert [b["code"] for b in blocs] == ["1", "2", "3"]
    # the capacités of part B, not the savoirs numbered 1. 2. 3. again in part C
    assert blocs[1]["libelle"].startswith("Analyser les risques liés")
    assert [len(b["competences"]) for b in blocs] == [4, 4, 3]
    every = [c["libelle"] for b in blocs for c in b["competences"]]
    assert not any(text.startswith("le monde microbien") for text in every)


def test_an_ordered_list_keeps_its_long_abilities_and_their_numbers() -> None:
    (bloc,) = extracted_json(CEAF)["blocs"]
    competences = bloc["competences"]
    assert [c["code"] for c in competences] == ["1", "2", "3", "4", "5"]
    assert len(competences[1]["libelle"]) > 250  # a list item is listed whatever its length
    assert competences[3]["libelle"].startswith("d'organiser une action de formation")
    # the unit's two aims (dash items before « il doit être capable : ») are no abilities
    assert not any(c["libelle"].startswith("l'élaboration") for c in competences)


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        (SSA, "SURVEILLANCE ET SAUVETAGE AQUATIQUE SUR LE LITTORAL"),
        (CEAF, "CONCEPTION ET ENCADREMENT D'UNE ACTION DE FORMATION"),
    ],
)
def test_the_unit_a_title_quotes_is_the_bloc_of_its_abilities(name: str, unit: str) -> None:
    """No code, no bloc word: the only unit is named by the CAPITALS title,
    between quotes; it is the bloc, not an unnamed fallback."""
    (bloc,) = extracted_json(name)["blocs"]
    assert bloc["libelle"] == unit and bloc["code"] is None
    assert len(bloc["competences"]) in (5, 6)


def test_the_prose_naming_the_quoted_unit_describes_it_not_the_certification() -> None:
    """« L'unité d'enseignement "…" a pour objectif … »: the unit's aim, left
    to the warnings; the certificate the annex belongs to is not named."""
    doc = extracted_json(SSA)
    assert doc["certification"]["description"] is None
    unplaced = [w["provenance"]["line"] for w in doc["warnings"] if w["code"] == "UNPLACED_TEXT"]
    assert 5 in unplaced  # the objective paragraph, line 5: reported, not lost
