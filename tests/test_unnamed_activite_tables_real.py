"""Tâches tables printed with no activité name (the activités types' summary
left out of the published text), on the real file.

A table whose header names a tâches column and no activité column, read where
no activité was named, is one activité without code or libellé: its tâches are
kept under it, one activité per table, instead of being dropped with the
table (which left the document refused as holding nothing).
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract
from referentiel.evaluate import normalise

MSA = REAL / "bep-msa-activites-professionnelles.md"


def test_each_tache_table_is_one_unnamed_activite() -> None:
    """Two tâches tables, two activités with no code and no libellé."""
    ref = extract(MSA)
    assert [(a.code, a.libelle) for a in ref.activites] == [(None, ""), (None, "")]
    assert not ref.blocs


def test_the_taches_are_the_rows_of_their_own_table() -> None:
    """Each activité holds its table's tâche rows, in order, none of the
    other table's (the autonomy marks and the label rows are no tâches)."""
    ref = extract(MSA)
    gold = gold_of(MSA)
    for got, want in zip(ref.activites, gold["activites"], strict=True):
        assert [normalise(t) for t in got.taches] == [normalise(t) for t in want["taches"]]
