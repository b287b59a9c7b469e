"""Numbered lists inside a unit (tests/data/real): units lettered under two words
(« Capacité A », « Technique α »); numbered critères over numbered sub-items
(indicateurs); numbered lead-ins among numbered abilities; training situations;
a module's objectives beside its own « Compétences attendues »; a summary's
durations after a module's title."""

from __future__ import annotations

import pytest
from corpus_helpers import extract_json
from fixtures.real_docs import REAL
from referentiel.nlp import looks_infinitive


@pytest.fixture(scope="module")
def bts() -> dict:
    return extract_json(REAL / "bts-francais-capacites-techniques.md")


@pytest.fixture(scope="module")
def dpf() -> dict:
    return extract_json(REAL / "cnc-dpf-referentiel-formation-domaine1.md")


def test_a_lettered_series_among_the_units_of_another_word_is_the_same_level(bts: dict) -> None:
    assert [(b["code"], b["libelle"]) for b in bts["blocs"]] == [
        ("Capacité A", "Communiquer oralement"),
        ("Technique α", "La langue orale"),
        ("Capacité B", "S'informer - se documenter"),
    ]


def test_numbered_critere_paragraphs_take_their_sub_items_as_indicateurs(bts: dict) -> None:
    capacite_a, technique, _ = bts["blocs"]
    assert [k["libelle"] for k in capacite_a["criteres"]] == [
        "Adaptation à la situation",
        "Adaptation au destinataire",
        "Organisation du message",
        "Contenu du message",
    ]
    assert [len(k["indicateurs"]) for k in capacite_a["criteres"]] == [1, 2, 2, 5]
    assert capacite_a["criteres"][3]["indicateurs"][0] == "Intelligibilité du message."
    # "2.2 Lexique (…)." is the critère's sub-item, not a glossary section
    assert [len(k["indicateurs"]) for k in technique["criteres"]] == [5, 3]


def test_training_situations_are_no_competences(bts: dict) -> None:
    libelles = [c["libelle"] for b in bts["blocs"] for c in b["competences"]]
    situations = ("Formulation de consignes", "Débat", "Constitution d'un dossier", "Poser sa voix")
    assert not any(text.startswith(situations) for text in libelles)
    assert [len(b["competences"]) for b in bts["blocs"]][:2] == [7, 5]


def test_a_numbered_lead_in_among_numbered_abilities_is_one_of_them(bts: dict) -> None:
    capacite_a, _, capacite_b = bts["blocs"]
    codes_a = [c["code"] for c in capacite_a["competences"]]
    assert codes_a == ["1", "2", "3", "4", "5", "6", "7"]
    assert capacite_a["competences"][5]["libelle"].startswith("Produire un message oral")
    # its dash items detail it: none of them is a compétence
    assert not any(c["libelle"].startswith("en ") for c in capacite_a["competences"])
    codes_b = [c["code"] for c in capacite_b["competences"]]
    assert codes_b[:2] == ["1", "1.1"] and "2" in codes_b  # "1. Rechercher, c'est-à-dire :"


def test_the_next_numbered_item_of_a_series_of_abilities_is_one_of_them(bts: dict) -> None:
    """ "1.4 Fixer l'ordre …" after "1.1 … 1.3" abilities: its first word is
    spelt as an infinitive (the model tags it a proper noun), it follows them."""
    capacite_b = bts["blocs"][2]
    codes_b = [c["code"] for c in capacite_b["competences"]]
    assert codes_b[:6] == ["1", "1.1", "1.2", "1.3", "1.4", "2"]
    assert capacite_b["competences"][4]["libelle"].startswith("Fixer l'ordre")


def test_a_word_spelt_as_an_infinitive() -> None:
    assert looks_infinitive("Fixer l'ordre des opérations")
    assert looks_infinitive("s'informer sur le poste")
    assert not looks_infinitive("Entretien.")
    assert not looks_infinitive("Débat.")
    assert not looks_infinitive("Voix (articulation, débit)")


def test_objectives_before_the_modules_own_competences_are_set_apart(dpf: dict) -> None:
    module = dpf["blocs"][1]
    assert len(module["competences"]) == 4
    assert all(c["libelle"].startswith("savoir") for c in module["competences"])


def test_a_summary_only_module_keeps_no_duration_in_its_title(dpf: dict) -> None:
    assert [b["libelle"] for b in dpf["blocs"]] == [
        "Le cadre juridique",
        "La connaissance du public",
        "l'accompagnement éducatif et budgétaire",
    ]


def test_the_template_with_one_line_objectives_keeps_its_competences() -> None:
    # MJPM (same template): "Objectif : …" on one line, every "Compétences attendues" item kept
    mjpm = extract_json(REAL / "cnc-mjpm-referentiel-formation-domaine1.md")
    assert [len(b["competences"]) for b in mjpm["blocs"]] == [8, 5]


def test_the_sections_de_techniciens_superieurs_name_the_bts_family(bts: dict) -> None:
    assert (bts["certification"]["type"], bts["certification"]["intitule"]) == ("BTS", None)
