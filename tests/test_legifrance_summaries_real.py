"""Behaviours the fifth batch of Légifrance référentiels needed, on the real files:
two plain numbered ability units (titres professionnels' RNCP summaries), an
``Intitulé :`` label whose value names the family, a summary whose units a
table names beside their hours, ``Compétence.`` with its statement wrapped,
épreuve codes whose domaine number carries sub-domain letters.

Each test reads a real file of tests/data/real with the real reader and
segmenter and compares with the document's hand-checked reference.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.real_docs import (
    REAL,
    bloc_and_gold,
    competence_titles,
    gold_competence_titles,
    gold_of,
)
from referentiel.api import extract

CHANTIER = REAL / "tp-technicien-chantier-amenagement-finitions-rncp.md"
SURETE = REAL / "tp-agent-surete-securite-privee-rncp.md"
AMBULANCIER = REAL / "de-ambulancier-referentiel-formation-module1.md"
DECESF = REAL / "decesf-definition-epreuves.md"


@pytest.mark.parametrize("path", [CHANTIER, SURETE], ids=["chantier", "surete"])
def test_two_plain_numbered_ability_units_are_the_blocs(path: Path) -> None:
    """Two units "1. Préparer …" / "2. Conduire …" in plain paragraphs, nothing
    setting them apart: their titles and the sentences under them state
    abilities, so they are the blocs, each holding its compétences — and the
    'Secteurs d'activité …' section after them closes the last one."""
    ref = extract(path)
    gold = gold_of(path)
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        (b["code"], b["libelle"]) for b in gold["blocs"]
    ]
    assert competence_titles(ref) == gold_competence_titles(gold)


def test_intitule_label_naming_the_family_gives_the_type() -> None:
    """ "Intitulé : titre professionnel agent(e) de …": the label's value is a
    title line, so the family is the type and the intitulé is what follows it."""
    ref = extract(SURETE)
    assert ref.certification.type == "TP"
    assert ref.certification.intitule == gold_of(SURETE)["certification"]["intitule"]


def test_summary_named_beside_hours_in_a_table_still_names_the_modules() -> None:
    """A summary "Module N : <compétence> ;" whose modules a table names again
    beside their hours (no content): the summary names the eight modules,
    the durations are no titles, and Module 1's body heading titles it
    (the summary named it by its compétence). The reference drops module 4's
    footnote call "(1)", which the extraction keeps as printed."""
    ref = extract(AMBULANCIER)
    gold = gold_of(AMBULANCIER)
    assert [(b.code, b.libelle.replace(" (1)", "")) for b in ref.blocs] == [
        (b["code"], b["libelle"]) for b in gold["blocs"]
    ]


def test_competence_after_a_period_and_wrapped_is_one_statement() -> None:
    """ "Compétence. Dans toute situation d'urgence, assurer" / "les gestes
    adaptés …": one compétence, its statement joined, before the objectives."""
    ref = extract(AMBULANCIER)
    statement = gold_of(AMBULANCIER)["blocs"][0]["competences"][0]["libelle"]
    assert ref.blocs[0].competences[0].libelle == statement
    assert len(ref.blocs[0].competences) == 6


def test_epreuve_codes_with_sub_domain_letters() -> None:
    """ "DC1 C -  …", "DC2AB -  …", "DC 4B -  …": the letters belong to the code."""
    ref = extract(DECESF)
    gold = gold_of(DECESF)
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        (b["code"], b["libelle"]) for b in gold["blocs"]
    ]


def test_a_prose_lead_in_after_the_abilities_ends_them() -> None:
    """ "L'épreuve vérifie les capacités du candidat à :" and its items, then
    "L'épreuve s'appuie sur :" and the parts of the written production, the
    steps of the oral ("- 10 à 15 minutes …"): the second lead-in states no
    action, so its lists are no compétences."""
    dossier, expected = bloc_and_gold(DECESF, "DC2AB")
    assert [c.libelle for c in dossier.competences] == [
        c["libelle"] for c in expected["competences"]
    ]
