"""The one pattern of a printed page number line, as furniture (digits folded)
and pagemarks (digits, the number captured) both read it."""

from __future__ import annotations

import re

import pytest
from referentiel.backends.page_numbers import page_number_line

DIGITS = page_number_line(r"(\d{1,4})")
FOLDED = page_number_line("#+")


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("12", 12),
        ("- 12 -", 12),
        ("(12)", 12),
        ("p. 12", 12),
        ("Page 12", 12),
        ("P a g e | 12", 12),
        ("Page : 3 sur 40", 3),
        ("3 / 40", 3),
        ("page 3 of 40", 3),
        ("  Page 7  ", 7),
    ],
)
def test_a_page_number_alone_is_read_with_its_number(line: str, number: int) -> None:
    found = DIGITS.match(line)
    assert found is not None and int(found.group(1)) == number
    assert FOLDED.match(re.sub(r"\d+", "#", line.lower())) is not None


@pytest.mark.parametrize(
    "line", ["Bloc 1", "Pôle 2 – Vente", "Page de garde", "12345", "1. Introduction", "Page 3 Bloc"]
)
def test_a_line_saying_more_is_no_page_number(line: str) -> None:
    assert DIGITS.match(line) is None
