"""A summary table's units the body never prints, and a training table's « Contenu » row.

tests/data/real/ssiap1-referentiel-pedagogique.md (Légifrance annex, cut after the
2e partie's fourth séquence): a summary table 'OBJECTIFS INTERMEDIAIRES | SAVOIRS |
DUREE' lists the five parties ('1re partie' / 'Le feu et ses conséquences') and
their séquences as '- ' items; the body prints the 1re and 2e parties' banners
('1re Partie : LE FEU …') and their séquence tables only up to the cut. Each
séquence table's 'Contenu' row (a rowspan label over sub-cells in places) lists
what it teaches.
"""

from __future__ import annotations

import json

import pytest
from fixtures.paths import REAL
from referentiel.api import extract
from referentiel.evaluate import evaluate
from referentiel.models import Referentiel
from referentiel.output import to_json

SSIAP = REAL / "ssiap1-referentiel-pedagogique.md"


@pytest.fixture(scope="module")
def referentiel() -> Referentiel:
    return extract(SSIAP)


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads((REAL / "gold" / "ssiap1-referentiel-pedagogique.gold.json").read_text())


def test_parties_only_the_summary_gives_are_blocs(referentiel: Referentiel) -> None:
    """'3e partie' … '5e partie :' exist only in the summary (the excerpt's body
    stops in the 2e partie): they are blocs, coded as printed (colon dropped),
    their '- ' items their compétences; the body's parties stay once."""
    blocs = {b.code: b for b in referentiel.blocs}
    assert list(blocs) == ["1re Partie", "2e Partie", "3e partie", "4e partie", "5e partie"]
    assert blocs["3e partie"].libelle == "Installations techniques"
    assert [c.libelle for c in blocs["5e partie"].competences] == [
        "visites applicatives",
        "mises en situation d'intervention",
    ]
    warned = [w.message for w in referentiel.warnings if w.code == "SOMMAIRE_ONLY"]
    assert any("3e partie" in m for m in warned), warned


def test_summary_items_the_body_prints_are_references(referentiel: Referentiel) -> None:
    """The 2e partie's summary items 'principes de classement des établissements'
    … name the body's séquences (capitals, no accents): references, not new
    compétences; the four séquences after the cut are added, uncoded."""
    deux = next(b for b in referentiel.blocs if b.code == "2e Partie")
    libelles = [c.libelle for c in deux.competences]
    assert len(libelles) == 8, libelles
    assert libelles[0] == "PRINCIPES DE CLASSEMENT DES ETABLISSEMENTS"
    assert "principes de classement des établissements" not in libelles
    assert libelles[4:] == [
        "évacuation du public et des occupants",
        "désenfumage",
        "éclairage de sécurité",
        "présentation des différents moyens de secours",
    ]
    assert [c.code for c in deux.competences[4:]] == [None] * 4


def test_a_sequence_tables_contenu_row_is_its_connaissances(
    referentiel: Referentiel, gold: dict
) -> None:
    """The 'Contenu' row of a séquence table lists its connaissances; the rows
    beside it (Thème, Matériels et documentation, Application, Remarque) do not."""
    feu = referentiel.blocs[0].competences[0]
    assert feu.connaissances == gold["blocs"][0]["competences"][0]["connaissances"]
    every = [k for b in referentiel.blocs for c in b.competences for k in c.connaissances]
    assert not any(k.startswith(("Film vidéo", "Exercice", "Les exercices")) for k in every)
    report = evaluate(gold, json.loads(to_json(referentiel)))
    scores = {t.type: t.f1 for t in report.types}
    assert scores["blocs"] == 1.0 and scores["competences"] == 1.0, report.render()
    assert scores["connaissances"] >= 0.75, report.render()


def test_a_bare_contenu_in_running_text_is_no_cue() -> None:
    """Simplon's épreuves print 'Contenu' / 'Contenu :' over the épreuve's
    description (prose), in running text, no table row: no connaissances."""
    simplon = extract(REAL / "simplon-dev-ia-blocs-criteres-e1.md")
    assert not any(b.connaissances for b in simplon.blocs)
    assert not any(c.connaissances for b in simplon.blocs for c in b.competences)


def test_a_contenu_label_holds_its_rows_and_a_duration_is_no_content(
    referentiel: Referentiel,
) -> None:
    """The 2e partie's 'Contenu' label spans its rows ('ERP' | list, then 'IGH'
    | list; séquence 2 over three rows): every row it holds is its séquence's
    connaissances, the duration cell beside them ('2 h00', '1 h 30') none, and
    the next row's label ('Matériels et documentation recommandés') ends them."""
    deux = next(b for b in referentiel.blocs if b.code == "2e Partie")
    classement, principes = deux.competences[0], deux.competences[1]
    assert classement.connaissances[-2:] == ["IGH", "Définition et classification d'un IGH"]
    assert principes.connaissances[-1] == "Moyens de secours - alarme"
    assert "Principes généraux (déclinaison du règlement) de sécurité" in principes.connaissances
    every = [k for b in referentiel.blocs for c in b.competences for k in c.connaissances]
    assert not any(k[:1].isdigit() for k in every), every
    assert "Matériels et documentation recommandés" not in every
