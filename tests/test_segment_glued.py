"""Glued numbering (Éducation nationale: capacité C1, its compétences C11,
C12 …), compétence rows printed apart from their savoir-faire and critère
lead-ins heading their indicateurs, on published
documents (tests/data/real)."""

from __future__ import annotations

from fixtures.real_docs import extracted_json

BMA = "bma-graphisme-decor-referentiel-certification.md"
BMA_C5 = "bma-graphisme-decor-capacite-c5.md"
COMMERCE = "bacpro-commerce-referentiel-certification.md"


def test_glued_codes_of_a_synthesis_table_are_capacites_and_their_competences() -> None:
    """The capacité column is the third, after activités and arrows; its
    compétences terminales C11 … C52 extend its codes by one digit."""
    blocs = extracted_json(BMA)["blocs"]
    assert [b["code"] for b in blocs] == ["C1", "C2", "C3", "C4", "C5"]
    assert [c["code"] for c in blocs[1]["competences"]] == ["C21", "C22", "C23", "C24", "C25"]
    assert blocs[3]["libelle"] == "METTRE EN ŒUVRE - REALISER"  # its title's lines, joined
    # the heading "Capacité C1 : s'informer - …" titles C1 with its accents
    assert blocs[0]["libelle"] == "s'informer - analyser - synthétiser"


def test_full_width_glued_rows_are_competences_with_their_savoir_faire() -> None:
    """ "C11 : COLLECTER …" across the detail table is compétence C11 of C1 (once,
    merged with the summary's); the savoir-faire lines below it detail it."""
    first = extracted_json(BMA)["blocs"][0]
    assert [c["code"] for c in first["competences"]] == ["C11", "C12", "C13", "C14", "C15"]
    c11 = first["competences"][0]
    assert c11["details"][0] == "S'informer des objectifs recherchés pour le donneur d'ordre."
    assert c11["conditions_realisation"][-1] == "La relation avec le donneur d'ordre"
    assert first["criteres"][0]["competences"] == [c11["id"]]


def test_a_plain_capacite_heading_opens_the_bloc_its_codes_extend() -> None:
    data = extracted_json(BMA_C5)
    assert [(b["code"], b["libelle"]) for b in data["blocs"]] == [("C5", "communiquer")]
    comps = data["blocs"][0]["competences"]
    assert [c["code"] for c in comps] == ["C51", "C52"]
    critere = [k["libelle"] for k in data["blocs"][0]["criteres"]]
    assert "L'échange est efficace et de qualité" in critere  # an item before a paragraph
    assert "Le projet ou la solution proposé est retenu ou amendé" in critere  # no indicateur


def test_a_row_printed_without_its_letter_keeps_the_summary_code() -> None:
    comps = extracted_json(COMMERCE)["blocs"][0]["competences"]
    by_title = {c["libelle"]: c for c in comps}
    assert by_title["Organiser l'offre produits"]["code"] == "C1.1"
    assert by_title["Mettre en place les actions de marchandisage de séduction"]["code"] == "1.14"
    details = by_title["Mettre en place les actions de marchandisage de séduction"]["details"]
    assert details[0] == "Agencer tout ou partie de l'espace de vente"


def test_items_after_a_critere_lead_in_are_its_indicateurs() -> None:
    """DEAP module 1: "- … sont adaptées à :" then "- son âge ;" …; an item
    stating a result ("- la sécurité affective est recherchée ;") or leading
    in a list itself is a critère again."""
    criteres = extracted_json("deap-referentiel-formation-modules.md")["blocs"][0]["criteres"]
    assert criteres[0]["indicateurs"][0] == "son âge ;"
    assert len(criteres[0]["indicateurs"]) == 4
    assert criteres[1]["libelle"].startswith("les activités choisies et proposées visent")
    assert criteres[1]["indicateurs"][1] == "l'estime de soi et l'autonomie ;"
    assert criteres[2]["libelle"].startswith("la sécurité affective est recherchée")


ESTHETIQUE = "cap-esthetique-referentiel-certification.md"


def test_glued_codes_twinned_by_dotted_ones_are_one_numbering() -> None:
    """CAP esthétique: the mise en relation table prints "C 11", "C25" beside
    "C1 S'informer"; the list and the detail tables print "C1.1", "C2.5": one
    unit numbered two ways, so C1 … C4 are the blocs and every compétence is
    written as most of its siblings are (with the dot)."""
    blocs = extracted_json(ESTHETIQUE)["blocs"]
    assert [b["code"] for b in blocs] == ["C1", "C2", "C3", "C4"]
    assert [c["code"] for c in blocs[2]["competences"]] == ["C3.1", "C3.2", "C3.3", "C3.4", "C3.5"]
    c11 = blocs[0]["competences"][0]
    assert c11["libelle"] == "rechercher l'information"
    assert c11["details"][0] == "Recenser différentes sources d'information."
    assert blocs[0]["criteres"][0]["competences"] == [c11["id"]]


def test_the_holder_named_by_the_role_the_diploma_gives() -> None:
    """ "… le rôle du titulaire du CAP Esthétique Cosmétique Parfumerie est de
    …": the family and the title-case name before the verb."""
    cert = extracted_json(ESTHETIQUE)["certification"]
    assert (cert["type"], cert["intitule"]) == ("CAP", "Esthétique Cosmétique Parfumerie")
