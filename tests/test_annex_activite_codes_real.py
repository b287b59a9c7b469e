"""A Légifrance annex of the CAP référentiels de certification (2010), on the
real file: compétence codes glued after their activité and tâche, and a
closing row whose cells name their own role.

Each test reads the real file with the real reader and segmenter and compares
with the document's hand-checked reference.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract

DOSCC = REAL / "cap-doscc-referentiel-certification.md"


def test_activites_named_by_the_codes_are_the_blocs() -> None:
    """The "A1T1C1" codes name "Activité 1 … 2", the blocs, and the codes are
    the compétences (a comportement "A1T1CP1" is none)."""
    ref = extract(DOSCC)
    gold = gold_of(DOSCC)
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        (b["code"], b["libelle"]) for b in gold["blocs"]
    ]
    codes = [c.code for b in ref.blocs for c in b.competences if c.code]
    assert codes[:15] == [c["code"] for c in gold["blocs"][0]["competences"]]
    assert not any("CP" in code for code in codes)


def test_a_cell_opening_on_its_label_is_read_by_it() -> None:
    """The last row's « Critères de performance : » cell, drawn over the
    comportements and savoirs columns, holds the activité's critères (the label
    itself is none)."""
    ref = extract(DOSCC)
    gold = gold_of(DOSCC)
    for bloc, expected in zip(ref.blocs, gold["blocs"], strict=True):
        assert [c.libelle for c in bloc.criteres] == [c["libelle"] for c in expected["criteres"]]


def test_a_misprinted_code_among_its_series_is_a_sibling() -> None:
    """ "A2T1Cl - …" (a letter for the digit) opens a cell of "A2T1C2 … A2T1C6":
    it shares their code's prefix, so each line is a compétence of its own,
    not the first statement with the others as its details."""
    ref = extract(DOSCC)
    gold = gold_of(DOSCC)
    second = ref.blocs[1].competences
    assert len(second) == len(gold["blocs"][1]["competences"])
    assert [c.code for c in second[1:6]] == [f"A2T1C{n}" for n in range(2, 7)]


def test_a_misprinted_code_keeps_its_code_as_printed() -> None:
    """ "A2T1Cl" (the letter l for the compétence's number 1) is its code, as
    printed, and its libellé is the statement alone, as its siblings'."""
    first = extract(DOSCC).blocs[1].competences[0]
    expected = gold_of(DOSCC)["blocs"][1]["competences"][0]
    assert (first.code, first.libelle) == (expected["code"], expected["libelle"])
    assert first.code == "A2T1Cl"


def test_a_closing_row_states_its_conditions_for_every_competence_above() -> None:
    """The last row's « Conditions de réalisation : » cell, below every tâche
    row of the activité, holds the conditions of each of its compétences, not
    only of the last row's; its critères judge the activité, no compétence."""
    ref = extract(DOSCC)
    gold = gold_of(DOSCC)
    for bloc, expected in zip(ref.blocs, gold["blocs"], strict=True):
        wanted = expected["competences"][0]["conditions_realisation"]
        assert len(bloc.competences) == len(expected["competences"])
        for comp in bloc.competences:
            assert set(wanted) <= set(comp.conditions_realisation)
        assert all(not c.competences for c in bloc.criteres)
