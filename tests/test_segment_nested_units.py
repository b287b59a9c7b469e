"""Modules numbered under a domaine, dash items glued to their first word and a
module's training programme, on the two référentiels de formation of the
certificats nationaux de compétence (arrêté du 2 janvier 2009, annexes I and III);
units lettered after a word ("Capacité A"), on the BTS français capacités.

Each test reads a real file of tests/data/real with the real reader and
segmenter and compares with the document's hand-checked reference.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract, parse
from referentiel.docmodel import Kind
from referentiel.segment.numbering import Numbered, numbered

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


FRANCAIS = REAL / "bts-francais-capacites-techniques.md"


def test_units_lettered_after_a_level_word_are_the_blocs() -> None:
    """ "Capacité A", "Capacité B" alone on their lines, the title on the
    next: a series numbered by letters after a unit word is the bloc level,
    and the lettered series of another word among them ("Technique α") joins
    that level, in the order printed."""
    ref = extract(FRANCAIS)
    gold = gold_of(FRANCAIS)
    wanted = [(b["code"], b["libelle"]) for b in gold["blocs"]]
    assert any(code.startswith("Technique") for code, _ in wanted)
    assert [(b.code, b.libelle) for b in ref.blocs] == wanted


def test_a_word_and_a_letter_number_a_line() -> None:
    """The numbering reads a unit word and a capital or Greek letter, alone or
    before a separator; a word followed by a small letter or a word is no unit."""
    assert numbered("Capacité B - S'informer") == Numbered(
        "capacite", (2,), "S'informer", lettered=True
    )
    assert numbered("Technique β") == Numbered("technique", (2,), "", lettered=True)
    assert numbered("Capacité à agir") is None
    assert numbered("Vitamine C est utile") is None
