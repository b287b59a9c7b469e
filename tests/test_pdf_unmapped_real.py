"""Glyphs of a font without a Unicode map, read again from the page (real file).

The cycle 3 sciences document prints its headings in a subset TrueType font
addressed by glyph number (Identity-H) with no ToUnicode map and no cmap:
pdfminer gives ``(cid:N)`` for every glyph.
"""

from __future__ import annotations

from typing import Any

import pdfplumber
import pytest
from fixtures.real_docs import REAL
from referentiel.backends import pdf as pdf_backend
from referentiel.backends.pdf_unmapped import mark_lone_glyphs, reread_unmapped
from referentiel.backends.pdf_visible import visible_chars
from referentiel.backends.pdf_words import read_page
from referentiel.backends.symbol_fonts import BULLET
from referentiel.options import Options

CYCLE3 = REAL / "college-cycle3-sciences-technologie-competences.pdf"


def test_the_headings_are_undecoded_before_the_reread() -> None:
    with pdfplumber.open(CYCLE3) as pdf:
        chars = visible_chars(pdf.pages[0])
    assert sum(c["text"].startswith("(cid:") for c in chars) > 100


def test_headings_read_as_words_with_accents_and_ligatures() -> None:
    with pdfplumber.open(CYCLE3) as pdf:
        pages = [" ".join(w.text for w in read_page(p).words) for p in pdf.pages]
    text = " ".join(pages)
    assert "(cid:" not in text
    assert "Compétences travaillées" in pages[0]
    assert "démarches scientifiques et technologiques" in pages[0]  # é, and the fi ligature
    assert "Concevoir, créer, réaliser" in pages[0]
    assert "Mobiliser des outils numériques" in pages[1]
    assert "dans le temps" in pages[1]  # one misread "Le" is outvoted by the page


def test_every_copy_of_a_glyph_reads_the_same() -> None:
    with pdfplumber.open(CYCLE3) as pdf:
        page = pdf.pages[1]
        chars = visible_chars(page)
        fonts = {id(c): (c["fontname"], c["text"]) for c in chars}
        reread_unmapped(page, chars)
    readings: dict[tuple[str, str], set[str]] = {}
    for char in chars:
        readings.setdefault(fonts[id(char)], set()).add(char["text"])
    undecoded = {k: v for k, v in readings.items() if k[1].startswith("(cid:")}
    assert undecoded
    assert all(len(v) == 1 for v in undecoded.values())
    assert {"P", "g", "M", " "} <= {t for v in undecoded.values() for t in v}


def test_ocr_never_leaves_the_glyphs_undecoded() -> None:
    """ocr=never runs no Tesseract at all: the headings stay as printed, ``(cid:N)``."""
    document = pdf_backend.parse(CYCLE3, Options(ocr="never"))
    text = " ".join(block.text for block in document.walk())
    assert "(cid:" in text
    assert "Concevoir, créer, réaliser" not in text


def _naive_marks(chars: list[dict[str, Any]]) -> list[int]:
    """The definition of a lone glyph read literally (every character against
    every glyph): the indices of the characters it reads as a bullet."""
    marked = [dict(c) for c in chars]
    for char in marked:
        if not char["text"].startswith("(cid:") or not char.get("upright", True):
            continue
        size = float(char["size"]) or 1.0
        line = [
            c
            for c in marked
            if c is not char and abs(c["top"] - char["top"]) < 0.5 * size and c.get("upright", True)
        ]
        if any(
            char["x0"] - size <= c["x1"] <= char["x0"] + 0.1 for c in line if c["x0"] < char["x0"]
        ):
            continue
        after = [c for c in line if c["x0"] >= char["x1"] - 0.1 and c["text"].strip()]
        first = min(after, key=lambda c: c["x0"]) if after else None
        if first and first["x0"] - char["x1"] <= 2.0 * size and first["text"][:1].isupper():
            char["text"] = BULLET
    return [i for i, c in enumerate(marked) if c["text"] == BULLET and chars[i]["text"] != BULLET]


@pytest.mark.parametrize(
    "name",
    [
        "cqp-commerce-alimentaire-employe-vente.pdf",
        "cqp-ameublement-manager-commercial-cuisine.pdf",
    ],
)
def test_lone_glyphs_marked_as_the_definition_reads_them(name: str) -> None:
    """The DP conventions' unmapped bullets: the line-indexed marking gives the
    marks of the literal all-pairs reading, page by page."""
    total = 0
    with pdfplumber.open(REAL / name) as pdf:
        for page in pdf.pages:
            chars = visible_chars(page)
            expected = _naive_marks(chars)
            before = [c["text"] for c in chars]
            mark_lone_glyphs(chars)
            marks = [i for i, c in enumerate(chars) if c["text"] == BULLET and before[i] != BULLET]
            assert marks == expected
            total += len(marks)
    assert total >= 2
