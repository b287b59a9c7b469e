"""Units printed only as a table's column heads, read on the real files: a row
heading one unit per column (a coded series, or action statements) over cells
listing each unit's items is a unit level; the table's other cells are no element."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.real_docs import REAL, extract_real, gold_of
from referentiel.api import extract, parse
from referentiel.docmodel import Block, Kind
from referentiel.rules import default_rules
from referentiel.segment.headunits import head_view

SIO = "bts-sio-synthese-realisations.pdf"
FICHES = "but-rt-fiches-ressources-s1s2.docx"


def _unplaced(name: str) -> str:
    ref = extract_real(name)
    return " ".join(w.message for w in ref.warnings if w.code == "UNPLACED_TEXT")


def test_sideways_cell_keeps_its_bullet_list() -> None:
    # the '▸' abilities are set sideways in 1-2.6 pt type under each upright head
    table = next(b for b in parse(REAL / SIO).blocks if b.kind is Kind.TABLE)
    cell = table.rows[4].cells[2]
    assert [b.kind for b in cell.blocks] == [Kind.LIST_ITEM] * 6
    assert cell.blocks[0].text == "Recenser et identifier les ressources numériques"
    assert cell.blocks[0].label == "▸"


def test_action_heads_over_lists_are_the_blocs() -> None:
    # six upright action heads, no code: the form prints no bloc level
    ref = extract_real(SIO)
    gold = gold_of(Path(SIO))
    assert [b.libelle for b in ref.blocs] == [b["libelle"] for b in gold["blocs"]]
    assert [len(b.competences) for b in ref.blocs] == [6, 3, 3, 3, 3, 4]
    assert ref.blocs[3].competences[1].libelle == "Planifier les activités"
    # the candidate's rows (réalisations, periods) are no element, and not lost
    texts = [c.libelle for b in ref.blocs for c in b.competences]
    assert not any("GLPI" in t or "Période" in t for t in texts)
    assert "Inventaire ORFIS" in _unplaced(SIO)


def test_coded_heads_of_every_fiche_are_the_blocs() -> None:
    # "RT1 Administrer | RT2 Connecter | RT3 Programmer" in each of 29 fiches,
    # the apprentissages critiques cited as "ACnnnn | title" lines below
    ref = extract_real(FICHES)
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        ("RT1", "Administrer"),
        ("RT2", "Connecter"),
        ("RT3", "Programmer"),
    ]
    codes = [sorted(c.code or "" for c in b.competences) for b in ref.blocs]
    assert codes == [
        [f"AC01{n}" for n in range(11, 17)],
        [f"AC02{n}" for n in range(11, 16)],
        [f"AC03{n}" for n in range(11, 17)],
    ]
    texts = {c.code: c.libelle for b in ref.blocs for c in b.competences}
    # each cited in several fiches, reworded in some: the wording most print
    assert texts["AC0312"] == "Lire, exécuter, corriger et modifier un programme"
    assert texts["AC0215"] == "Communiquer avec un client ou un collaborateur"
    # a ressource's descriptif (its training contents) is no compétence
    assert "Développer sa confiance en soi" not in {t for t in texts.values()}
    assert "Développer sa confiance en soi" in _unplaced(FICHES)


def _table(tmp_path: Path, head: str, cells: str) -> Block:
    path = tmp_path / "t.md"
    path.write_text(
        f"# T\n\n| {head} |\n|---|---|---|\n| coef. | coef. | coef. |\n| {cells} |\n",
        encoding="utf-8",
    )
    return next(b for b in parse(path).blocks if b.kind is Kind.TABLE)


CODED = " | ".join(
    ("AC0111 \\| Mesurer les signaux", "AC0211 \\| Déployer un support", "AC0311 \\| Utiliser")
)


@pytest.mark.parametrize(
    ("head", "cells", "read"),
    [
        ("RT1 Administrer | RT2 Connecter | RT3 Programmer", CODED, True),
        ("RT1 Administrer | RT3 Connecter | RT7 Programmer", CODED, False),  # no series
        ("RT1 Administrer | UE2 Connecter | RT3 Programmer", CODED, False),  # two letterings
        ("Savoirs | Savoir-faire | Savoir-être", CODED, False),  # no unit heads
        ("RT1 Administrer | RT2 Connecter | RT3 Programmer", "X | X | 12", False),  # marks
    ],
)
def test_heads_need_a_series_over_items(tmp_path: Path, head: str, cells: str, read: bool) -> None:
    view = head_view(_table(tmp_path, head, cells), default_rules(), 1)
    assert (view is not None) is read


def test_heads_under_a_bloc_heading_are_its_competences(tmp_path: Path) -> None:
    # the document prints its bloc level: the heads are the level below it
    path = tmp_path / "b.md"
    path.write_text(
        "# Bloc de compétences 1 : Gérer le réseau\n\n"
        "| RT1 Administrer | RT2 Connecter | RT3 Programmer |\n|---|---|---|\n"
        f"| {CODED} |\n",
        encoding="utf-8",
    )
    ref = extract(path)
    assert [b.code for b in ref.blocs] == ["Bloc de compétences 1"]
    heads = ref.blocs[0].competences
    assert [(c.code, c.libelle) for c in heads] == [
        ("RT1", "Administrer"),
        ("RT2", "Connecter"),
        ("RT3", "Programmer"),
    ]
