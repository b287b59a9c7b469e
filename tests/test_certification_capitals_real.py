"""A BTS named only in the prose opening its annex, on real files.

The Légifrance annex of the BTS design de mode names the diploma as the
subject of the Définition paragraph, in capitals with its options ("Le BTS
<NAME>, OPTION …, OPTION …, met en interaction …"), under "1. Champ
d'activités"; one excerpt also prints the mapping table whose "COMPETENCE
GLOBALE" cell holds the job's statement below its label. Each test reads a
real file with the real reader and segmenter and compares with the
document's hand-checked reference.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract
from referentiel.evaluate import normalise

FONCTIONS = REAL / "bts-design-mode-textile-fonctions.md"
CAPACITES = REAL / "bts-design-mode-textile-capacites.md"


def test_the_name_is_the_run_of_capitals_without_its_options() -> None:
    """The intitulé is the capital run up to the options, not the sentence;
    the Définition of the field of activity is no description."""
    for path in (FONCTIONS, CAPACITES):
        ref = extract(path)
        gold = gold_of(path)["certification"]
        assert ref.certification.type == gold["type"]
        assert normalise(ref.certification.intitule) == normalise(gold["intitule"])
    assert extract(FONCTIONS).certification.description is None


def test_the_global_competence_under_its_label_in_one_cell_is_the_description() -> None:
    """'COMPETENCE GLOBALE' over the statement in the same cell: the statement."""
    ref = extract(CAPACITES)
    gold = gold_of(CAPACITES)["certification"]
    assert normalise(ref.certification.description) == normalise(gold["description"])
