"""A column of code references: units of another part named by their code only.

A training table may name, beside each of its units, the units of the
référentiel de compétences it serves by their codes alone ("COMPÉTENCES
VISÉES": 'DC1/ DC3', 'DC2', 'si DC1 validé'). The header names compétences,
but the cells hold none: every line is codes of one series with at most a
couple of words around them, and, as the cross-references of the stream
(:mod:`.crossrefs`), the same code is printed beside several units — a unit is
stated once, a reference repeats. Such a column names no element. A header
drawn over a column of codes and one of titles ("COMPÉTENCES" over 'C1' |
'S'informer', a table relating activités and compétences) names the units by
both: the codes are theirs, the column keeps its role.
"""

from __future__ import annotations

import re

from .crossrefs import CODE
from .draft import TableView, cell_units, positions

_CODES = re.compile(r"(?<![\w.])" + CODE)
_UNITS = frozenset({"bloc", "activite", "taches", "competence", "transversales"})
_AROUND = 2  # words a line may hold besides each of its codes ("si DC1 validé")
_OWNERS = 2  # distinct cells a code must be printed in


def reference_columns(view: TableView) -> None:
    """Clear the role of each unit column whose cells only refer to codes."""
    for column, role in enumerate(view.roles):
        if role in _UNITS and view.roles.count(role) == 1 and _references(view, column):
            view.roles[column] = None


def _references(view: TableView, column: int) -> bool:
    """Whether the body cells starting at ``column`` are code references only
    (one series, some code printed in two cells or more)."""
    seen: set[int] = set()
    cells: list[set[str]] = []
    letters: set[str] = set()
    for row in view.body:
        for placed, cell in positions(row):
            if placed != column or id(cell) in seen:
                continue
            seen.add(id(cell))
            lines = [u.text for u in cell_units(cell)]
            if not lines:
                continue
            codes: set[str] = set()
            for line in lines:
                found = list(_CODES.finditer(line))
                rest = _CODES.sub(" ", line).replace("/", " ").replace(",", " ")
                if not found or len(rest.split()) > _AROUND * len(found):
                    return False
                codes.update(f"{hit.group(1)}{hit.group(2)}" for hit in found)
                letters.update(hit.group(1) for hit in found)
            cells.append(codes)
    if len(cells) < _OWNERS or len(letters) != 1:
        return False
    counts: dict[str, int] = {}
    for codes in cells:
        for code in codes:
            counts[code] = counts.get(code, 0) + 1
    return max(counts.values()) >= _OWNERS
