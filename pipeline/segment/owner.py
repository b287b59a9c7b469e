"""Words every heading of a level repeats after its unit's number.

A health diploma prints its units as "UNITÉ DE COMPÉTENCE 1 DU DPPH",
"UNITÉ DE COMPÉTENCE 2 DU DPPH", the title on the next line: the words after
the number are the same in every heading, so they name what the units belong
to (the certification), not each unit — a title differs from unit to unit.
"""

from __future__ import annotations

_OWNER_WORDS = 4  # a qualifier is a few words ("du DPPH"), not a sentence


def shared_qualifier(titles: list[str]) -> str | None:
    """The text after the number that two or more headings of one level all
    print, identically, when it is short: a qualifier of every unit, not a
    title; None when the headings' titles differ (or there are fewer than two)."""
    texts = {" ".join(title.split()) for title in titles}
    if len(titles) < 2 or len(texts) != 1:
        return None
    text = texts.pop()
    return text if text and len(text.split()) <= _OWNER_WORDS else None
