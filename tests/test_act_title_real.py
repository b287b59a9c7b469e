"""A CQP named on the heading above its accord's act heading (real file).

The Dictionnaire Permanent Conventions Collectives prints the industries
alimentaires' older CQP under their accords: the CQP's name on one heading,
then the act heading « Accord no 51 du 10 juin 1999 », printed larger. The act
heading names a legal text, never the certification; the heading above it
does, without the classification level printed after the name ("(niveau
2)"); the act, a branch's accord, creates a CQP (the family the title leaves
unnamed).

Each test reads the real file with the real reader and segmenter; what it
compares against is read from the document's own blocks or from its reference.
"""

from __future__ import annotations

from fixtures.paths import REAL
from fixtures.real_docs import extracted_json, gold_of
from referentiel.api import parse
from referentiel.docmodel import Kind
from referentiel.evaluate import similarity
from referentiel.rules import load_rules

OUVRIER = REAL / "cqp-industries-alimentaires-ouvrier-production.pdf"


def _act_heading() -> tuple[str, str]:
    """The act heading the reader gives and the heading right above it."""
    rules = load_rules()
    headings = [b.text for b in parse(OUVRIER).blocks if b.kind is Kind.HEADING]
    index = next(i for i, text in enumerate(headings) if rules.first("document-part", text))
    return headings[index], headings[index - 1]


def test_the_act_heading_is_a_document_part_below_a_name() -> None:
    act, above = _act_heading()
    assert act.startswith("Accord")
    assert not load_rules().first("document-part", above)


def test_the_act_heading_is_not_the_intitule() -> None:
    act, _ = _act_heading()
    assert extracted_json(OUVRIER.name)["certification"]["intitule"] != act


def test_the_heading_above_the_act_names_the_certification() -> None:
    intitule = extracted_json(OUVRIER.name)["certification"]["intitule"]
    gold = gold_of(OUVRIER)["certification"]["intitule"]
    assert intitule is not None
    assert similarity(intitule, gold) >= 0.95


def test_the_level_after_the_name_is_no_part_of_the_intitule() -> None:
    _, above = _act_heading()
    intitule = extracted_json(OUVRIER.name)["certification"]["intitule"]
    assert above.startswith(intitule) and "niveau" in above[len(intitule) :]
    assert "niveau" not in intitule


def test_the_act_gives_the_family_the_title_does_not_name() -> None:
    act, above = _act_heading()
    assert "CQP" not in above and "CQP" not in act
    assert (
        extracted_json(OUVRIER.name)["certification"]["type"]
        == gold_of(OUVRIER)["certification"]["type"]
    )
