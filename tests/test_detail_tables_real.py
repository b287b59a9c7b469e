"""A table detailing the activité printed above it gives the activité's tâches
(:mod:`referentiel.segment.detail_tables`), on the real file.

The IBODE référentiel d'activités follows each numbered activité with a
"DÉTAIL | SAVOIR-FAIRE" table no column rule names: the column of action
nouns holds the tâches, the column of infinitives (what the nurse can do) is
none of them.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract, parse
from referentiel.docmodel import Kind
from referentiel.evaluate import normalise
from referentiel.segment.detail_tables import body_columns, names_actions

IBODE = REAL / "de-ibode-referentiel-activites.md"


def test_the_detail_column_gives_each_activite_its_taches() -> None:
    """Every activité holds its DÉTAIL lines, in row order, as the gold does
    (a rowspan in activité 4, a lead-in and its items in activité 5)."""
    got = extract(IBODE)
    gold = gold_of(IBODE)
    assert [[normalise(t) for t in a.taches] for a in got.activites] == [
        [normalise(t) for t in a["taches"]] for a in gold["activites"]
    ]


def test_the_savoir_faire_are_no_taches_nor_competences() -> None:
    """The infinitive lines stay out of the tâches; no compétence is invented."""
    got = extract(IBODE)
    taches = {normalise(t) for a in got.activites for t in a.taches}
    for activite in gold_of(IBODE)["activites"]:
        assert not {normalise(s) for s in activite["savoir_faire"]} & taches
    assert all(not bloc.competences for bloc in got.blocs)


def test_only_the_column_of_action_nouns_names_actions() -> None:
    """Column statistics: in every table the first column names actions, the
    second (infinitives) never does."""
    tables = [b for b in parse(IBODE).blocks if b.kind is Kind.TABLE]
    assert len(tables) == 10
    for table in tables:
        columns = body_columns(table)
        assert sorted(columns) == [0, 1]
        assert names_actions(columns[0])
        assert not names_actions(columns[1])
