"""B.U.T. apprentissages critiques read by where they stand: in a level's row.

A B.U.T. compétence page sets its niveaux one under the other, each a "Niveau N"
label (or a level word) with, to its right, the box of that level's
apprentissages critiques (contract, 'Families and levels': every niveau's
apprentissages are the compétence's compétences). A line printed in that box
is an apprentissage critique whatever its grammar: some parcours word them as
noun phrases ("Rigueur dans le pilotage …") rather than infinitives. What
stands above the rows (the situations professionnelles, the composantes) is
not in any row.
"""

from __future__ import annotations

from .draft import Context, Unit


def in_level_row(ctx: Context, unit: Unit) -> bool:
    """Whether ``unit`` stands right of a level label of a B.U.T. page, nearer
    that label's row than any other's and within half the rows' spacing of it."""
    box = unit.bbox
    if ctx.draft.type != "BUT" or box is None or unit.page is None:
        return False
    on_page = [u.bbox for u in ctx.units if u.page == unit.page and _label(ctx, u)]
    labels = sorted((b for b in on_page if b is not None), key=lambda b: b.top)
    if len(labels) < 2:
        return False  # one label gives no spacing to measure a row by
    spacing = min(b.top - a.top for a, b in zip(labels, labels[1:], strict=False))
    middle = (box.top + box.bottom) / 2
    label = min(labels, key=lambda b: abs((b.top + b.bottom) / 2 - middle))
    return box.x0 > label.x1 and abs((label.top + label.bottom) / 2 - middle) <= spacing / 2


def _label(ctx: Context, unit: Unit) -> bool:
    return ctx.rules.first("niveau", unit.text) is not None
