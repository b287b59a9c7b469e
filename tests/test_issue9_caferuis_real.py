"""Behaviours two social-diploma annexes needed, on the real files: items
"capacité à …" state abilities (the DECESF épreuves' objectives); a title
"Règlement d'examen du <acronym>." names the certification; domaines "DC n"
whose numbers the compétence codes "C n.m" extend are the blocs, not the
"Unité de formation n" printed beside them, and the "MODES DE VALIDATION"
cell of their row is the épreuve of each (the CAFERUIS certification).

Each test reads a real file of tests/data/real with the real reader and
segmenter and compares with the document's hand-checked reference.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, bloc_and_gold, gold_of
from rapidfuzz import fuzz
from referentiel.api import extract

DECESF = REAL / "decesf-definition-epreuves.md"
CAFERUIS = REAL / "caferuis-referentiel-certification.md"


def test_capacite_a_items_are_abilities_not_topics() -> None:
    """ "- capacité à expliciter une question sociale ;": the noun of "être
    capable de" before an infinitive states an ability, so the list is the
    épreuve's compétences, not connaissances."""
    memoire, expected = bloc_and_gold(DECESF, "DC1 C")
    assert [c.libelle for c in memoire.competences] == [
        c["libelle"] for c in expected["competences"]
    ]
    assert memoire.competences and not memoire.connaissances


def test_title_naming_the_document_kind_then_a_dotted_acronym() -> None:
    """ "Règlement d'examen du D.E.C.E.S.F.": the kind of the document, then
    the diploma as an acronym whose final period ends no sentence."""
    ref = extract(DECESF)
    assert ref.certification.intitule is not None
    assert ref.certification.intitule.rstrip(".") == gold_of(DECESF)["certification"][
        "intitule"
    ].rstrip(".")
    assert ref.certification.type is None


def test_domaines_the_competence_codes_extend_are_the_blocs() -> None:
    """ "DC 1. - …" mid-cell, ending with a period, "C 1.1. …" under it, and
    "Unité de formation 1" in the row's first cell: the compétence codes
    extend the DC numbers, each inside its own domaine, so the DC are the
    blocs, in printed order (1, 6, 2, 3, 5, 4), each with its compétences."""
    ref = extract(CAFERUIS)
    gold = gold_of(CAFERUIS)
    assert [b.code for b in ref.blocs] == [b["code"] for b in gold["blocs"]]
    assert [b.libelle.rstrip(".") for b in ref.blocs] == [b["libelle"] for b in gold["blocs"]]
    assert [[c.code for c in b.competences] for b in ref.blocs] == [
        [c["code"] for c in b["competences"]] for b in gold["blocs"]
    ]


def test_the_validation_cell_is_the_epreuve_of_each_domaine_of_its_row() -> None:
    """The "MODES DE VALIDATION" column names the épreuve of the row: every
    domaine of the row's cell gets it (DC 1 and DC 6 share the mémoire), its
    "- " items stay modalités (no connaissances), and a domaine gets no other
    row's épreuve."""
    ref = extract(CAFERUIS)
    gold = gold_of(CAFERUIS)
    for bloc, expected in zip(ref.blocs, gold["blocs"], strict=True):
        assert not bloc.connaissances
        joined = " ".join(bloc.modalites_evaluation)
        for want in expected["modalites_evaluation"]:
            assert fuzz.partial_ratio(want, joined) >= 90, (bloc.code, want)
        assert len(joined) <= 1.2 * len(" ".join(expected["modalites_evaluation"]))
    first, sixth = ref.blocs[0], ref.blocs[1]
    assert (first.code, sixth.code) == ("DC 1", "DC 6")
    assert first.modalites_evaluation == sixth.modalites_evaluation
