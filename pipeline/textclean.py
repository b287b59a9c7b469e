"""Clean text for the output contract: no glyphs, no markup, single spaces.

Apostrophes, quotes, ellipses and trailing punctuation are kept as printed;
only layout artefacts go (bullet glyphs, HTML tags, markdown emphasis,
``[bookmark: …]``, tabs and non-breaking spaces, a line-end hyphenation).
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from .hyphens import FRENCH, join_wrapped

#: Bullet glyphs, as printed (a list item's label; never part of its text).
BULLET_GLYPHS = "•◦▪▫‣⁃●○■□➢➤►▶▸✓✔❖❑➔⇨·"
#: Dashes typed as bullets ("- item", "– item"; the minus sign "− item" of some Word
#: and LibreOffice list styles).
DASHES = "-–—‐‒―\u2212"
#: Glyphs that are a bullet only as a word of their own, followed by a space: the
#: chevron "»" of the Ministry's programmes ("» Mesurer des grandeurs …"); glued to a
#: word it is a closing guillemet.
WORD_BULLETS = "»"
#: What a list item typed as text may start with: a bullet glyph, a dash, an asterisk
#: or a chevron, each followed by a space.
TYPED_BULLETS = BULLET_GLYPHS + DASHES + "*" + WORD_BULLETS
#: A dash typed glued to an item's first word ("-Identifier …", "-savoir …"): a bullet
#: too (a word never starts with a dash; a negative number is no letter).
GLUED_DASH = re.compile(rf"^([{re.escape(DASHES)}])(?=[^\W\d_])")
#: Private-use code points (Symbol / Wingdings fonts) that Word and PDFs use for
#: bullets → the glyph they print.
PRIVATE_USE_BULLETS = {
    "\uf0b7": "•",
    "\uf0a7": "▪",
    "\uf0a8": "□",
    "\uf06e": "■",
    "\uf0d8": "➢",
    "\uf0fc": "✓",
    "\uf076": "❖",
    "\uf071": "❑",
    "\uf0e8": "➔",
    "\uf0f0": "⇨",
    "\uf06f": "o",
    "\uf02d": "-",
}

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_EMPHASIS = re.compile(r"\*\*|__")
_GLYPH = re.compile(rf"^(?:[{re.escape(TYPED_BULLETS)}]\s+)+")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2007]+")
#: characters of no width (zero-width space and joiners, word joiner, BOM): dropped, so
#: that "Bl\u200boc" or "C1\u200d.1" read as the word and code they print
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
#: a line break after a hyphen, inside one text (rejoined by :mod:`.hyphens`)
_HYPHENATED = re.compile(r"(\w+-)[^\S\n]*\n\s*(\w+)")
_LEADIN = re.compile(r"\s*[:;,]\s*$")
#: a final stop set apart from its word (a tab or space before it: "circuits<TAB>.")
_LOOSE_STOP = re.compile(r"(?<=\w)\s+\.$")
#: a whole line in italics, its marks kept by the reader ("_1. Piloter …_", "*Note*")
_ITALIC = re.compile(r"^(?P<mark>[_*])(?P<inner>[^\s_*](?:[^_*]*[^\s_*])?)(?P=mark)$")


class _Marks(dict[int, int | None]):
    """A ``str.translate`` table deleting combining marks, filled as characters are met."""

    def __missing__(self, char: int) -> int | None:
        value = None if unicodedata.combining(chr(char)) else char
        self[char] = value
        return value


_MARKS = _Marks()


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower case without accents, single spaces: text as cues compare it. Cached:
    the segmenter folds the same texts many times."""
    spaced = " ".join(text.split()).casefold()
    if spaced.isascii():
        return spaced
    return unicodedata.normalize("NFD", spaced).translate(_MARKS)


def spelled(text: str) -> str:
    """``text``'s letters and digits, folded: what every printing of a name or
    code agrees on ("Observer-Analyser -Évaluer" = "Observer - Analyser - Évaluer")."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


@lru_cache(maxsize=8192)
def clean(text: str | None) -> str:
    """One clean line of text (empty string for None). Cached: the segmenter asks
    for the same texts many times."""
    if not text:
        return ""
    text = _ZERO_WIDTH.sub("", unicodedata.normalize("NFC", text))
    if "\n" in text:
        text = _HYPHENATED.sub(_rejoined, text)
    text = _BOOKMARK.sub("", text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    text = _EMPHASIS.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    return _GLYPH.sub("", text).strip()


def _rejoined(match: re.Match[str]) -> str:
    """A word a hyphen and a line break cut, whole again (a compound or a code keeps its
    hyphen: :func:`~referentiel.hyphens.join_wrapped`, the French lexicon's words known)."""
    return join_wrapped(match.group(1), match.group(2), FRENCH)


def italic(text: str) -> str | None:
    """The text of a line set wholly in italics (the reader keeps an italic
    run's marks: ``_1. Piloter …_``), None for any other line."""
    found = _ITALIC.match(text)
    return found.group("inner") if found is not None else None


def label_text(text: str) -> str:
    """A libellé used as a title: clean, without a trailing colon or semicolon,
    its final stop against its last word."""
    return _LOOSE_STOP.sub(".", _LEADIN.sub("", clean(text)).strip())


@lru_cache(maxsize=8192)
def is_upper(text: str) -> bool:
    """Whether the letters of ``text`` are all capitals (a heading printed in caps)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


#: a line opening with a code, letters glued to a number and a separator ("a1.2: …",
#: "b3 – …"): a new item, not a wrapped line's end, whatever the case of its letters
_CODE_START = re.compile(r"^[^\W\d_]{1,3}\d{1,2}(?:\.\d{1,2})*\s*[:)–—-]\s")


def starts_code(text: str) -> bool:
    """Whether ``text`` opens with a code (letters glued to a number, then a
    separator): a new coded item even when its letters are small ("a1.2: …")."""
    return bool(_CODE_START.match(text.strip()))


def starts_lower(text: str) -> bool:
    """Whether ``text`` starts with a lower-case letter (a continuation), not
    with a code whose letters are small ("a1.2: …" opens an item)."""
    first = next((c for c in text if c.isalnum()), "")
    return first.isalpha() and first.islower() and not starts_code(text)


_ASIDE = re.compile(r"^\([^()]*\)$")


def is_aside(text: str) -> bool:
    """Whether ``text`` is wholly in one pair of parentheses: a qualifier of a
    heading ("Domaine de compétences 5 (transversal)", its title on the next
    line) or an aside set on a line of its own ("(commune aux options …)"),
    never a wrapped line's end."""
    return bool(_ASIDE.match(text.strip()))


def ends_lead_in(text: str) -> bool:
    """Whether ``text`` ends with a colon, as a lead-in introducing what follows does."""
    return text.rstrip().endswith(":")


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends like a finished sentence, a list item or a lead-in
    (``. : ; ! ? …``): the one test the readers and the segmenter share."""
    return text.rstrip().endswith((".", ":", "!", "?", ";", "…"))


#: a sentence ends on a full stop (after a closing bracket or quote too) before
#: a capital letter (after an opening quote too)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[)\]»\"”]?\s+(?=[«\"“]?[A-ZÀ-Ý])")


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, split where one ends before a capital letter."""
    return _SENTENCE_BREAK.split(text)


def is_mark(text: str) -> bool:
    """A cell's mark or score, no statement: fewer than two letters ("X", "0",
    "- / -")."""
    return sum(c.isalpha() for c in text) < 2


_POINTS = re.compile(r"^\d{1,3}(?:[.,]\d{1,2})?\s*(?:points?|pts?\.?)$", re.IGNORECASE)


def is_points(text: str) -> bool:
    """The points a row of a grid is worth ("2 points", "1 pt"): a score, no statement."""
    return _POINTS.match(text.strip()) is not None


def is_prose(text: str) -> bool:
    """Whether ``text`` is running prose: two sentences or more, finished."""
    return ends_sentence(text) and _SENTENCE_BREAK.search(text) is not None


def capitalise(text: str) -> str:
    """``text`` with its first letter in capitals (a clause made a sentence)."""
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :]
    return text


# a word of letters: its first two, then the rest (three letters or more)
_TWO_HEAD = re.compile(r"\b(?P<head>[^\W\d_]{2})(?P<tail>[^\W\d_]{3,})\b")


def case_slips_folded(text: str) -> str:
    """``text`` with each word that opens on a capital and an accented capital,
    then goes on in lower case (three letters or more), written with one
    initial capital: a converter's slip on an accented letter ("NÉgociation" →
    "Négociation"). A plain second capital spells an acronym on purpose
    ("Espaces NAturels" for GENA) and stays, as do acronyms ("BTS"), their
    plurals ("PMEs") and words with a capital further on ("ÉtrangÈre")."""

    def fixed(match: re.Match[str]) -> str:
        head, tail = match["head"], match["tail"]
        if head.isupper() and not head[1].isascii() and tail.islower():
            return head[0] + head[1].lower() + tail
        return match[0]

    return _TWO_HEAD.sub(fixed, text)
