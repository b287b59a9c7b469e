"""BTS référentiels whose codes the outline must read from their numbering, on
real files: one level numbered under two code prefixes ("CC1 … CC3" communes,
"CS1 … CS3" spécifiques), codes printed alone in their cells with their levels
spaced ("C1" | title | "C1 2" | title), fonctions numbered by a lettered
series ("F.1. Exploration"), and a référentiel des activités professionnelles
whose numbered finalités group activités numbered under them ("1.1 - …").

Each test reads a real file of tests/data/real with the real reader and
segmenter and compares with the document's hand-checked reference.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract
from referentiel.segment.numbering import numbered

MECP = REAL / "bts-esthetique-cosmetique-competences.md"
DMTE = REAL / "bts-design-mode-textile-capacites.md"
RAP = REAL / "bts-assistant-manager-rap-finalites.md"


def test_two_code_prefixes_number_one_level() -> None:
    """Compétences communes "CC1 … CC3" then spécifiques "CS1 … CS3", each with
    its own "CCn.m" / "CSn.m" children: both prefixes are the bloc level, and
    their children the compétences, each under its own unit."""
    ref = extract(MECP)
    gold = gold_of(MECP)
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        (b["code"], b["libelle"]) for b in gold["blocs"]
    ]
    cs1 = next(b for b in ref.blocs if b.code == "CS1")
    assert [(c.code, c.libelle) for c in cs1.competences] == [
        (c["code"], c["libelle"]) for c in gold["blocs"][3]["competences"]
    ]


def test_a_code_alone_with_spaced_levels_is_one_level_deeper() -> None:
    """A cell holding only "C1 2" numbers C1's second compétence, not C1 titled "2"."""
    spaced = numbered("C1 2")
    assert spaced is not None and spaced.number == (1, 2) and not spaced.title
    titled = numbered("C1 12 points")
    assert titled is not None and titled.number == (1,) and titled.title == "12 points"


def test_codes_alone_in_their_cells_read_with_the_titles_beside_them() -> None:
    """A row "F.1. Exploration" | "C1" | "Engager …" | "C1 1" | "Déclencher …": the
    capacités are the blocs, the spaced codes their compétences, each with the
    title of the next cell; the fonctions are activités coded by their lettered
    series, linked to the compétences of their rows."""
    ref = extract(DMTE)
    gold = gold_of(DMTE)
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        (b["code"], b["libelle"]) for b in gold["blocs"]
    ]
    assert [[(c.code, c.libelle) for c in b.competences] for b in ref.blocs] == [
        [(c["code"], c["libelle"]) for c in b["competences"]] for b in gold["blocs"]
    ]
    assert [(a.code, a.libelle) for a in ref.activites] == [
        (a["code"], a["libelle"]) for a in gold["activites"]
    ]
    assert [c.activites for b in ref.blocs for c in b.competences] == [
        c["activites"] for b in gold["blocs"] for c in b["competences"]
    ]


def test_finalites_group_the_activites_of_a_referentiel_d_activites() -> None:
    """The annex lists its parts (RAP, certification, common units) one after
    the other: the first is the part that follows. "Finalité 1 - …" heads
    activités "1.1 - …", "1.2 - …", each over its "- " tâches: the finalités
    open no bloc, and the tâches are no compétences of an implicit bloc."""
    ref = extract(RAP)
    gold = gold_of(RAP)
    assert ref.blocs == []
    assert [(a.code, a.libelle) for a in ref.activites] == [
        (a["code"], a["libelle"]) for a in gold["activites"]
    ]
    assert [a.taches for a in ref.activites] == [a["taches"] for a in gold["activites"]]
