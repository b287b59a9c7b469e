"""B.U.T. référentiels (contract, 'Families and levels'): each compétence is a
bloc, its apprentissages critiques are compétences, its composantes essentielles
critères. Real published documents, read by the real parsers."""

from __future__ import annotations

import pytest
from fixtures.real_docs import REAL
from referentiel.api import extract, parse
from referentiel.models import Referentiel

INFO = REAL / "but-info-pn-competences.pdf"  # LaTeX, no space characters, "Compétence N :"
CYBER = REAL / "but-rt-cyber-competences.pdf"  # designed slides, no bloc word or number
CROSS = REAL / "but-rt-s1-tableau-croise.pdf"  # a spreadsheet, labels set sideways, no title


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


@pytest.fixture(scope="module")
def cyber() -> Referentiel:
    return extract(CYBER)


def test_competence_pages_open_blocs_and_summaries_give_their_short_names(
    cyber: Referentiel,
) -> None:
    ref = cyber
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


def test_short_name_box_beside_a_wrapped_statement_is_its_code(cyber: Referentiel) -> None:
    """The summary prints "Sécuriser" on its statement's first line (no box
    parts them: different baselines do), and the compétence's page wraps the
    statement onto a bold line of its own: one bloc, its code, its whole name."""
    codes = {b.code: b.libelle for b in cyber.blocs}
    assert codes["Sécuriser"] == "Administrer un système d’information sécurisé"


def test_apprentissages_read_by_the_model_as_other_words(cyber: Referentiel) -> None:
    programmer = next(b for b in cyber.blocs if b.code == "Programmer")
    libelles = [c.libelle for c in programmer.competences]
    assert "Installer, administrer un système de gestion de données" in libelles
    assert "Choisir les mécanismes de gestion de données adaptés au développement de l’outil" in (
        libelles
    )
    surveiller = next(b for b in cyber.blocs if b.code == "Surveiller")
    # a situation professionnelle (a noun phrase) is no compétence
    assert "Audit de sécurité" not in [c.libelle for c in surveiller.competences]


def test_sideways_labels_run_over_their_cell_are_read_whole() -> None:
    """Excel centres a rotated label along its merged cell: a label longer than
    the cell prints its first word over the next row's ruling."""
    texts = [block.text for block in parse(CROSS).walk()]
    assert "En utilisant une approche rigoureuse pour la résolution des dysfonctionnements" in texts
    assert "Administrer les réseaux et l’Internet" in texts  # read bottom-up, lines joined
    assert "En" not in texts


def test_cross_table_rows_are_the_apprentissages_of_their_ue() -> None:
    ref = extract(CROSS)
    assert ref.certification.type == "BUT"  # its levels are the B.U.T.'s own
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        ("UE 1.1", "Administrer les réseaux et l’Internet"),  # not its level cell
        ("UE 1.2", "Connecter les entreprises et les usagers"),
        ("UE 1.3", "Créer des outils et applications informatiques pour les R&T"),
    ]
    assert [len(b.competences) for b in ref.blocs] == [6, 5, 6]  # the "X" marks end no list
    assert ref.blocs[0].competences[-1].libelle == "Installer un poste client"
    assert [len(b.criteres) for b in ref.blocs] == [5, 4, 5]
    assert ref.blocs[1].criteres[0].libelle.startswith("En communiquant avec le client")


def test_curriculum_map_bands_stating_actions_are_the_blocs() -> None:
    """A one-page map of the ressources and SAÉ (QLIO, drawn in OmniGraffle):
    its rows are banded by sideways labels, one glyph per character; the
    bands that state an action are the compétences, 'Transverses' and the
    parcours acronyms are not, and the semester heads and year labels are no
    abilities."""
    ref = extract(REAL / "but-qlio-cartographie.pdf")
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        (None, "Piloter l'entreprise par la qualité"),
        (None, "Gérer les flux physiques et les flux d'information"),
        (None, "Organiser des activités de production de biens et de services"),
    ]
    assert all(not b.competences for b in ref.blocs)  # ressource boxes are no abilities
    sideways = [
        b for b in parse(REAL / "but-qlio-cartographie.pdf").walk() if "sideways" in b.features
    ]
    assert "Transverses" in [b.text for b in sideways]
