"""Codes of a numbering series repaired after OCR, on a real screenshot PDF.

tests/data/real/but-geii-ese-competences.pdf (real Tesseract): its apprentissages
critiques ``AC11.01`` … are printed 5-6 pixels high; Tesseract reads some with
a space inside (``AC 11.02``), a 3 as a 9 (``AC11.09``, ``AC31.09``), and the
line of ``AC23.03`` on the line of ``AC23.02`` (its bullet lost). The series
each code belongs to shows what was printed (``backends.ocr_codes``).
"""

from __future__ import annotations

import re

import pytest
from fixtures.paths import REAL
from referentiel.api import parse
from referentiel.backends.ocr_codes import repair_codes
from referentiel.docmodel import Block, Kind

CODE = re.compile(r"AC\s?\d\d\.\d\d")


@pytest.fixture(scope="module")
def openings() -> list[str]:
    """The AC code each block of the document opens on, in reading order."""
    document = parse(REAL / "but-geii-ese-competences.pdf")
    texts = [b.text for top in document.blocks for b in top.walk() if b.kind is not Kind.TABLE]
    return [found[0] for found in (CODE.match(t.lstrip("- ")) for t in texts) if found]


def test_a_code_read_with_a_space_its_series_never_prints_is_glued(openings: list[str]) -> None:
    assert not [code for code in openings if " " in code], openings


def test_a_look_alike_digit_breaking_the_series_is_the_rank_it_expects(
    openings: list[str],
) -> None:
    assert {"AC11.03", "AC31.03", "AC23.03"} <= set(openings), openings
    assert not {"AC11.09", "AC31.09", "AC23.09"} & set(openings), openings


def test_a_rank_printed_twice_stays_as_printed(openings: list[str]) -> None:
    # the Maintenir page prints AC33.03 twice (the 4th should be AC33.04): no
    # look-alike digit leads from 03 to 04, the source's code is kept
    assert openings.count("AC33.03") == 2, openings


def test_an_item_reading_on_with_the_next_code_of_its_series_is_two(
    openings: list[str],
) -> None:
    assert openings.index("AC23.03") == openings.index("AC23.02") + 1, openings


def test_a_code_of_another_series_or_another_separator_leaves_the_item_whole() -> None:
    # the same text as the document's, codes of another level or after another
    # separator than the opening code's: a cross-reference, one item
    items = [
        Block(Kind.LIST_ITEM, "AC23.02 | Exécuter une opération, voir AC33.03 | plus loin"),
        Block(Kind.LIST_ITEM, "AC23.02 | Exécuter une opération (voir AC23.03) ensuite"),
    ]
    assert [b.text for b in repair_codes(items)] == [b.text for b in items]
