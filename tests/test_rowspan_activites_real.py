"""A référentiel des activités professionnelles whose summary table prints each
activité's number and title in a rowspan cell, then a detail table per
activité under a heading naming it (:mod:`referentiel.segment.table_rows`,
:mod:`referentiel.segment.table_activites`), on the real file; and a quoted
word closing an intitulé (:func:`referentiel.segment.titlehits.clean_title`)."""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract
from referentiel.evaluate import normalise
from referentiel.segment.titlehits import clean_title

CAP = REAL / "cap-conducteur-routier-activites-professionnelles.md"


def test_the_row_opening_an_activite_is_no_continuation_of_the_one_above() -> None:
    """Each activité holds its own tâches, its first row's included, without
    the code 'T1.1' (printed in the tâche cell or in a cell of its own); the
    detail table of activité 1 repeats its tâches: once each, no unnamed activité."""
    got = extract(CAP)
    gold = gold_of(CAP)
    assert [(a.code, a.libelle) for a in got.activites] == [
        (a["code"], a["libelle"]) for a in gold["activites"]
    ]
    assert [[normalise(t) for t in a.taches] for a in got.activites] == [
        [normalise(t) for t in a["taches"]] for a in gold["activites"]
    ]
    assert not any(t.startswith("T") and t[1:2].isdigit() for a in got.activites for t in a.taches)


def test_the_intitule_keeps_the_quote_closing_a_quoted_word() -> None:
    assert extract(CAP).certification.intitule == 'Conducteur routier "marchandises"'
    assert clean_title('Conducteur routier "marchandises".') == 'Conducteur routier "marchandises"'
    assert clean_title("« Boulanger »") == "Boulanger"
    assert clean_title('"Métiers de la mode"') == "Métiers de la mode"
    assert clean_title("« Conducteur « x » »") == "Conducteur « x »"
