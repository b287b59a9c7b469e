"""The rule an outline level becomes: every mention of its units, as printed.

The outline's levels are rules of the document (``outline.bloc``,
``outline.competence``), built from the level's series (:mod:`.outline_series`)
rather than loaded from YAML: its level word in every spelling the document
prints (whatever the accents and spacing), or its own numerals (digits,
roman, capital letters), at its depth.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from ..rules import Rule
from .outline_series import CODE_LETTERS, Series


def level_rule(
    rule_id: str, series: Series, any_depth: bool = False, qualifier: str | None = None
) -> Rule:
    """A rule matching every mention of the series' units: ``code`` is the
    level word and number as printed (without "FICHE"; only "C1" of
    "CAPACITÉ C1", a code with its own prefix), ``number`` the number,
    ``libelle`` the title on the same line (may be empty). ``any_depth``: the
    units numbered one level deeper with the same word belong to it too
    ("OI 1.1" and "OI 1.1.1" objectives). ``qualifier``: words every heading
    prints after its number (:mod:`.owner`), read as no title."""
    deeper = r"(?:\s?\.\s?\d{1,2})*" if any_depth else ""
    number = r"\d{1,3}" + r"(?:\s?\.\s?|\s)\d{1,2}" * (series.depth - 1) + deeper  # "C1.2", "C1 2"
    if series.glued:  # "C1" then "C11", "C12": one digit per level ("C111" any deeper)
        # a glued series may also be printed dotted ("C 11" and "C1.1": :mod:`.outline_series`)
        number = r"\d" + r"\.?\d" * (series.depth - 1) + (r"\.?\d?" if any_depth else "")
    if series.lettered and series.word:  # "Capacité A", "Technique α": the word, a letter
        lettered = _any_spelling(series.spellings)
        return _outline_rule(
            rule_id,
            "outline lettering after a level word",
            rf"^(?P<code>(?:{lettered})\s+(?P<number>(?-i:[A-Z])|[α-ω]))"
            r"(?:(?:\s*[-–—:)]\s*|\.\s+)(?P<libelle>.*)|\.)?$",
        )
    if series.lettered:
        return _outline_rule(
            rule_id,
            "outline numbering in capital letters",
            r"^(?P<code>(?P<number>(?-i:[A-Z])))\s*[.)](?:\s*[-–—])?\s+(?P<libelle>[^\W\d_].*)$",
        )
    if series.roman:
        return _outline_rule(
            rule_id,
            "outline numbering in roman numerals",
            r"^(?P<code>(?P<number>(?-i:[IVX]{1,5})))(?:\s*[.)])?(?:\s*[-–—])?\s+"
            r"(?P<libelle>[^\W\d_].*)$",
        )
    if series.ordinal:
        ordinal = _any_spelling(series.spellings)
        return _outline_rule(
            rule_id,
            "outline numbering by ordinals before a word",
            rf"^(?P<code>(?P<number>\d{{1,2}})(?:re|ère|er|e|ème|eme)\s+(?:{ordinal}))"
            r"(?:\s*[-–—:]\s*|\s+|$)(?P<libelle>.*)$",
        )
    if not series.word:
        return _outline_rule(
            rule_id,
            "outline numbering",
            rf"^(?P<code>(?P<number>{number}))(?:\.\s+|\s*[)–—-]\s+|\s+)(?P<libelle>[^\W\d_].*)$",
        )
    labels, spellings = set(), set()
    for spelling in series.spellings:
        words = re.split(r"[ '’-]", spelling)
        if len(words) > 1 and len(words[-1]) <= CODE_LETTERS:
            # "CAPACITÉ C1", "COMPÉTENCE C11": the word names the level, the code is "C1"
            labels.add(r"[\s'’-]+".join(_letters(w) for w in words[:-1]) + r"\s+")
            words = words[-1:]
        else:
            labels.add("")
        spellings.add(r"[\s'’-]+".join(_letters(w) for w in words))
    label = "(?:" + "|".join(sorted(labels)) + ")"
    word = "(?:" + "|".join(sorted(spellings, key=len, reverse=True)) + ")"
    section = r"(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?" if series.sectioned else ""
    pattern = (
        rf"^{section}(?:fiches?\s+)?{label}(?P<code>{word}(?:\.(?=\d))?\s*(?:n\s*[°ºo]\.?\s*)?"
        rf"(?P<number>{number}"
        # "UC 7A : …", and "UC 8A Etre …" (a capital glued to the number, no separator)
        r"(?:\s?(?-i:[A-Z]{1,2})(?=\s*[-–—:.)])|(?-i:[A-Z])(?=\s))?))"
        r"(?![\d]|\s?\.\s?\d|\s\d{1,2}(?:\s|$)|-\d)"  # not a deeper code: "C1.2", "C1 2 …", "C1-2"
        + (rf"(?:\s+{_spaced(qualifier)}\s*$)?" if qualifier else "")
        + r"\.?(?:\s*[-–—:.)]\s*|\s+|(?=[^\W\d_])|$)(?P<libelle>.*)$"
    )
    return _outline_rule(rule_id, series.word, pattern)


def _spaced(text: str) -> str:
    """A regex for ``text`` whatever the spacing between its words."""
    return r"\s+".join(re.escape(word) for word in text.split())


def _outline_rule(rule_id: str, description: str, pattern: str) -> Rule:
    """An outline rule of the series' own numbering (built, not loaded from YAML)."""
    return Rule.model_validate(
        {"id": rule_id, "label": "outline", "description": description, "pattern": pattern}
    )


_ACCENTED = defaultdict(
    str,
    {"a": "aàâä", "c": "cç", "e": "eéèêë", "i": "iîï", "o": "oôö", "u": "uùûü", "y": "yÿ"},
)


def _any_spelling(spellings: Iterable[str]) -> str:
    """A regex alternation of the series' word spellings, longest first."""
    return "|".join(sorted(map(_letters, spellings), key=len, reverse=True))


def _letters(word: str) -> str:
    """A regex for ``word`` whatever its accents."""
    return "".join(f"[{_ACCENTED[c]}]" if _ACCENTED[c] else re.escape(c) for c in word)
