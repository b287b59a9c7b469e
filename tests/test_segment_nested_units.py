"""Modules numbered under a domaine, dash items glued to their first word and a
module's training programme, on the two référentiels de formation of the
certificats nationaux de compétence (arrêté du 2 janvier 2009, annexes I and III).

Each test reads a real file of tests/data/real with the real reader and
segmenter and compares with the document's hand-checked reference.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract, parse
from referentiel.docmodel import Kind

DPF = REAL / "cnc-dpf-referentiel-formation-domaine1.md"
MJPM = REAL / "cnc-mjpm-referentiel-formation-domaine1.md"


def test_modules_numbered_under_a_domaine_are_the_blocs() -> None:
    """ "Module 1. 1", "Module 1. 2" printed after "DOMAINE DE FORMATION 1":
    the modules' numbers extend the domaine's, so the domaine only groups
    them; the modules are the blocs."""
    ref = extract(MJPM)
    gold = gold_of(MJPM)
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        (b["code"], b["libelle"]) for b in gold["blocs"]
    ]


def test_a_dash_glued_to_the_first_word_opens_an_item() -> None:
    """ "-savoir identifier …": a paragraph opening on a dash glued to a word
    is a list item, its text without the dash."""
    blocks = parse(DPF).blocks
    items = [b.text for b in blocks if b.kind is Kind.LIST_ITEM]
    assert "savoir identifier les motifs et les objectifs de la mesure ;" in items
    assert not [b.text for b in blocks if b.kind is Kind.PARAGRAPH and b.text.startswith("-")]


def test_a_modules_programme_is_its_connaissances() -> None:
    """ "Programme de formation de ce module :" then lettered lead-ins and
    items: the module's connaissances, not compétences (the lead-ins keep
    their letter "a) ", which the reference drops)."""
    for path in (DPF, MJPM):
        ref = extract(path)
        gold = gold_of(path)
        found = {b.code: b.connaissances for b in ref.blocs}
        for bloc in gold["blocs"]:
            if bloc["connaissances"]:
                got = found[bloc["code"]]
                assert len(got) == len(bloc["connaissances"])
                assert all(g.endswith(w) for g, w in zip(got, bloc["connaissances"], strict=True))
