"""Certification fields (type, intitulé, RNCP code, description) from every
publisher form of title, label and description heading, on small invented
documents, and on the blind generalisation documents against their gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures.paths import REAL
from referentiel.api import extract, parse
from referentiel.backends.text import parse_lines
from referentiel.docmodel import Block, Document, Kind
from referentiel.models import Certification, Referentiel
from referentiel.options import Options
from referentiel.segment import segment

GENERALISE = Path(__file__).parent / "data" / "generalise"
_BODY = "Bloc de compétences 1 – Tenir le poste\n· Préparer son poste de travail\n"


def _text(text: str) -> Certification:
    lines = f"{text}\n{_BODY}".split("\n")
    document = Document("t.txt", "text", "0" * 64, blocks=parse_lines(lines))
    return segment(document, Options(use_nlp=False)).certification


@pytest.mark.parametrize(
    ("text", "kind", "intitule"),
    [
        ("Titre du CQP : Opérateur(trice) de quai", "CQP", "Opérateur(trice) de quai"),
        ("Intitulé du CQPM : Monteur câbleur aéronautique", "CQPM", "Monteur câbleur aéronautique"),
        ("CQP Vendeur conseil en jardinerie", "CQP", "Vendeur conseil en jardinerie"),
        ("CQPM – Soudeur industriel", "CQPM", "Soudeur industriel"),
        ("CQPI Tuteur en entreprise", "CQPI", "Tuteur en entreprise"),
        (
            "Titre professionnel Cuisinier(ère) de collectivité",
            "TP",
            "Cuisinier(ère) de collectivité",
        ),
        ("Du titre professionnel Conducteur de bus", "TP", "Conducteur de bus"),
        ("RNCP40125 - Gestionnaire de paie", None, "Gestionnaire de paie"),
        ("RNCP 3321 – Technicien vidéo", None, "Technicien vidéo"),
        ("Brevet de technicien supérieur Gestion forestière", "BTS", "Gestion forestière"),
        ("BTS Maintenance des véhicules", "BTS", "Maintenance des véhicules"),
        ("Baccalauréat professionnel Métiers du froid", "BAC PRO", "Métiers du froid"),
        ("CAP Fleuriste", "CAP", "Fleuriste"),
        ("Intitulé : Caviste en magasin", None, "Caviste en magasin"),
        ("B.U.T. Réseaux et télécommunications", "BUT", "Réseaux et télécommunications"),
        ("Diplôme professionnel d'aide-soignant", "DP", "aide-soignant"),
        ("Diplôme d'État d'infirmier", "DE", "infirmier"),
        ("BPJEPS spécialité Éducateur sportif", "BPJEPS", "Éducateur sportif"),
        ("Licence professionnelle Métiers du numérique", "LP", "Métiers du numérique"),
        ("Intitulé de la certification : « Caviste en magasin »", None, "Caviste en magasin"),
        ("Intitulé de la certification\nCaviste en magasin", None, "Caviste en magasin"),
        ("Intitulé\nCaviste en magasin", None, "Caviste en magasin"),
        (
            "Certificat de qualification paritaire de la métallurgie (CQPM)\n"
            "Pilote de ligne robotisée",
            "CQPM",
            "Pilote de ligne robotisée",
        ),
        (
            "CERTIFICAT DE QUALIFICATION PROFESSIONNELLE (CQP)\nRéférentiel de certification\n"
            "Employé(e) de rayon",
            "CQP",
            "Employé(e) de rayon",
        ),
        (
            "Certificat de qualification professionnelle interbranches – référentiel\n"
            "Agent de médiation",
            "CQPI",
            "Agent de médiation",
        ),
        ("REFERENTIEL DU CQPM\nTitre du CQPM : Tourneur", "CQPM", "Tourneur"),
        (
            "EXTRAIT DU RÉFÉRENTIEL DE CERTIFICATION DU BREVET D'ÉTUDES PROFESSIONNELLES "
            'AGRICOLES SPÉCIALITÉ " SERVICES AUX PERSONNES "',
            "BEP",
            "SERVICES AUX PERSONNES",
        ),
        ("Référentiel de certification du CAP Fleuriste", "CAP", "Fleuriste"),
    ],
)
def test_segment_certification_title_forms(text: str, kind: str | None, intitule: str) -> None:
    cert = _text(text)
    assert (cert.type, cert.intitule) == (kind, intitule)


@pytest.mark.parametrize(
    "text",
    [
        # a family-only line followed by a sentence or a 'Label : value' line
        "Certificat de qualification professionnelle\nRéférentiel validé par la commission.",
        "Certificat de qualification professionnelle\nRéférence : AB 12 34",
        "Intitulé\n· Préparer les commandes",
    ],
)
def test_segment_certification_family_line_without_name(text: str) -> None:
    assert _text(text).intitule is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("CQP Fleuriste\nCode RNCP : RNCP35012", "RNCP35012"),
        ("CQP Fleuriste\nEnregistré au RNCP sous le code RNCP 4567.", "RNCP4567"),
        ("RNCP36001 - Fleuriste", "RNCP36001"),
        ("CQP Fleuriste\nRNCP36001BC02 - Composer un bouquet", "RNCP36001"),
        ("CQP Fleuriste\nRNCP36001BC02 - Composer\nNuméro de fiche : RNCP36001", "RNCP36001"),
        ("CQP Fleuriste", None),
    ],
)
def test_segment_certification_rncp_code(text: str, code: str | None) -> None:
    assert _text(text).code_rncp == code


@pytest.mark.parametrize(
    "heading",
    [
        "Description de la qualification",
        "Résumé de la certification",
        "1. Objectif professionnel",
        "Objectifs et contexte de la certification :",
        "Mission(s) et activités visées",
        "Présentation du métier",
        "Définition de l'emploi",
    ],
)
def test_segment_certification_description_headings(heading: str) -> None:
    text = (
        f"CQP Fleuriste\n{heading}\nLe fleuriste compose des bouquets pour ses clients.\n"
        "Il conseille la clientèle sur l'entretien des plantes."
    )
    assert _text(text).description == (
        "Le fleuriste compose des bouquets pour ses clients. "
        "Il conseille la clientèle sur l'entretien des plantes."
    )


def test_segment_certification_named_in_prose() -> None:
    """No title line: the family named in two sentences gives the type and the
    words both mentions share; the holder's sentence is the description."""
    cert = _text(
        "Introduction\n"
        "Le titulaire du CAP Réalisation en chaudronnerie possède des compétences de débit.\n"
        "Le champ du titulaire du CAP Réalisation en chaudronnerie couvre quatre tâches."
    )
    assert (cert.type, cert.intitule) == ("CAP", "Réalisation en chaudronnerie")
    assert cert.description == (
        "Le titulaire du CAP Réalisation en chaudronnerie possède des compétences de débit."
    )


def test_segment_certification_named_in_prose_quoted_or_not() -> None:
    """A published annex (CAP « Conducteur d'installation de production »): one
    sentence names the CAP bare and in capitals, another quotes it in small
    letters after the family misspelt in the plural, a third names the family
    only ("Le titulaire du CAP doit …"): the name the two share, in any case."""
    cert = extract(REAL / "cap-cip-competences-cp01.md").certification
    assert (cert.type, cert.intitule) == ("CAP", "Conducteur d'Installation de Production")


def test_segment_certification_named_once_in_prose() -> None:
    """One sentence does not show where the name ends: no intitulé."""
    cert = _text("Introduction\nLe titulaire du CAP Réalisation en chaudronnerie possède tout.")
    assert cert.intitule is None


def test_segment_certification_description_with_its_list() -> None:
    """A list opened by a sentence of the description belongs to it."""
    cert = _text(
        "CQP Fleuriste\nRésumé du référentiel d'emploi\n"
        "Le fleuriste compose des bouquets. Il peut :\n· livrer les clients ;\n"
        "· tenir la caisse.\nIl travaille en boutique."
    )
    assert cert.description == (
        "Le fleuriste compose des bouquets. Il peut : livrer les clients ; tenir la caisse. "
        "Il travaille en boutique."
    )


def test_segment_certification_form_labels_are_no_description() -> None:
    """Under the title, the fields of a form to fill in are not prose, and a
    numbered section heading is no document title."""
    cert = _text(
        "Certificat de qualification professionnelle\nVendeur conseil\nLivret de suivi\n"
        "Nom et prénom du candidat :\nFonction du tuteur :\n"
        "1 - Parcours du candidat : fiche de synthèse\nCe parcours est fixé en entreprise."
    )
    assert (cert.type, cert.intitule, cert.description) == ("CQP", "Vendeur conseil", None)


def test_segment_certification_title_and_subtitle_styles() -> None:
    """A Word Title naming the family, then a Subtitle holding the name."""
    blocks = [
        Block(Kind.PARAGRAPH, "Certificat de qualification professionnelle (CQP)", style="Title"),
        Block(Kind.PARAGRAPH, "Agent(e) de propreté", style="Subtitle"),
        Block(Kind.HEADING, "Bloc de compétences 1 – Nettoyer", level=1),
        Block(Kind.LIST_ITEM, "Nettoyer les sols", label="•"),
    ]
    for number, block in enumerate(blocks, start=1):
        block.line = number
    document = Document("t.docx", "docx", "0" * 64, blocks=blocks)
    cert = segment(document, Options(use_nlp=False)).certification
    assert (cert.type, cert.intitule) == ("CQP", "Agent(e) de propreté")


@pytest.fixture(scope="module")
def generalise() -> dict[str, Referentiel]:
    """Each generalisation file segmented once (segment never raises NotAReferentiel)."""
    files = sorted(p for p in GENERALISE.iterdir() if p.suffix in {".pdf", ".docx"})
    return {p.name: segment(parse(p), Options(use_nlp=False)) for p in files}


@pytest.mark.parametrize(
    "name",
    [
        "rncp-fiche-boulangerie.pdf",
        "tp-rc-accompagnement-domicile.pdf",
        "bts-securite-systemes-numeriques.docx",
        "cqpm-agent-logistique-industriel.docx",
        "cqpm-agent-logistique-industriel.pdf",
    ],
)
def test_segment_certification_generalise_gold(
    generalise: dict[str, Referentiel], name: str
) -> None:
    stem = name.rsplit(".", 1)[0]
    gold = json.loads((GENERALISE / f"{stem}.gold.json").read_text(encoding="utf-8"))
    got = generalise[name].certification.model_dump(include=set(gold["certification"]))
    assert got == gold["certification"]


def test_segment_certification_description_stops_at_a_lead_in() -> None:
    """No description heading: the prose under the document title, up to the
    lead-in of the abilities list ("… doivent être capables :"); the section
    "Définition des épreuves de l'examen" is no description heading."""
    path = Path(__file__).resolve().parent / "data" / "real" / "cafad-aide-domicile-capacites.md"
    description = extract(path).certification.description
    assert description is not None
    assert description.startswith("Le certificat d'aptitude aux fonctions d'aide à domicile")
    assert description.endswith("de garde à domicile.")


def _real(name: str) -> Referentiel:
    return extract(Path(__file__).resolve().parent / "data" / "real" / name)


def test_segment_certification_a_name_its_acronym_spells_keeps_its_first_word() -> None:
    # "DIPLÔME DE COMPÉTENCE … (DCLEP)": no family of the contract's list; the
    # acronym's initials cover "Diplôme", so the whole line is the name
    certification = _real("dclep-referentiel-certification.md").certification
    assert certification.type is None
    assert certification.intitule == "DIPLÔME DE COMPÉTENCE EN LANGUE ÉTRANGÈRE PROFESSIONNELLE"


def test_segment_certification_a_specialite_label_heading_the_units_table() -> None:
    certification = _real("certiphyto-conseil-qcm-modules.md").certification
    assert certification.intitule == "CONSEIL EN PRODUITS PHYTOPHARMACEUTIQUES"


def test_segment_certification_fiche_rncp_qualifier_and_wrapped_description() -> None:
    # "… l'environnement (fiche nationale)": the qualifier names the fiche; the
    # description is read over lines the PDF wraps, and a sentence naming the
    # family ("La licence professionnelle est …") is prose, not a title
    certification = _real("lp-rncp40343-fiche.pdf").certification
    assert certification.intitule == "Métiers de la protection et de la gestion de l'environnement"
    description = certification.description or ""
    assert description.startswith("La licence professionnelle est un diplôme national")
    assert "grade de licence. Elle confère les mêmes droits" in description
    assert description.endswith("les enjeux de protection de l’environnement.")


def test_segment_certification_a_reac_introduction_and_a_dp_form_are_no_description() -> None:
    # the REAC's "Présentation de l'évolution du titre" tells the revision; the
    # description is the fiche emploi type's "Définition de l'emploi type …"
    description = _real("tp-dwwm-reac-whole.pdf").certification.description or ""
    assert description.startswith("Le développeur web et web mobile développe")
    # the DP form's "Présentation du dossier" describes the form
    assert _real("tp-ecsr-dossier-professionnel.docx").certification.description is None


def test_segment_certification_a_titre_code_before_the_name_is_no_part_of_it() -> None:
    # the DWWM dossier professionnel prints "TP-01280m03  Développeur(se) Web et
    # Web Mobile" under « Titre professionnel visé »: the code titre every REAC,
    # RC and RE of the family prints is not part of the intitulé
    certification = _real("tp-dwwm-dossier-professionnel.docx").certification
    assert certification.type == "TP"
    assert certification.intitule == "Développeur(se) Web et Web Mobile"
    assert certification.code_rncp is None
    # the ECSR model of the same form keeps its title as printed
    ecsr = _real("tp-ecsr-dossier-professionnel.docx").certification
    assert ecsr.intitule == "ENSEIGNANT DE CONDUITE ET DE LA SECURITE ROUTIERE"
