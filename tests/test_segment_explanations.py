"""Real documents: prose explaining a unit's list, and a page's numbered part,
are neither the end of a list nor the certification's name.

* the livret de compétences (lpc-palier2) prints, between compétence 2's title
  and its form table, a sentence on the level required: the table's items are
  still compétence 2's, and the form's "(préciser …)" aside is none of them;
* the B.U.T. cross table (but-rt-s1) has one heading, "Semestre 1", a numbered
  part of the programme, and a lower-case column label ending on an
  abbreviation's dot: no intitulé, no description;
* the engineering référentiel (titre-fig) leads its critères column in with a
  sentence ending with a colon: the statements under it are the critères, the
  lead-in is none (a warning keeps its text).
"""

from __future__ import annotations

from corpus_helpers import extract_json
from fixtures.real_docs import REAL


def test_an_explanation_before_a_form_table_keeps_its_items_in_the_unit() -> None:
    data = extract_json(REAL / "lpc-palier2-competences-1-2.md")
    second = data["blocs"][1]
    libelles = [c["libelle"] for c in second["competences"]]
    assert second["code"] == "Compétence 2"
    assert libelles[0] == "Communiquer, au besoin avec des pauses pour chercher ses mots"
    assert "Ecrire sous la dictée des expressions connues" in libelles
    assert len(libelles) >= 16
    assert not any(text.startswith("(") for text in libelles)
    assert not any(text.startswith("Le niveau requis") for text in libelles)


def test_a_numbered_part_heading_is_no_intitule_nor_its_label_a_description() -> None:
    data = extract_json(REAL / "but-rt-s1-tableau-croise.pdf")
    certification = data["certification"]
    assert certification["type"] == "BUT"
    assert certification["intitule"] is None
    assert certification["description"] is None


def test_a_lead_in_over_sibling_critere_paragraphs_is_no_critere_but_is_warned() -> None:
    data = extract_json(REAL / "titre-fig-ingenieur-referentiel.pdf")
    for bloc in data["blocs"]:
        libelles = [k["libelle"] for k in bloc["criteres"]]
        assert len(libelles) == 3, libelles
        assert not any(text.startswith("Les évaluations des compétences") for text in libelles)
    warned = [w["message"] for w in data["warnings"] if w["code"] == "UNPLACED_TEXT"]
    assert any("Les évaluations des compétences" in message for message in warned)


def test_a_holder_sentence_names_the_certification_up_to_its_verb() -> None:
    """BMA synthesis table: "Le titulaire du BMA graphisme et décor doit être
    capable …" is the only place the diploma is named; its activité cells
    print a title in capitals over a description (no tâches column)."""
    data = extract_json(REAL / "bma-graphisme-decor-referentiel-certification.md")
    assert data["certification"]["type"] is None  # the BMA is outside the contract's list
    assert data["certification"]["intitule"] == "graphisme et décor"
    activites = data["activites"]
    assert all(a["taches"] == [] for a in activites)
    assert activites[0]["libelle"].startswith("ANALYSE DE LA DEMANDE")
    assert not any(a["libelle"].startswith("Réception du donneur") for a in activites)
