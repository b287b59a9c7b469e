"""Social and sport annexes of the real corpus (tests/data/real): a fonction /
activités table printed without its header row; a compétences / indicateurs
grid with no bloc level above it; the profession a référentiel professionnel's
title names, on one line, wrapped, or on the next line."""

from __future__ import annotations

import pytest
from corpus_helpers import extract_json
from fixtures.real_docs import REAL


@pytest.fixture(scope="module")
def ccf() -> dict:
    return extract_json(REAL / "ccf-referentiel-professionnel.md")


def test_headerless_fonction_table_gives_the_activites_and_their_taches(ccf: dict) -> None:
    activites = ccf["activites"]
    assert [len(a["taches"]) for a in activites] == [6, 4, 13, 8, 4, 4]
    assert all(a["libelle"].startswith("Fonction") for a in activites)
    assert activites[2]["taches"][-2].startswith("Repérage des situations de risque")  # 4th row


def test_the_competences_table_beside_gives_no_activite(ccf: dict) -> None:
    labels = {a["libelle"] for a in ccf["activites"]}
    assert "Accompagnement" not in labels
    assert not any("Capacité" in t for a in ccf["activites"] for t in a["taches"])


def test_competences_grid_without_bloc_level_gives_one_bloc_per_competence(ccf: dict) -> None:
    blocs = ccf["blocs"]
    assert [b["libelle"] for b in blocs][:2] == ["Accueil Ecoute active", "Accompagnement"]
    assert [len(b["criteres"]) for b in blocs] == [5, 8, 3, 3, 4, 5]
    assert all(b["competences"] == [] for b in blocs)
    assert blocs[1]["criteres"][0]["libelle"].startswith("Capacité à mobiliser")


@pytest.mark.parametrize(
    ("name", "intitule"),
    [
        ("ccf-referentiel-professionnel.md", "CONSEILLER CONJUGAL ET FAMILIAL"),
        (
            "caferuis-referentiel-professionnel.md",
            "ENCADRANTS ET RESPONSABLES D'UNITÉ D'INTERVENTION SOCIALE",
        ),
        ("de-mediateur-familial-referentiel-professionnel.md", "MÉDIATEUR FAMILIAL"),
    ],
)
def test_referentiel_professionnel_title_names_the_profession(name: str, intitule: str) -> None:
    certification = extract_json(REAL / name)["certification"]
    assert certification["intitule"] == intitule
    assert certification["type"] is None


def test_a_section_heading_after_the_title_is_not_its_continuation() -> None:
    # DEME: 'RÉFÉRENTIEL DE FORMATION' then '1.1. Définition …' — no profession named
    assert (
        extract_json(REAL / "deme-referentiel-professionnel.md")["certification"]["intitule"]
        is None
    )
