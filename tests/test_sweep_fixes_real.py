"""Failures an unlabelled sweep of published documents found, on real files:
a grid set in bold throughout, a portrait page whose tiny sideways labels
outnumber its upright text, units numbered in a column of bare codes beside
épreuve titles.

Each test reads a real file of tests/data/real with the real reader and
segmenter; what it compares against is the document's hand-checked reference
or the PDF's own characters (pdfplumber).
"""

from __future__ import annotations

import pdfplumber
from fixtures.real_docs import REAL, competence_titles, gold_competence_titles, gold_of
from referentiel.api import extract, parse
from referentiel.docmodel import Kind

S2 = REAL / "but-rt-s2-tableau-croise.pdf"
SIO = REAL / "bts-sio-synthese-realisations.pdf"
TEA = REAL / "bacpro-agricole-tea-reglement-examen.md"


def test_bold_grid_keeps_its_rows() -> None:
    """The S2 cross table is printed bold throughout (its apprentissages
    critiques too): bold marks no heading there, each row is an ability."""
    with pdfplumber.open(S2) as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["fontname"])
    first = next(w for w in words if w["text"] == "Installer")
    assert "Bold" in first["fontname"]  # the trap is in the file
    ref = extract(S2)
    gold = gold_of(S2)
    assert [b.code for b in ref.blocs] == [b["code"] for b in gold["blocs"]]
    assert competence_titles(ref) == gold_competence_titles(gold)


def test_small_sideways_labels_do_not_turn_the_page() -> None:
    """More characters of the SIO form are sideways than upright, but in far
    smaller type: the page is read upright, its column headers as printed."""
    with pdfplumber.open(SIO) as pdf:
        chars = pdf.pages[0].chars
    assert sum(not c["upright"] for c in chars) > sum(c["upright"] for c in chars)
    doc = parse(SIO)
    texts = [
        cell.text.replace("\n", " ")
        for block in doc.blocks
        if block.kind is Kind.TABLE
        for row in block.rows
        for cell in row.cells
    ]
    for bloc in gold_of(SIO)["blocs"]:
        assert bloc["libelle"] in texts


def test_column_of_unit_codes_gives_the_units() -> None:
    """An examination grid whose header names no unit column still numbers
    its units U1-U7 in a column of bare codes: they are the blocs, titled by
    their épreuve (its code and footnote calls dropped)."""
    ref = extract(TEA)
    gold = gold_of(TEA)
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        (b["code"], b["libelle"]) for b in gold["blocs"]
    ]
