"""Lead-ins numbered by French ordinals ("1° Un module … permettant :") over
lists of abilities, the blocs of a document without bloc level, and a note call
after a modalités label, on real files (Légifrance health annexes).

Each test reads a real file of tests/data/real with the real reader and
segmenter and compares with the document's hand-checked reference.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract

AFGSU = REAL / "afgsu-niveau1-modules.md"
PPH = REAL / "pph-referentiel-formation-modules.md"


def test_ordinal_lead_ins_over_lists_are_the_blocs() -> None:
    """Three modules printed "1° … permettant :", "2° …", "3° …", each over its
    "- d'…" items: three blocs coded by their ordinals, every item of a list a
    compétence of its module, also the one opening on a circumstance."""
    ref = extract(AFGSU)
    gold = gold_of(AFGSU)
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        (b["code"], b["libelle"]) for b in gold["blocs"]
    ]
    assert [[c.libelle for c in b.competences] for b in ref.blocs] == [
        [c["libelle"] for c in b["competences"]] for b in gold["blocs"]
    ]


def test_a_modalites_label_with_a_note_call_is_a_heading() -> None:
    """'Modalités d'évaluation : (cf. note 2)' heads the épreuves below it: they
    are no critères of the module, whose critères are the numbered groups."""
    ref = extract(PPH)
    gold = gold_of(PPH)
    module1 = next(b for b in ref.blocs if b.code == "Module 1")
    assert [c.libelle for c in module1.criteres] == [
        c["libelle"] for c in gold["blocs"][0]["criteres"]
    ]
    assert module1.modalites_evaluation
