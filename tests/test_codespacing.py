"""Codes written as their siblings are (:mod:`referentiel.segment.codespacing`)."""

from __future__ import annotations

from referentiel.segment.codespacing import dotted_like_siblings


def test_a_glued_code_among_dotted_siblings_takes_the_dot() -> None:
    codes = ["C1.1", "C1.2", "C2.1", "C31", "C32", None]
    assert dotted_like_siblings(codes) == ["C1.1", "C1.2", "C2.1", "C3.1", "C3.2", None]


def test_glued_codes_among_fewer_dotted_ones_stay_glued() -> None:
    codes = ["C11", "C12", "C21", "C2.2"]
    assert dotted_like_siblings(codes) == codes


def test_a_code_of_other_letters_or_ending_in_zero_is_left() -> None:
    codes = ["C1.1", "C1.2", "CP31", "C30"]
    assert dotted_like_siblings(codes) == codes
