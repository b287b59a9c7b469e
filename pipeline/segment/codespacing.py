"""A code glued to its number where its own series prints a space ("OI124"
among "OI 123", "OI 125"): the document's convention is the series', so the
glued code is written as its siblings are ("OI 124"). Siblings are codes of
the same letters and as many digits: "C41" under "C 111" is another level.
A code glued to its parent's number ("C31") among siblings printed with a
dot ("C1.1", "C2.5") is written with the dot too ("C3.1")."""

from __future__ import annotations

import re
from collections import Counter

#: a code of capitals then its number, with or without a space ("OI 124", "OI124")
_CODE = re.compile(r"^(?P<letters>[A-ZÀ-Ý]{1,4})(?P<space>\s?)(?P<number>\d[\d.]*)$")


def spaced_like_siblings(codes: list[str | None]) -> list[str | None]:
    """``codes`` with each capitals-then-digits code glued to its number
    written with a space when more of its siblings (same letters, as many
    digits) print one."""
    spaced: Counter[tuple[str, int]] = Counter()
    glued: Counter[tuple[str, int]] = Counter()
    for code in codes:
        match = _CODE.match(code or "")
        if match is not None:
            (spaced if match.group("space") else glued)[_siblings(match)] += 1
    out: list[str | None] = []
    for code in codes:
        match = _CODE.match(code or "")
        if match is not None and not match.group("space"):
            key = _siblings(match)
            if spaced[key] > glued[key]:
                code = f"{match.group('letters')} {match.group('number')}"
        out.append(code)
    return out


_GLUED = re.compile(r"^(?P<letters>[A-ZÀ-Ý]{1,4})\s?(?P<parent>\d)(?P<child>[1-9])$")
_DOTTED = re.compile(r"^(?P<letters>[A-ZÀ-Ý]{1,4})\s?\d\.\d$")


def dotted_like_siblings(codes: list[str | None]) -> list[str | None]:
    """``codes`` with each two-digit code glued to its parent's digit ("C31")
    written with a dot when more of its siblings (same letters, a digit, a
    dot, a digit) print one ("C1.1")."""
    dotted: Counter[str] = Counter()
    glued: Counter[str] = Counter()
    for code in codes:
        if (match := _DOTTED.match(code or "")) is not None:
            dotted[match.group("letters")] += 1
        elif (match := _GLUED.match(code or "")) is not None:
            glued[match.group("letters")] += 1
    out: list[str | None] = []
    for code in codes:
        match = _GLUED.match(code or "")
        if match is not None and dotted[match.group("letters")] > glued[match.group("letters")]:
            code = f"{match.group('letters')}{match.group('parent')}.{match.group('child')}"
        out.append(code)
    return out


def _siblings(match: re.Match[str]) -> tuple[str, int]:
    """The letters and the count of digits: codes of one series share both."""
    return match.group("letters"), sum(ch.isdigit() for ch in match.group("number"))
