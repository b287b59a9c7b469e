"""Examples given under a critère, announced by a lone lead-in item.

A critères cell may follow a critère with an item that is only a one-word
lead-in closed by a colon, no statement of its own ("— Ex :"), then the
items it announces: they illustrate the critère above it, its indicateurs,
not critères. The run ends at the cell's end or at the first item the grid
prints elsewhere as a critère of the same bloc (the critères the grid repeats
row after row: "Qualité d'exécution"), where the critères go on.
"""

from __future__ import annotations

import re

from .draft import Unit, norm_text

_LONE_LEAD_IN = re.compile(r"^\w+\s*:$")


def announced(units: list[Unit], known: set[str]) -> tuple[list[Unit], dict[int, list[str]]]:
    """The cell's units without the lone lead-ins and the examples they
    announce, and those examples by the id of the unit stating the critère
    they illustrate (``known``: the bloc's critères read so far, normalised)."""
    kept: list[Unit] = []
    examples: dict[int, list[str]] = {}
    run: list[str] | None = None
    for unit in units:
        lone = unit.is_item and _LONE_LEAD_IN.match(unit.text.strip()) is not None
        if lone and kept:
            run = examples.setdefault(id(kept[-1]), [])
            continue
        if run is not None and unit.is_item and norm_text(unit.text) not in known:
            run.append(unit.text.strip())
            continue
        run = None
        kept.append(unit)
    return kept, examples
