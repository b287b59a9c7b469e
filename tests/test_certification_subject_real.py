"""The certification read from the document's subject, on real documents: the
name after the document's kind ("Référentiel de compétences du/des …"), after
the document part a title line opens on ("ANNEXE D – fiche Ressource …"),
without the period it covers ("1ère année", "SESSION 2023"); and the prose that
is no description (an annex's introduction about its field, the sector's
presentation, the holder's autonomy, a lead-in to the list of units)."""

from __future__ import annotations

from fixtures.paths import REAL
from referentiel.api import extract
from referentiel.models import Certification


def _certification(name: str) -> Certification:
    return extract(REAL / name).certification


def test_a_name_after_the_document_kind_no_title_rule_reads() -> None:
    # "RÉFÉRENTIEL DE COMPÉTENCES DU CERTIFICAT DE CAPACITÉ D'ORTHOPTISTE": the
    # family is outside the contract's list, the whole subject is the name
    orthoptiste = _certification("cc-orthoptiste-referentiel-competences.md")
    assert orthoptiste.type is None
    assert orthoptiste.intitule == "CERTIFICAT DE CAPACITÉ D'ORTHOPTISTE"
    # "… DE COMPÉTENCES DES TECHNICIENS …": a corps, linked by "des"
    tspei = _certification("tspei-referentiel-competences.md")
    assert tspei.type is None
    assert tspei.intitule == "TECHNICIENS SUPÉRIEURS PRINCIPAUX DE L'ÉCONOMIE ET DE L'INDUSTRIE"


def test_a_generic_family_word_after_the_document_kind_is_no_name() -> None:
    # "RÉFÉRENTIEL DU DIPLÔME" heads the CAP's table of référentiels: the CAP
    # is named further on, in the holder's sentence
    coiffure = _certification("cap-coiffure-referentiel-certification.md")
    assert (coiffure.type, coiffure.intitule) == ("CAP", "Coiffure")


def test_a_document_part_and_the_period_are_no_part_of_the_title() -> None:
    # every fiche opens on "ANNEXE D – fiche Ressource BUT R&T 1ère année"
    fiches = _certification("but-rt-fiches-ressources-s1s2.docx")
    assert (fiches.type, fiches.intitule) == ("BUT", "R&T")
    # a BTS form's title goes on with its examination session
    sio = _certification("bts-sio-synthese-realisations.pdf")
    assert (sio.type, sio.intitule) == ("BTS", "SERVICES INFORMATIQUES AUX ORGANISATIONS")


def test_an_annex_introduction_about_its_field_is_no_description() -> None:
    # the JEPS référentiel professionnel opens on the field's evolution, then
    # "1. Présentation du secteur professionnel": neither describes the job
    assert _certification("dejeps-asec-referentiel-professionnel.md").description is None
    # where the annex's prose is where to consult it, no description either
    vigne = _certification("bepa-vigne-vin-capacites-epreuves.md")
    assert vigne.description is None
    assert (vigne.type, vigne.intitule) == ("BEP", "travaux de la vigne et du vin")
    # prose under the annex heading whose subject is the certification is kept
    cafad = _certification("cafad-aide-domicile-capacites.md").description or ""
    assert cafad.startswith("Le certificat d'aptitude aux fonctions d'aide à domicile")


def test_the_holder_lead_in_and_autonomy_are_no_description() -> None:
    # "Le titulaire du CAP doit être capable de :" opens the list of the units
    cip = _certification("cap-cip-competences-cp01.md")
    assert cip.description is None
    assert (cip.type, cip.intitule) == ("CAP", "Conducteur d'Installation de Production")
    # "Autonomie et responsabilité": a facet of the level, under its own heading
    mco = _certification("bts-mco-referentiel-certification.pdf")
    assert mco.description is None
    assert mco.intitule == "Management commercial opérationnel"
    # the holder's sentence under the référentiel's introduction is kept
    rci = _certification("cap-rci-referentiel.md").description or ""
    assert rci.startswith("Le titulaire du CAP Réalisation en chaudronnerie industrielle possède")


def test_a_programme_part_heading_is_no_title() -> None:
    # the Québec DEC programme's part "Les objectifs" is the only level-1
    # heading of the excerpt: a part of the document, not the programme's name
    agricole = _certification("qc-dec-gestion-agricole-competences.pdf")
    assert agricole.intitule is None
    assert agricole.type is None


def test_the_arretes_title_names_the_certification_in_guillemets() -> None:
    # the Journal officiel prints no title line but the arrêté's: "Arrêté du …
    # portant définition du programme … de «culture économique, juridique et
    # managériale » communs à plusieurs spécialités de brevet de technicien
    # supérieur"; its section heading "Décrets, arrêtés, circulaires" is no name
    cejm = _certification("bts-cejm-programme-jo.pdf")
    assert cejm.type == "BTS"
    assert cejm.intitule == "culture économique, juridique et managériale"


def test_the_certificate_a_training_referentiel_prepares_for() -> None:
    # "Référentiel de formation préparant au certificat national" wrapped onto
    # "de compétence de délégué …": the two paragraphs read as one name
    dpf = _certification("cnc-dpf-referentiel-formation-domaine1.md")
    assert dpf.type is None
    assert dpf.intitule == "certificat national de compétence de délégué aux prestations familiales"
    # the whole title on one paragraph, longer than a title line usually is,
    # going on with the certificate's mention: the mention is no part of the name
    mjpm = _certification("cnc-mjpm-referentiel-formation-domaine1.md")
    assert mjpm.type is None
    assert mjpm.intitule == (
        "certificat national de compétence de mandataire judiciaire à la protection des majeurs"
    )
