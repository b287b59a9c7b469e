"""The certification named right after the kind of référentiel, and the
holder's sentences before a lead-in, on real documents: a Légifrance annex
titled "Référentiel <kind adjective> <NAME>" with no preposition (the SSIAP's
référentiel pédagogique, the médiateur familial's référentiel professionnel);
a holder's paragraph going on with a sentence that leads in to a list (the BEP
métiers des services administratifs)."""

from __future__ import annotations

from fixtures.paths import REAL
from referentiel.api import extract
from referentiel.models import Certification


def _certification(name: str) -> Certification:
    return extract(REAL / name).certification


def test_a_capitalised_name_right_after_the_referentiel_kind_names_it() -> None:
    # "Référentiel pédagogique" then the diploma's dotted acronym and level
    ssiap = _certification("ssiap1-referentiel-pedagogique.md")
    assert (ssiap.type, ssiap.intitule) == (None, "S.S.I.A.P. 1")
    # the same shape with the other kind adjective, in capitals
    mediateur = _certification("de-mediateur-familial-referentiel-professionnel.md")
    assert (mediateur.type, mediateur.intitule) == (None, "MÉDIATEUR FAMILIAL")
    # "Référentiels emplois": the kind alone, in the plural, names nothing
    agent = _certification("ssiap-agent-securite-incendie-referentiel-emploi.md")
    assert agent.intitule is None


def test_a_lone_full_stop_between_tables_is_no_description() -> None:
    # under the SSIAP title, small tables (public, prérequis) each followed by
    # a '.' paragraph: the separator is no prose
    assert _certification("ssiap1-referentiel-pedagogique.md").description is None


def test_the_holder_sentences_before_a_lead_in_are_the_description() -> None:
    # "Le titulaire du BEP … a pour mission … privés). Il s'agit … vers :"
    msa = _certification("bep-msa-activites-professionnelles.md")
    description = msa.description or ""
    assert description.startswith("Le titulaire du BEP Métiers des services administratifs")
    assert description.endswith("autres organismes publics ou privés).")
    assert "Il s'agit" not in description
    # a holder's paragraph that opens on its lead-in states no job
    assert _certification("cap-cip-competences-cp01.md").description is None
