"""Numbered lines: the level word, number and title a line starts with.

"Compétence 1 : …", "FICHE ACTIVITÉ TYPE N° 2", "CP1.1 …", and the numberings
with no level word: "1. …", "2) …", "II. - …" (roman), "B. - …" (lettered).
Read by :mod:`.outline_series`, which groups the numbered lines into series.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..textclean import fold, italic

#: a level word (1–4 words; "OI.1.9": a dot may join a word in capitals to the number),
#: an optional "N°",
#: a number (1, 1.2), then the title —
#: after a separator, a space, glued to the number ("COMPETENCE 1Réaliser") or absent
_NUMBERED = re.compile(
    r"^(?:fiches?\s+)?(?P<word>[^\W\d_]+(?:[ '’-][^\W\d_]+){0,3}?)(?:\s*|(?<=(?-i:[A-Z]))\.(?=\d))"
    r"(?:n\s*[°ºo]\.?\s*)?"
    r"(?P<number>\d{1,3}(?:\s?\.\s?\d{1,2})*)(?![\d]|\s?\.\s?\d)\.?"
    r"(?:\s*[-–—:.)]\s*|\s+|(?=[^\W\d_])|$)(?P<title>.*)$",
    re.IGNORECASE,
)
#: outline numbering with no level word: "1. <title>", "2) <title>", "1.2 – <title>"
_BARE_NUMBERED = re.compile(
    r"^(?P<number>\d{1,2}(?:\.\d{1,2})*)(?:\.\s+|\s*[)–—-]\s+|\s+(?=\d*[^\W\d_]))"
    r"(?P<title>[^\W\d_].*)$"
)
#: outline numbering in roman numerals: "I. - <title>", "II – <title>", "IV) <title>"
_ROMAN_NUMBERED = re.compile(
    r"^(?P<number>[IVX]{1,5})(?:\s*[.)])?(?:\s*[-–—])?\s+(?P<title>[^\W\d_].*)$"
)
#: outline numbering in capital letters: "A. - <title>", "B) <title>"
_LETTER_NUMBERED = re.compile(
    r"^(?P<number>(?-i:[A-Z]))\s*[.)](?:\s*[-–—])?\s+(?P<title>[^\W\d_].*)$"
)
#: a level word and a capital or small Greek letter alone, or before a separator and the
#: title: "Capacité A", "Capacité B - S'informer", "Technique α" (units lettered in order);
#: a period only before a space ("B.U.T." is an abbreviation, no letter)
_WORD_LETTERED = re.compile(
    r"^(?P<word>[^\W\d_]{3,}(?:[ '’-][^\W\d_]+)?)\s+(?P<letter>(?-i:[A-Z])|[α-ω])"
    r"(?:\s*[-–—:)]\s*(?P<title>.*)|\.(?:\s+(?P<dotted>.*))?)?$",
    re.IGNORECASE,
)
#: a French ordinal before the level word: "1re Partie : <title>", "2e partie", "3ème Partie"
_ORDINAL_NUMBERED = re.compile(
    r"^(?P<number>\d{1,2})(?:re|ère|er|e|ème|eme)\s+(?P<word>[^\W\d_]{3,})"
    r"(?:\s*[-–—:]\s*|\s+|$)(?P<title>.*)$",
    re.IGNORECASE,
)
#: what follows a worded number when the line is only a code with spaced levels ("C1 2")
_SPACED_LEVEL = re.compile(r"^\d{1,2}$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_ROMAN_SYMBOLS = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


@dataclass(frozen=True)
class Numbered:
    """A line that starts with a level word and a number."""

    word: str  # canonical: lower case, no accents ("competence professionnelle")
    number: tuple[int, ...]
    title: str
    roman: bool = False  # numbered in roman numerals ("II. - …"), never with a word
    lettered: bool = False  # numbered in capital letters ("B. - …"), never with a word
    ordinal: bool = False  # the number an ordinal before the word ("1re Partie")


def numbered(text: str) -> Numbered | None:
    """The level word, number and title a line starts with, if any (a line
    wholly in italics is read without its marks)."""
    text = italic(text.strip()) or text.strip()
    found = _NUMBERED.match(text)
    word = fold(found.group("word")) if found is not None else ""
    if found is None and (ordinal := _ordinal_numbered(text)) is not None:
        return ordinal
    if found is None:
        found = _BARE_NUMBERED.match(text)
    if found is None:
        return _roman_numbered(text) or _lettered(text) or _word_lettered(text)
    number = tuple(int(n) for n in re.split(r"\s?\.\s?", found.group("number")))
    title = found.group("title").strip()
    if word and _SPACED_LEVEL.match(title):  # a code alone, its levels spaced: "C1 2" is C1.2
        return Numbered(word, (*number, int(title)), "")
    return Numbered(word, number, title)


def _ordinal_numbered(text: str) -> Numbered | None:
    """A line numbered by an ordinal before its word: "1re Partie : <title>"."""
    found = _ORDINAL_NUMBERED.match(text)
    if found is None:
        return None
    word, title = fold(found.group("word")), found.group("title").strip()
    return Numbered(word, (int(found.group("number")),), title, ordinal=True)


def _roman_numbered(text: str) -> Numbered | None:
    """A line numbered in roman capitals ("III. - Les véhicules"), if the
    numeral is well formed."""
    found = _ROMAN_NUMBERED.match(text)
    if found is None:
        return None
    value = roman_value(found.group("number"))
    if value is None:
        return None
    return Numbered("", (value,), found.group("title").strip(), roman=True)


def _lettered(text: str) -> Numbered | None:
    """A line numbered by a capital letter ("C. - Conduire …"), its rank in
    the alphabet its number."""
    found = _LETTER_NUMBERED.match(text)
    if found is None:
        return None
    number = (ord(found.group("number")) - ord("A") + 1,)
    return Numbered("", number, found.group("title").strip(), lettered=True)


def _word_lettered(text: str) -> Numbered | None:
    """A line numbering a unit by a level word and a letter ("Capacité B",
    "Technique α"), the letter's rank in its alphabet its number."""
    found = _WORD_LETTERED.match(text)
    if found is None:
        return None
    letter = found.group("letter")
    first = "α" if "α" <= letter <= "ω" else "A"
    number = (ord(letter) - ord(first) + 1,)
    title = (found.group("title") or found.group("dotted") or "").strip()
    return Numbered(fold(found.group("word")), number, title, lettered=True)


def consecutive(numbers: list[int]) -> bool:
    """Whether ``numbers`` follow each other in order (5, 6, 7), as the numbers
    of one level's units do; False when there are none."""
    return bool(numbers) and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def roman_value(numeral: str) -> int | None:
    """The value of a roman numeral up to 39, None when it is not written the
    canonical way ("IIII", "VX")."""
    total = 0
    for letter, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = _ROMAN_VALUES[letter]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    rest, canonical = total, ""
    for value, symbols in _ROMAN_SYMBOLS:
        while rest >= value:
            canonical, rest = canonical + symbols, rest - value
    return total if canonical == numeral else None
