"""Lists of diplomas: list items that name certifications without being the title.

A training référentiel may list the diplomas that exempt from it or that it
requires ("sans être titulaire : - certificat d'aptitude professionnelle de … ;
- brevet d'études professionnelles de … ;"). A run of consecutive list items of
which two or more name a certification family (rules labelled ``title``) is
such an enumeration: its items name other certifications, never the
document's own, and give it neither a type nor an intitulé.
"""

from __future__ import annotations

from .draft import Context, Unit
from .titlehits import title_hits

_MIN_NAMED = 2  # items of one run naming a family


def enumerated(ctx: Context, units: list[Unit]) -> set[int]:
    """The ids of the list items of ``units`` in runs naming two families or more."""
    out: set[int] = set()
    run: list[Unit] = []
    for unit in [*units, None]:
        if unit is not None and unit.is_item:
            run.append(unit)
            continue
        if sum(1 for item in run if title_hits(ctx, item.text)) >= _MIN_NAMED:
            out.update(id(item) for item in run)
        run = []
    return out
