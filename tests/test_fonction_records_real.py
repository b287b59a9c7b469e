"""A référentiel des activités professionnelles by fonctions, on a real file.

The BTS « Services et prestations des secteurs sanitaire et social » annex
maps its activités to four fonctions in a cross table (« ACTIVITES |
FONCTIONS » over « F1 … F4 », an « X » where an activité serves a fonction),
then prints one table per activité: a full-width row « ACTIVITE 1 - 1 <titre> »
(the fonction's number, then the activité's) over label cells « TÂCHES » /
« CONDITIONS D'EXERCICE » / « RÉSULTATS ATTENDUS » beside their lines
(« Tâche 1 - … »). Real reader and segmenter on the real file; the reference
is the document's hand-checked gold.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract, parse
from referentiel.docmodel import Kind
from referentiel.rules import default_rules
from referentiel.segment.checks import mark_columns
from referentiel.segment.headers import header_roles

SP3S = REAL / "bts-sp3s-activites-professionnelles.md"


def test_the_coded_row_over_the_labels_titles_each_activite_record() -> None:
    """Each detailed activité keeps the code printed in its own row, the title
    after it, and the tâches its « TÂCHES » label heads, without their
    « Tâche n - » numbers."""
    ref = extract(SP3S)
    gold = [a for a in gold_of(SP3S)["activites"] if a["code"]]
    coded = [(a.code, a.libelle, a.taches) for a in ref.activites if a.code]
    assert coded == [(a["code"], a["libelle"], a["taches"]) for a in gold]


def test_the_fonctions_over_marks_name_no_column_of_units() -> None:
    """« FONCTIONS » spans four columns holding only « X » marks: the header
    names the activités' column alone, and no mark becomes an activité."""
    grid = next(b for b in parse(SP3S).blocks if b.kind is Kind.TABLE)
    marks = frozenset(mark_columns(grid))
    assert marks == {1, 2, 3, 4}
    assert header_roles(grid.rows[0], default_rules(), marks=marks) == {0: "activite"}
    ref = extract(SP3S)
    assert all(len(a.libelle) > 2 and a.taches != ["X"] for a in ref.activites)  # noqa: PLR2004
