"""Degrade, never drop silently: an implicit bloc instead of a refusal, and a
warning for every text no element took (real spaCy model, real readers)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures.real_docs import REAL
from referentiel.api import extract
from referentiel.backends.text import parse_lines
from referentiel.docmodel import Document
from referentiel.errors import NotAReferentiel
from referentiel.models import Referentiel
from referentiel.options import Options
from referentiel.segment import segment


def _segment(text: str, use_nlp: bool = True) -> Referentiel:
    document = Document("t.txt", "text", "0" * 64, blocks=parse_lines(text.split("\n")))
    return segment(document, Options(use_nlp=use_nlp))


ABILITIES_ONLY = """Fiche métier : agent de quai
Le titulaire doit être en mesure de réaliser les opérations suivantes.
· Charger et décharger les camions en respectant les consignes
· Contrôler la conformité des colis reçus
· Ranger les marchandises dans les zones de stockage
· Renseigner les documents de suivi
"""


def test_segment_degrade_abilities_without_bloc_make_an_implicit_bloc() -> None:
    ref = _segment(ABILITIES_ONLY)
    (bloc,) = ref.blocs
    assert bloc.code is None
    assert [c.libelle for c in bloc.competences][:2] == [
        "Charger et décharger les camions en respectant les consignes",
        "Contrôler la conformité des colis reçus",
    ]
    assert len(bloc.competences) == 4
    assert "LOW_CONFIDENCE_STRUCTURE" in [w.code for w in ref.warnings]


def test_segment_degrade_no_implicit_bloc_without_the_language_model() -> None:
    assert _segment(ABILITIES_ONLY, use_nlp=False).blocs == []


def test_segment_degrade_prose_makes_no_bloc() -> None:
    novel = "Il pleuvait sur la ville.\nElle ouvrit la porte et regarda la rue déserte.\n" * 5
    assert _segment(novel).blocs == []


def test_segment_degrade_unplaced_text_is_a_warning_with_its_line() -> None:
    ref = _segment(
        "Bloc de compétences 1 – Accueil\n· Accueillir le client\n"
        "Nom et prénom du tuteur : ____\n· Orienter le client vers le bon service\n"
    )
    unplaced = [w for w in ref.warnings if w.code == "UNPLACED_TEXT"]
    assert [w.provenance.line for w in unplaced] == [3]
    assert "Nom et prénom du tuteur" in unplaced[0].message


def test_segment_degrade_livret_forms_are_warned_not_extracted() -> None:
    """The CQP livret's tutor forms and training contents are no elements: each
    is an UNPLACED_TEXT warning pointing at its paragraph."""
    ref = extract(REAL / "cqp-relation-commerciale-distance.docx")
    warned = {w.provenance.line for w in ref.warnings if w.code == "UNPLACED_TEXT"}
    libelles = {c.libelle for b in ref.blocs for c in b.competences}
    assert "Nom et prénom du tuteur :" not in libelles
    assert len(warned) > 50


def test_segment_degrade_a_dropped_sentence_is_warned_though_its_words_are_kept() -> None:
    """CAP RCI, activité 1: its "Résultats attendus" reach no element, yet
    most of their words are in elements ("fonctions", "ouvrage", "sont
    identifiées"), so counting words alone found some of them placed. A
    sentence no element prints in order is warned at its line."""
    ref = extract(REAL / "cap-rci-referentiel.md")
    data = ref.model_dump(mode="json")
    del data["warnings"]
    kept = json.dumps(data, ensure_ascii=False)
    warned = {w.provenance.line for w in ref.warnings if w.code == "UNPLACED_TEXT"}
    lines = (REAL / "cap-rci-referentiel.md").read_text(encoding="utf-8").split("\n")
    dropped = {
        143: "Les fonctions de l'ouvrage sont identifiées",
        147: "Les matériaux constituant l'ouvrage sont identifiés",
        153: "La représentation des procédés d'assemblage est décodée",
    }
    for line, text in dropped.items():
        assert lines[line - 1] == f"- {text}"
        assert text not in kept
        assert line in warned, text


def test_segment_degrade_abilities_under_a_capable_de_lead_in_are_not_refused() -> None:
    """A certificate written as prose: its abilities, listed without glyphs
    after "doivent être capables :", each open on the lead-in's "de"."""
    ref = extract(REAL / "cafad-aide-domicile-capacites.md")
    (bloc,) = ref.blocs
    libelles = [c.libelle for c in bloc.competences]
    assert libelles[0].startswith("d'entrer en relation avec les personnes aidées")
    assert libelles[8] == "de rendre compte de leur action et de l'évaluer."
    assert "LOW_CONFIDENCE_STRUCTURE" in [w.code for w in ref.warnings]


def test_segment_degrade_coded_statements_are_read_past_their_code() -> None:
    """A référentiel without bloc word whose compétences are paragraphs led by a
    code and a space ("F1 Disposer de …", found by the unlabelled sweep): it was
    refused; its statements are abilities, each keeping its code."""
    ref = extract(REAL / "tspei-referentiel-competences.md")
    coded = {c.code: c.libelle for b in ref.blocs for c in b.competences}
    assert coded["F1"] == "Disposer de capacités de réflexion, d'analyse et de synthèse."
    assert coded["R2"].startswith("Maîtriser les outils de gestion")
    assert all(not libelle.startswith(("F1", "R1", "M2")) for libelle in coded.values())
    assert "LOW_CONFIDENCE_STRUCTURE" in [w.code for w in ref.warnings]


def test_segment_degrade_labelled_code_letter_families_are_blocs() -> None:
    """Each label line ending with a colon over a series coded from a letter of
    its own ("Fondamentaux :" over "F1 …", "F2 …") is a family: a bloc holding
    its series, also a statement spaCy does not read as an action ("M1 Etre
    capable de …"); the intro's summary list of the families makes none."""
    ref = extract(REAL / "tspei-referentiel-competences.md")
    assert [b.libelle for b in ref.blocs] == ["Fondamentaux", "Réalisations", "Management"]
    assert [[c.code for c in b.competences] for b in ref.blocs] == [
        ["F1", "F2"],
        ["R1", "R2"],
        ["M1", "M2"],
    ]
    assert all(not b.criteres for b in ref.blocs)  # the evaluation scale is no critère


def test_segment_degrade_a_grid_of_levels_reads_its_named_rows_as_blocs() -> None:
    # DCLEP: one grid, rows = domaines under a spanning "DOMAINES" cell (one letter
    # a line), columns = CEFR levels, cells = descriptor sentences
    ref = extract(REAL / "dclep-referentiel-certification.md")
    assert [b.libelle for b in ref.blocs] == [
        "Compréhension de l'Ecrit et de l'Oral",
        "Production écrite et orale",
        "Interaction",
    ]  # the "Caractéristiques générales" row, outside the group, is no domaine
    assert ref.blocs[0].criteres[0].libelle == "Repérage de quelques éléments factuels simples."
    assert "Argumentation efficace." in [k.libelle for k in ref.blocs[1].criteres]
    assert "LOW_CONFIDENCE_STRUCTURE" in [w.code for w in ref.warnings]


INVOICE = """# Facture n° 2024-118

<table>
<tr><td>Réf.</td><td>Désignation</td><td>Qté</td><td>Prix unitaire</td><td>Total</td></tr>
<tr><td>A12</td><td>Cartouches d'encre noire pour imprimante laser de bureau</td>
<td>3</td><td>42,00</td><td>126,00</td></tr>
<tr><td>B07</td><td>Ramettes de papier.</td><td>10</td><td>4,50</td><td>45,00</td></tr>
<tr><td>Total TTC</td><td></td><td></td><td></td><td>171,00</td></tr>
</table>
"""


def test_segment_degrade_an_invoice_table_stays_refused(tmp_path: Path) -> None:
    path = tmp_path / "facture.md"
    path.write_text(INVOICE, encoding="utf-8")
    with pytest.raises(NotAReferentiel, match=r"facture\.md"):
        extract(path)


def test_segment_degrade_a_published_project_validation_form_stays_refused() -> None:
    # a real Bulletin officiel form (one page of fields, visas and "Indiquer :"
    # prompts about a project) names no bloc and no compétence
    path = REAL.parent / "refused" / "bo-sti2d-fiche-validation-projet.pdf"
    with pytest.raises(NotAReferentiel, match=r"bo-sti2d-fiche-validation-projet\.pdf"):
        extract(path)
