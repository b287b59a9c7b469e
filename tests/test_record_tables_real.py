"""Tables of labelled rows read as the record of one unit, on a real file.

The BTS design de mode référentiel des activités professionnelles prints each
fonction as a line "F.n. : <name>" over a one-column table whose rows are
labelled ("TÂCHES", a cell "Objectifs : " over its lines, a cell "Activités : "
over its lines, "RÉSULTATS ATTENDUS" …): each table is the record of the
fonction named before it, an activité whose tâches are the lines its
activités label governs. The test reads the real file with the real reader
and segmenter and compares with the document's hand-checked reference.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract

FONCTIONS = REAL / "bts-design-mode-textile-fonctions.md"


def test_labelled_rows_are_the_record_of_the_activite_named_before() -> None:
    """Each fonction is an activité coded by its lettered series, its tâches the
    lines under its 'Activités :' label, never the objectifs beside them under
    the same 'TÂCHES' row, nor the results or resources; nothing is a bloc."""
    ref = extract(FONCTIONS)
    gold = gold_of(FONCTIONS)
    assert [(a.code, a.libelle, a.taches) for a in ref.activites] == [
        (a["code"], a["libelle"], a["taches"]) for a in gold["activites"]
    ]
    assert not ref.blocs
