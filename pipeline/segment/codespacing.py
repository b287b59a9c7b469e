"""A code glued to its number where its own series prints a space ("OI124"
among "OI 123", "OI 125"): the document's convention is the series', so the
glued code is written as its siblings are ("OI 124"). Siblings are codes of
the same letters and as many digits: "C41" under "C 111" is another level.
A code glued to its parent's number ("C31") among siblings printed with a
dot ("C1.1", "C2.5") is written with the dot too ("C3.1")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable

#: a code of capitals then its number, with or without a space ("OI 124", "OI124")
_CODE = re.compile(r"^(?P<letters>[A-ZÀ-Ý]{1,4})(?P<space>\s?)(?P<number>\d[\d.]*)$")


def spaced_like_siblings(codes: list[str | None]) -> list[str | None]:
    """``codes`` with each capitals-then-digits code glued to its number
    written with a space when more of its siblings (same letters, as many
    digits) print one."""
    return _like_siblings(codes, _spacing)


_GLUED = re.compile(r"^(?P<letters>[A-ZÀ-Ý]{1,4})\s?(?P<parent>\d)(?P<child>[1-9])$")
_DOTTED = re.compile(r"^(?P<letters>[A-ZÀ-Ý]{1,4})\s?\d\.\d$")


def dotted_like_siblings(codes: list[str | None]) -> list[str | None]:
    """``codes`` with each two-digit code glued to its parent's digit ("C31")
    written with a dot when more of its siblings (same letters, a digit, a
    dot, a digit) print one ("C1.1")."""
    return _like_siblings(codes, _dotting)


#: a code's siblings' key, and its writing as the series' convention has it
#: (None when it keeps the convention); None for a code of no such series
_Reading = tuple[Hashable, str | None] | None


def _like_siblings(codes: list[str | None], read: Callable[[str], _Reading]) -> list[str | None]:
    """``codes`` with each code that breaks its series' convention written
    as the convention has it, when more of its siblings keep it than break it."""
    readings = [read(code or "") for code in codes]
    keeping: Counter[Hashable] = Counter()
    breaking: Counter[Hashable] = Counter()
    for reading in readings:
        if reading is not None:
            (keeping if reading[1] is None else breaking)[reading[0]] += 1
    out: list[str | None] = []
    for code, reading in zip(codes, readings, strict=True):
        if reading is not None and reading[1] is not None:
            key, written = reading
            code = written if keeping[key] > breaking[key] else code
        out.append(code)
    return out


def _spacing(code: str) -> _Reading:
    """A capitals-then-digits code: its siblings, and the code with a space."""
    match = _CODE.match(code)
    if match is None:
        return None
    spaced = f"{match.group('letters')} {match.group('number')}"
    return _siblings(match), None if match.group("space") else spaced


def _dotting(code: str) -> _Reading:
    """A code of a digit, a dot, a digit, or of two glued digits: its letters,
    and the glued code with the dot."""
    if (match := _DOTTED.match(code)) is not None:
        return match.group("letters"), None
    if (match := _GLUED.match(code)) is not None:
        letters = match.group("letters")
        return letters, f"{letters}{match.group('parent')}.{match.group('child')}"
    return None


def _siblings(match: re.Match[str]) -> tuple[str, int]:
    """The letters and the count of digits: codes of one series share both."""
    return match.group("letters"), sum(ch.isdigit() for ch in match.group("number"))
