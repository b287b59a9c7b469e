"""Items of a numbering series glued into one unit (stage ``units``).

At a page break a text extractor may glue a line to the one before it: the
next compétence of a series printed right after the last sentence of the
previous one ("… de l'application.C11. Monitorer …"). A unit that opens with a
code (capital letters and a number, "C10.") and holds, after a sentence end,
the next code of the same series with the same separator ("C11.") is two
units, the second read from where its code starts. The evidence is the series
alone: the next number, the same letters, the same separator.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .draft import Unit

#: a unit opening with a code: capital letters, a number, its separator, a space
_OPENING = re.compile(r"^(?P<letters>[A-Z]{1,3})\s?(?P<number>\d{1,3})(?P<sep>\.|\s?[:\-–])\s")


def split_glued(units: list[Unit]) -> list[Unit]:
    """``units`` with each glued next item of a numbering series apart."""
    out: list[Unit] = []
    for unit in units:
        out.extend(_apart(unit))
    return out


def _apart(unit: Unit) -> list[Unit]:
    """The unit, cut before the next code of its series glued after a sentence."""
    opening = _OPENING.match(unit.text) if unit.table is None else None
    if opening is None:
        return [unit]
    code = f"{opening['letters']}{int(opening['number']) + 1}"
    glued = re.search(
        rf"(?<=[.;!?])\s*(?={re.escape(code)}{re.escape(opening['sep'])}\s)",
        unit.text[opening.end() :],
    )
    if glued is None:
        return [unit]
    cut = opening.end() + glued.start()
    rest = unit.text[opening.end() + glued.end() :]
    return [replace(unit, text=unit.text[:cut].rstrip()), *_apart(replace(unit, text=rest))]
