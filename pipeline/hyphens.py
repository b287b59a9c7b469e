"""Join a wrapped line to the next, undoing a word cut by a line-end hyphen.

One answer to one question, for every reader and for the segmenter: does a line
end with a word cut by a hyphen, and how does it go on with the next line? (The
PDF paragraphs and cells, the OCR layout and text reflow, a line break inside a
cleaned text, a table cell's units and a wrapped title or item in the segmenter.)

* a soft hyphen (U+00AD) at the end always cut a word: the halves are glued;
* a hyphen after a letter, the next line starting in lower case, cut a word
  when the words known (a lexicon, a document's own vocabulary) hold the whole
  word and not the compound: "compé-" + "tences" → "compétences";
* any other hyphen between a letter or digit and a next line starting with one
  stays and the lines are glued: a compound broken at its own hyphen ("porte-"
  + "parole", "c'est-à-" + "dire", "Rhône-" + "Alpes") or a code ("C-" + "1");
* else (a dash standing apart, "vente -", or no hyphen) the lines are joined by
  a space.

With no words known, a plain hyphen always stays: no compound is ever glued
wrongly. :class:`Known` is what readers and the segmenter know: a document's
own words, then the French lexicon's words (:func:`referentiel.ocrfix.words`:
the lexicon's answer to ``word in`` without its lemma table, loaded only when a
hyphen asks).
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable

SOFT_HYPHEN = "\u00ad"
#: a plain hyphen and the Unicode hyphen (U+2010)
HYPHENS = "-\u2010"

_HEAD = re.compile(r"([^\W\d_]+)[-\u2010\u00ad]$")
_TAIL = re.compile(r"[^\W\d_]+")


def join_wrapped(left: str, right: str, known: Container[str] = frozenset()) -> str:
    """``left`` and the line ``right`` it goes on with, as one text (see the module)."""
    kept, separator = wrap_end(left, right, known)
    return f"{kept}{separator}{right}"


def join_all(lines: Iterable[str], known: Container[str] = frozenset()) -> str:
    """Lines read one after the other as one text, each joined to the text
    before it by :func:`join_wrapped`."""
    text = ""
    for line in lines:
        text = join_wrapped(text, line, known)
    return text


def ends_with_hyphen(text: str) -> bool:
    """Whether ``text`` ends with a hyphen right after a letter or a digit: a
    word or a code the line's end may have cut (:func:`wrap_end` decides)."""
    return text[-1:] in (*HYPHENS, SOFT_HYPHEN) and text[-2:-1].isalnum()


def wrap_end(left: str, right: str, known: Container[str] = frozenset()) -> tuple[str, str]:
    """``left`` as it goes on with ``right`` (its hyphen dropped when it cut a
    word) and what stands between them: nothing or a space."""
    if not ends_with_hyphen(left):
        return left, " " if left else ""
    head = _HEAD.search(left)
    if left[-1] == SOFT_HYPHEN:
        return left[:-1], "" if head else " "
    tail = _TAIL.match(right)
    if head and tail and right[:1].islower() and is_cut(head.group(1), tail.group(0), known):
        return left[:-1], ""
    return left, "" if right[:1].isalnum() else " "


def is_cut(head: str, tail: str, known: Container[str]) -> bool:
    """Whether ``head``-``tail`` is one word cut by a hyphen: ``known`` holds
    the whole word and not the compound."""
    whole, compound = f"{head}{tail}".lower(), f"{head}-{tail}".lower()
    return whole in known and compound not in known


class Known:
    """Words known: ``vocabulary`` (a document's own words, lower case), then
    the French lexicon's words, loaded at the first word the vocabulary lacks."""

    def __init__(self, vocabulary: Container[str] = frozenset()) -> None:
        self._vocabulary = vocabulary

    def __contains__(self, word: object) -> bool:
        if word in self._vocabulary:
            return True
        from .ocrfix import words  # spaCy's tables: only when a hyphen asks

        return word in words()


#: the French lexicon alone (no document's vocabulary)
FRENCH = Known()
