"""Activités numbered by a lettered series ("F.1. Exploration" … "F.6. …").

A référentiel des activités may number its units with a letter and a number
that no rule names (a BTS's fonctions "F.1." to "F.6." in the column of a
table mapping them to the capacités). When every uncoded activité starts with
such a code, the letters the same and the numbers following each other, the
numbering is theirs: each activité keeps the code as printed (without its
final dot) and the title after it. The series is the evidence, not the letter.
A table row that holds one of them beside a compétence links the two, as a
coded activité's row does when the table is read.
"""

from __future__ import annotations

import re

from .draft import Context, DActivite, DCompetence
from .numbering import consecutive

LETTERED = re.compile(
    r"^(?P<code>(?P<letters>[A-Z]{1,2})\s?\.?\s?(?P<number>\d{1,2}))\.?\s*[):\-–—]?\s+"
    r"(?P<libelle>[^\W\d_].*)$"
)
SERIES = 3  # activités a numbering needs to be theirs


def activity_codes(ctx: Context) -> None:
    """Give the uncoded activités the codes of the lettered series they start with."""
    uncoded = [a for a in ctx.draft.activites if a.code is None]
    hits = [LETTERED.match(a.libelle) for a in uncoded]
    if len(uncoded) < SERIES or not all(hits):
        return
    found = [h for h in hits if h is not None]
    numbers = [int(h["number"]) for h in found]
    if len({h["letters"] for h in found}) != 1 or not consecutive(numbers):
        return
    for activite, hit in zip(uncoded, found, strict=True):
        activite.code, activite.libelle = hit["code"], hit["libelle"]
    _link_rows(ctx, {id(a) for a in uncoded})


def _link_rows(ctx: Context, recoded: set[int]) -> None:
    """Link each compétence a table row made to the one recoded activité of its row."""
    for unit in ctx.units:
        for row in unit.table.body if unit.table is not None else []:
            made = [ctx.cells.get(id(cell)) for cell in row.cells]
            activites = [m for m in made if isinstance(m, DActivite) and id(m) in recoded]
            if len(activites) != 1 or activites[0].code is None:
                continue
            for comp in (m for m in made if isinstance(m, DCompetence)):
                if activites[0].code not in comp.activites:
                    comp.activites.append(activites[0].code)
