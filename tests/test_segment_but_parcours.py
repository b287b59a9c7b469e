"""B.U.T. R&T parcours in two more layouts (contract, 'Families and levels',
B.U.T. row): the GT's Beamer edition, whose compétences head their slides as
"Compétence RT1" under an overview table, and the designed slides of the
Pilotage de projets parcours, whose 2nd-year apprentissages are noun phrases.
Real published documents, read by the real parsers."""

from __future__ import annotations

import pytest
from fixtures.real_docs import REAL
from referentiel.api import extract
from referentiel.models import Referentiel

BEAMER = REAL / "but-rt-devcloud-competences-beamer.pdf"  # "Compétence RT1", Novice / Compétent
PILPRO = REAL / "but-rt-pilpro-competences.pdf"  # designed slides, noun-phrase apprentissages


@pytest.fixture(scope="module")
def beamer() -> Referentiel:
    return extract(BEAMER)


@pytest.fixture(scope="module")
def pilpro() -> Referentiel:
    return extract(PILPRO)


def test_coded_competence_headings_are_the_blocs(beamer: Referentiel) -> None:
    # "Référentiel de compétences" (no family) over "BUT Réseaux et Télécommunications"
    assert beamer.certification.type == "BUT"
    # the overview table keyed by the same codes is a summary: no bloc of its own
    assert [b.code for b in beamer.blocs] == ["RT1", "RT2", "RT3", "DC1", "DC2"]
    names = {b.code: b.libelle for b in beamer.blocs}
    # the statement wrapped onto a second heading line of its box
    assert names["RT2"] == "Connecter les entreprises et les usagers"
    assert names["DC2"] == "Accompagner le développement d’applications"


def test_level_words_head_their_names_and_dc_starts_at_the_second_level(
    beamer: Referentiel,
) -> None:
    blocs = {b.code: b for b in beamer.blocs}
    rt1 = [c.libelle for c in blocs["RT1"].competences]
    assert "Installer un poste client" in rt1
    assert "Assister l’administrateur du réseau" not in rt1  # the name under "Novice"
    assert len(blocs["DC1"].competences) == 7  # Intermédiaire 4 + Compétent 3


def test_composantes_above_the_heading_are_their_pages_competence(beamer: Referentiel) -> None:
    blocs = {b.code: b for b in beamer.blocs}
    rt1 = [c.libelle.casefold() for c in blocs["RT1"].criteres]
    assert "en choisissant les solutions et technologies réseaux adaptées" in rt1
    # the next page's composantes stay with the next compétence
    assert "en faisant preuve d’une démarche scientifique" not in rt1


def test_noun_phrases_in_a_levels_row_are_apprentissages(pilpro: Referentiel) -> None:
    piloter = next(b for b in pilpro.blocs if b.code == "Piloter")
    libelles = [c.libelle for c in piloter.competences]
    assert len(libelles) == 10
    # two lines of one box, the first ending on an acronym: two apprentissages
    assert "Compréhension d’un cahier des charges technique R&T" in libelles
    assert "Planification des étapes d’un projet technique R&T" in libelles
    # the situations professionnelles above the rows are no apprentissage
    assert "Élaboration de solutions techniques clients adaptées" not in libelles
