"""Lettered parts of a form (A, B in a cell of their table) as its blocs (real PDF)."""

from __future__ import annotations

import pytest
from fixtures.paths import ROOT
from referentiel.api import extract
from referentiel.models import Referentiel

REAL = ROOT / "tests" / "data" / "real"


@pytest.fixture(scope="module")
def sst() -> Referentiel:
    return extract(REAL / "sst-fiche-individuelle-evaluation.pdf")


def test_each_lettered_part_is_a_bloc_titled_by_its_table(sst: Referentiel) -> None:
    assert [(b.code, b.libelle) for b in sst.blocs] == [
        ("A", "Capacités évaluées lors de l’apprentissage"),
        ("B", "CAS CONCRETS"),  # the column head "n°1" beside it is no number of it
    ]


def test_abilities_are_compétences_and_results_critères(sst: Referentiel) -> None:
    part_a, part_b = sst.blocs
    assert len(part_a.competences) == 26 and not part_a.criteres
    assert not part_b.competences and len(part_b.criteres) == 5
    assert part_b.criteres[2].libelle == "Les secours ont été alertés"


def test_footnote_calls_and_group_heads_are_no_part_of_statements(sst: Referentiel) -> None:
    texts = [c.libelle for c in sst.blocs[0].competences] + [
        k.libelle for k in sst.blocs[1].criteres
    ]
    assert not [t for t in texts if t.endswith(("*", "#"))]
    assert "PROTEGER" not in texts and "SECOURIR" not in texts
    assert "Donner un message d’alerte" in texts
