"""Health-sector référentiels (tests/data/real, Légifrance annexes): units
numbered as plain paragraphs each over a lead-in and its items (assistant de
soins en gérontologie), unités de compétence whose headings repeat the
diploma's acronym after the number, with a summary shortening their word
(préparateur en pharmacie hospitalière)."""

from __future__ import annotations

from fixtures.real_docs import extracted_json
from referentiel.segment.owner import shared_qualifier

ASG = "asg-gerontologie-referentiel-competences.md"
DPPH = "dpph-referentiel-certification.md"


def test_numbered_titles_over_a_lead_in_and_its_items_are_the_blocs() -> None:
    """« 1. Concourir … . » / « Capacité à : » / « ― … » five times: the
    numbered titles are the units, the items their compétences, the lead-in
    nothing."""
    doc = extracted_json(ASG)
    blocs = doc["blocs"]
    assert [b["code"] for b in blocs] == ["1", "2", "3", "4", "5"]
    assert blocs[1]["libelle"].startswith("Aider et soutenir les personnes")
    assert [len(b["competences"]) for b in blocs] == [5, 6, 5, 7, 7]
    every = [c["libelle"] for b in blocs for c in b["competences"]]
    assert not any(text.startswith(("Capacité", "―")) for text in every)
    # « RÉFÉRENTIEL DE COMPÉTENCES » alone: the function it describes on the next line
    assert doc["certification"]["intitule"] == "ASSISTANT DE SOINS EN GÉRONTOLOGIE"
    assert doc["certification"]["type"] is None


def test_unit_headings_repeating_the_acronym_take_their_title_below() -> None:
    doc = extracted_json(DPPH)
    blocs = doc["blocs"]
    # the summary's « Unité N. - » and the body's « UNITÉ DE COMPÉTENCE N DU DPPH »: one unit
    assert [b["code"] for b in blocs] == [f"Unité {n}" for n in range(1, 9)]
    assert blocs[0]["libelle"].startswith("Analyser les demandes et les ordonnances")
    title = "Analyser les prescriptions ou les demandes de dispositifs médicaux"
    assert blocs[1]["libelle"] == title  # wrapped over two paragraphs
    assert not any("DPPH" in b["libelle"] for b in blocs)
    # a unit's bare « Savoir-faire : » list is its compétences, no connaissances
    assert [len(b["competences"]) for b in blocs[:2]] == [10, 9]
    assert not any(b["connaissances"] for b in blocs)
    assert all(not b["competences"] for b in blocs[2:])  # named in the summary only
    # the certification's name is the line whose initials spell the acronym
    assert doc["certification"]["intitule"] == "Diplôme préparateur en pharmacie hospitalière"


def test_numbered_critere_paragraphs_leading_items_are_siblings() -> None:
    """« 1. … : » / « - … » / « 2. … : »: each paragraph a critère, its items
    its indicateurs, the list number no part of the libellé."""
    blocs = extracted_json(DPPH)["blocs"]
    criteres = blocs[1]["criteres"]
    assert [c["libelle"] for c in criteres] == [
        "Prise en compte des exigences réglementaires et notamment des règles propres à l'hôpital",
        "Prise en compte des exigences techniques",
        "Traitement des dysfonctionnements",
    ]
    assert [len(c["indicateurs"]) for c in criteres] == [6, 8, 2]
    assert not any(i.endswith(":") for c in criteres for i in c["indicateurs"])


def test_a_qualifier_is_what_every_heading_repeats() -> None:
    assert shared_qualifier(["DU DPPH", "DU  DPPH"]) == "DU DPPH"
    assert shared_qualifier(["DU DPPH"]) is None  # one heading: nothing compared
    assert shared_qualifier(["Analyser", "Gérer"]) is None  # titles differ
    assert shared_qualifier(["", ""]) is None
    long = "Organiser la préparation des commandes du service"
    assert shared_qualifier([long, long]) is None  # a sentence is a title, not a qualifier


CADRE = "cadre-sante-modules-evaluation.md"


def test_a_form_of_labels_gives_each_module_its_modalites() -> None:
    """« MODULE : » / « Module 1 » / title / « TYPE D'EVALUATION : » / épreuves /
    « NOTATION : » / grading: the épreuves are the module's modalités (the
    capitals label ending with a colon closes no bloc), the grading none."""
    blocs = extracted_json(CADRE)["blocs"]
    assert blocs[0]["code"] == "Module 1" and blocs[0]["libelle"].startswith("Initiation")
    assert len(blocs[0]["modalites_evaluation"]) == 2
    every = [m for b in blocs for m in b["modalites_evaluation"]]
    assert not any("note sur 20" in m for m in every)


def test_a_heading_naming_two_units_opens_both() -> None:
    """« Module 3 et module 6 » over two titles linked by « , et »: two blocs,
    each with its title, both evaluated by the mémoire."""
    blocs = extracted_json(CADRE)["blocs"]
    assert [b["code"] for b in blocs] == [
        "Module 1",
        "Module 2",
        "Module 4",
        "Module 5",
        "Module 3",
        "module 6",
    ]
    three, six = blocs[4], blocs[5]
    assert three["libelle"] == "Analyse des pratiques et initiation à la recherche"
    assert six["libelle"].startswith("Approfondissement des fonctions")
    assert (
        three["modalites_evaluation"]
        == six["modalites_evaluation"]
        == ["Mémoire individuel donnant lieu à soutenance."]
    )
