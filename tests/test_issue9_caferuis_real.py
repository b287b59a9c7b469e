"""Behaviours two social-diploma annexes needed, on the real files: items
"capacité à …" state abilities (the DECESF épreuves' objectives).

Each test reads a real file of tests/data/real with the real reader and
segmenter and compares with the document's hand-checked reference.
"""

from __future__ import annotations

from pathlib import Path

from fixtures.real_docs import gold_of
from referentiel.api import extract

REAL = Path(__file__).resolve().parent / "data" / "real"
DECESF = REAL / "decesf-definition-epreuves.md"


def test_capacite_a_items_are_abilities_not_topics() -> None:
    """ "- capacité à expliciter une question sociale ;": the noun of "être
    capable de" before an infinitive states an ability, so the list is the
    épreuve's compétences, not connaissances."""
    ref = extract(DECESF)
    gold = gold_of(DECESF)
    memoire = next(b for b in ref.blocs if b.code == "DC1 C")
    expected = next(b for b in gold["blocs"] if b["code"] == "DC1 C")
    assert [c.libelle for c in memoire.competences] == [
        c["libelle"] for c in expected["competences"]
    ]
    assert memoire.competences and not memoire.connaissances
