"""The family a registration form's heading names, on real documents: the
titres professionnels' RNCP annexes print their subject above the fields
("… de l'inscription du titre professionnel au répertoire …") and, on some, the
name alone after "Intitulé :" — the heading gives the type, the label the name."""

from __future__ import annotations

from fixtures.paths import REAL
from referentiel.api import extract
from referentiel.models import Certification


def _certification(name: str) -> Certification:
    return extract(REAL / name).certification


def test_the_form_heading_names_the_family_the_label_line_does_not() -> None:
    formateur = _certification("tp-formateur-adultes-rncp.md")
    assert (formateur.type, formateur.intitule) == (
        "TP",
        "formateur (trice) professionnel (le) d'adultes (FPA)",
    )
    comptable = _certification("tp-secretaire-comptable-rncp.md")
    assert (comptable.type, comptable.intitule) == ("TP", "secrétaire comptable")


def test_a_family_named_on_the_label_line_still_names_it() -> None:
    # "Intitulé : titre professionnel agent(e) de …": the title line itself
    surete = _certification("tp-agent-surete-securite-privee-rncp.md")
    assert (surete.type, surete.intitule) == ("TP", "agent(e) de sûreté et de sécurité privée")


def test_a_heading_naming_no_family_of_the_contract_gives_none() -> None:
    # "RÉFÉRENTIEL DE COMPÉTENCES DU CERTIFICAT DE CAPACITÉ D'ORTHOPTISTE":
    # a family outside the contract's list, after a link word
    orthoptiste = _certification("cc-orthoptiste-referentiel-competences.md")
    assert orthoptiste.type is None
