"""Labels read on real files: a règlement d'examen's bare "Forme" columns and
the table's first row naming the diploma, a critères cell on two typed list
levels ("- " over ". "), a "Compétence globale" cell, a savoir-faire column
beside the savoirs, a centred aside line under a PDF heading.

Each test reads a real file of tests/data/real with the real reader and
segmenter and compares with the document's hand-checked reference.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract

TEA = REAL / "bacpro-agricole-tea-reglement-examen.md"
COIFFURE = REAL / "cap-coiffure-referentiel-certification.md"
BMA = REAL / "bma-graphisme-decor-referentiel-certification.md"
SN = REAL / "bts-sn-savoirs-competences.pdf"
INFO = REAL / "but-info-pn-competences.pdf"


def test_reglement_forms_are_the_units_modalities() -> None:
    """Each unit's modalities are its row's "Forme" cells, one per candidate
    route (the same form twice is one modality); the first header cell names
    the diploma."""
    ref, gold = extract(TEA), gold_of(TEA)
    assert ref.certification.type == gold["certification"]["type"]
    assert ref.certification.intitule == gold["certification"]["intitule"]
    assert [b.code for b in ref.blocs] == [b["code"] for b in gold["blocs"]]
    for bloc, expected in zip(ref.blocs, gold["blocs"], strict=True):
        assert bloc.modalites_evaluation == list(dict.fromkeys(expected["modalites_evaluation"]))


def test_two_level_critere_list() -> None:
    """A "- " line of the indicateurs cell is a critère, the ". " lines under
    it its indicateurs; the "Compétence globale" sentence is the description."""
    ref, gold = extract(COIFFURE), gold_of(COIFFURE)
    got = [(k.libelle, k.indicateurs) for k in ref.blocs[0].criteres]
    assert got == [(k["libelle"], k["indicateurs"]) for k in gold["blocs"][0]["criteres"]]
    assert ref.certification.description == gold["certification"]["description"]


def test_competence_globale_lead_in_is_no_description() -> None:
    """A "Compétence globale" cell holding a lead-in and its list describes
    abilities, not the job: no description."""
    assert extract(BMA).certification.description is None


def test_savoir_faire_beside_savoirs_and_centred_aside() -> None:
    """The savoir-faire beside a compétence's savoirs are its connaissances
    too; the centred "(commune aux options …)" line under a heading that
    fills the line is no part of the compétence's title; "SF19." opening a
    line flush under "SF18. …" (no hanging indent) is the next item."""
    ref, gold = extract(SN), gold_of(SN)
    pairs = [
        (comp, want)
        for bloc, expected in zip(ref.blocs, gold["blocs"], strict=True)
        for comp, want in zip(bloc.competences, expected["competences"], strict=True)
    ]
    assert [c.libelle for c, _ in pairs] == [w["libelle"] for _, w in pairs]
    for comp, want in pairs:
        assert comp.connaissances == want["connaissances"]


def test_wrapped_parenthesis_stays_in_the_title() -> None:
    """A parenthesis wrapped onto a line of its own under a line flush left
    is the title's end, not an aside."""
    titles = [c.libelle for b in extract(INFO).blocs for c in b.competences]
    aside = "(apprentissage, informatique décisionnelle ou fouille de données)"
    assert len([t for t in titles if t.endswith(aside)]) == 1
