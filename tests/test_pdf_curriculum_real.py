"""A university curriculum printed by Google Docs (LP GENA, tests/data/real):
word gaps narrower than pdfplumber's tolerance, headings in fake small
capitals, units named by a word nobody listed ("UE1 … UE5") and mentioned
again in a summary table and a calendar.

The real reader and segmenter read the real file; what they are compared
against is read from the PDF (pdfplumber) or from the hand-checked reference.
"""

from __future__ import annotations

import json
from typing import Any

import pdfplumber
from fixtures.real_docs import REAL
from pdfplumber.utils import extract_words
from referentiel.api import extract, parse
from referentiel.backends.pdf_words import read_page, split_glued
from referentiel.docmodel import Kind

GENA = REAL / "lp-gena-unites-enseignement.pdf"
FIG = REAL / "titre-fig-ingenieur-referentiel.pdf"


def _gold() -> dict[str, Any]:
    gold = REAL / "gold" / "lp-gena-unites-enseignement.gold.json"
    data: dict[str, Any] = json.loads(gold.read_text())
    return data


def test_narrow_word_gaps_split_words() -> None:
    """pdfplumber glues the first objective of UE1 into one word (its gaps are
    2.3 pt, under the 3-pt tolerance); the reader cuts it where the letters part."""
    with pdfplumber.open(GENA) as pdf:
        words = [w.text for w in read_page(pdf.pages[4]).words]
    with pdfplumber.open(GENA) as pdf:
        raw = extract_words(pdf.pages[4].chars)
    assert [w for w in raw if w["text"].startswith("Serepérer")]  # the library alone glues them
    first = _gold()["blocs"][0]["competences"][0]["libelle"]
    assert " ".join(first.split()[:4]) in " ".join(words)


def test_glued_dash_stays_with_its_word() -> None:
    """A dash glued to an item's first word (FIG's modalités column) is no word gap."""
    with pdfplumber.open(FIG) as pdf:
        raw = list(extract_words(pdf.pages[0].chars, return_chars=True))
    dashed = [w for w in raw if w["text"].startswith("-") and len(w["text"]) > 3]
    assert dashed
    assert all(len(split_glued(w)) == 1 for w in dashed)


def test_small_capitals_heading_is_one_line() -> None:
    """UE headings mix full-size capitals and punctuation with smaller capitals
    on one baseline, over two lines: each heading is one block, whole."""
    document = parse(GENA)
    headings = [
        b.text for b in document.blocks if b.kind is Kind.HEADING and b.text.startswith("UE")
    ]
    expected = [f"{b['code']} : {b['libelle']}" for b in _gold()["blocs"]]
    assert headings == expected


def test_unknown_unit_word_makes_the_blocs() -> None:
    """ "UE" is listed nowhere: its series is a level because its units hold
    abilities in the body, although the summary table and the calendar name
    them more often than the body does."""
    result = extract(GENA)
    assert [(b.code, len(b.competences)) for b in result.blocs] == [
        (b["code"], len(b["competences"])) for b in _gold()["blocs"]
    ]
    assert result.certification.type == "LP"
    assert result.certification.intitule == _gold()["certification"]["intitule"]
