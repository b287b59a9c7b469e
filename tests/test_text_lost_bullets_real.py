"""Raw OCR text whose list bullets were lost (tests/data/real/bts-negociation-ocr.txt):
the clauses under a critère's head ending with a colon are its indicateurs,
one per line ending with a comma. Real reader and segmenter on the real file,
compared with the hand-checked reference."""

from __future__ import annotations

from fixtures.real_docs import REAL, extract_real, gold_of
from rapidfuzz import fuzz
from referentiel.api import parse
from referentiel.docmodel import Kind

NAME = "bts-negociation-ocr.txt"
HEAD = "Pertinence du traitement de la réclamation"


def _gold_items() -> list[str]:
    gold = gold_of(REAL / NAME)
    critere = next(c for b in gold["blocs"] for c in b["criteres"] if c["libelle"].startswith(HEAD))
    return list(critere["indicateurs"])


def test_clauses_under_a_lead_in_are_items() -> None:
    """The four clauses under the head, each ending a line with a comma (the
    last with a full stop), are four list items, not one paragraph."""
    blocks = parse(REAL / NAME).blocks
    head = next(i for i, b in enumerate(blocks) if b.text.startswith(HEAD))
    items = blocks[head + 1 : head + 1 + len(_gold_items())]
    assert all(b.kind is Kind.LIST_ITEM for b in items)
    for block, want in zip(items, _gold_items(), strict=True):
        assert fuzz.ratio(block.text, want) >= 90


def test_lost_bullets_are_the_critère_s_indicateurs() -> None:
    """The extraction gives the critère those clauses as its indicateurs."""
    ref = extract_real(NAME)
    critere = next(c for b in ref.blocs for c in b.criteres if c.libelle.startswith(HEAD))
    assert len(critere.indicateurs) == len(_gold_items())
    for got, want in zip(critere.indicateurs, _gold_items(), strict=True):
        assert fuzz.ratio(got, want) >= 90


def test_productions_are_whole_modalities() -> None:
    """Each production ("… sur la base de la production suivante : La … restituée
    par : …") is one modality with its list, bullets lost or not: the second
    composante's, opened by the same lead-in as the first's, is kept too."""
    gold = gold_of(REAL / NAME)
    ref = extract_real(NAME)
    for want_bloc, got_bloc in zip(gold["blocs"], ref.blocs, strict=True):
        productions = [m for m in want_bloc["modalites_evaluation"] if "production" in m]
        for want in productions:
            best = max(fuzz.ratio(got, want) for got in got_bloc.modalites_evaluation)
            assert best >= 90, want


def test_each_composante_keeps_its_conditions() -> None:
    """Each composante of bloc 1 prints the same label "Conditions de
    réalisation pour un candidat issu de la formation" over its own conditions:
    the second one opens a modality of its own, it is no paragraph read again
    (its label and its "Travail individuel" stay)."""
    gold = gold_of(REAL / NAME)["blocs"][0]["modalites_evaluation"]
    got = extract_real(NAME).blocs[0].modalites_evaluation
    wanted = [m for m in gold if m.startswith("Conditions de réalisation")]
    assert len(wanted) == 2
    opened = [m for m in got if m.startswith("Conditions de réalisation")]
    assert len(opened) == len(wanted)
    joined = " ".join(got[got.index(opened[1]) :])
    assert fuzz.partial_ratio(wanted[1], joined) >= 90
