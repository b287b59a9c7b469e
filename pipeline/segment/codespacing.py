"""A code glued to its number where its own series prints a space ("OI124"
among "OI 123", "OI 125"): the document's convention is the series', so the
glued code is written as its siblings are ("OI 124")."""

from __future__ import annotations

import re
from collections import Counter

#: a code of capitals then its number, with or without a space ("OI 124", "OI124")
_CODE = re.compile(r"^(?P<letters>[A-ZÀ-Ý]{1,4})(?P<space>\s?)(?P<number>\d[\d.]*)$")


def spaced_like_siblings(codes: list[str | None]) -> list[str | None]:
    """``codes`` with each capitals-then-digits code glued to its number
    written with a space when more codes of the same letters print one."""
    spaced: Counter[str] = Counter()
    glued: Counter[str] = Counter()
    for code in codes:
        match = _CODE.match(code or "")
        if match is not None:
            (spaced if match.group("space") else glued)[match.group("letters")] += 1
    out: list[str | None] = []
    for code in codes:
        match = _CODE.match(code or "")
        letters = match.group("letters") if match is not None else ""
        if match is not None and not match.group("space") and spaced[letters] > glued[letters]:
            code = f"{letters} {match.group('number')}"
        out.append(code)
    return out
