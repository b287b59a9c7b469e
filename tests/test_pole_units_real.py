"""A bac pro's units annex (annexe II a) on a real file: a cross table whose
header names its first column « PÔLE » (the contract's "pôle n" bloc of the
Éducation nationale diplomas) over the compétences, their opérationnelles and
one mark column per professional unit; then the general-education units as
headings « Unité (U13, épreuve E1) : Mathématiques ».

Each test reads the real file with the real reader and segmenter and compares
with the document's hand-checked reference.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract

CUISINE = REAL / "bacpro-cuisine-unites-constitutives.md"


def test_a_pole_header_column_holds_the_blocs() -> None:
    """The « PÔLE » head names the bloc column: its rowspan cells « PÔLE N° 1 :
    <br/>Organisation … » open the blocs, each holding the compétences and
    opérationnelles of its rows, not one implicit bloc for the whole table."""
    ref = extract(CUISINE)
    gold = gold_of(CUISINE)
    poles = [b for b in ref.blocs if b.code and b.code.startswith("PÔLE")]
    expected = [b for b in gold["blocs"] if b["code"].startswith("PÔLE")]
    assert [(b.code, b.libelle) for b in poles] == [(b["code"], b["libelle"]) for b in expected]
    for bloc, want in zip(poles, expected, strict=True):
        assert [c.code for c in bloc.competences] == [c["code"] for c in want["competences"]]


def test_unit_headings_with_their_epreuve_are_blocs() -> None:
    """« Unité (U13, épreuve E1) : Mathématiques » … « Unité (UF1, épreuve EF) :
    Langue vivante »: eight units, code the unit, no compétence (their paragraphs
    only refer to other programmes)."""
    ref = extract(CUISINE)
    gold = gold_of(CUISINE)
    units = [
        (b.code, b.libelle, len(b.competences))
        for b in ref.blocs
        if b.code and b.code.startswith("U")
    ]
    expected = [(b["code"], b["libelle"], 0) for b in gold["blocs"] if b["code"].startswith("U")]
    assert units == expected and len(units) == 8


GPPE = REAL / "bacpro-gppe-referentiel-certification.md"


def test_two_competences_worded_alike_but_numbered_apart_stay_two() -> None:
    """« C 222 - Déterminer les mesures de prévention » and « C 232 - Déterminer
    les mesures de précaution » (one word apart, two codes of one series): two
    compétences, each with its own critères, when the capacité's synthesis and
    body mentions are merged."""
    ref = extract(GPPE)
    gold = gold_of(GPPE)
    assert sorted(c.code or "" for c in ref.blocs[1].competences) == sorted(
        c["code"] for c in gold["blocs"][1]["competences"]
    )
    linked = {k.libelle: k.competences for k in ref.blocs[1].criteres}
    assert (
        linked["Proposition réaliste des mesures de prévention"]
        != linked["Proposition argumentée de mesures de protection de l'environnement"]
    )
