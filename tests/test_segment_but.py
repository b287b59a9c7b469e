"""B.U.T. référentiels (contract, 'Families and levels'): each compétence is a
bloc, its apprentissages critiques are compétences, its composantes essentielles
critères. Real published documents, read by the real parsers."""

from __future__ import annotations

from pathlib import Path

import pytest
from referentiel.api import extract, parse
from referentiel.models import Referentiel

REAL = Path(__file__).resolve().parent / "data" / "real"
INFO = REAL / "but-info-pn-competences.pdf"  # LaTeX, no space characters, "Compétence N :"
CYBER = REAL / "but-rt-cyber-competences.pdf"  # designed slides, no bloc word or number


def test_words_set_without_space_characters_are_split_at_their_gaps() -> None:
    texts = [block.text for block in parse(INFO).walk()]
    assert "AC 1 Implémenter des conceptions simples" in texts


@pytest.fixture(scope="module")
def info() -> Referentiel:
    return extract(INFO)


def test_apprentissages_critiques_of_every_level_are_the_competences(info: Referentiel) -> None:
    ref = info
    assert ref.certification.type == "BUT"  # "Licence professionnelle" / "« Bachelor … »"
    assert [b.code for b in ref.blocs] == [f"Compétence {n}" for n in range(1, 7)]
    first = ref.blocs[0]
    assert len(first.competences) == 14  # 4 + 6 + 4 over three niveaux, "AC 1" restarting
    assert first.competences[0].libelle == "Implémenter des conceptions simples"
    # the compétence's lead sentence is no compétence
    assert not any(c.libelle.startswith("Développer —") for c in first.competences)


def test_composantes_essentielles_are_criteres_of_their_bloc(info: Referentiel) -> None:
    ref = info
    libelles = [c.libelle for c in ref.blocs[0].criteres]
    assert "en appliquant les principes algorithmiques" in libelles
    assert not any(c.libelle.startswith("en ") for b in ref.blocs for c in b.competences)


def test_competence_pages_open_blocs_and_summaries_give_their_short_names() -> None:
    ref = extract(CYBER)
    codes = {b.code: b.libelle for b in ref.blocs}
    assert codes["Administrer"] == "Administrer les réseaux et l’Internet"
    assert codes["Programmer"] == "Créer des outils et applications informatiques pour les R&T"
    administrer = next(b for b in ref.blocs if b.code == "Administrer")
    libelles = [c.libelle for c in administrer.competences]
    assert "Installer un poste client" in libelles
    assert "Assister" not in libelles  # a niveau's name, printed under "Niveau 1"
    criteres = [c.libelle for c in administrer.criteres]
    # two composantes printed side by side, read as one line, are two critères
    assert "en respectant les règles métiers" in criteres
