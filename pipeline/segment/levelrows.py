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

from ..docmodel import BBox
from .draft import Context, Unit

LevelLabels = dict[int, list[BBox]]  # page → the boxes of its level labels, top to bottom


def level_labels(ctx: Context) -> LevelLabels:
    """The level labels of a B.U.T. document's pages (none in another
    document's), found once before the walk."""
    labels: LevelLabels = {}
    if ctx.draft.type != "BUT":
        return labels
    for unit in ctx.units:
        if unit.page is not None and unit.bbox is not None and _label(ctx, unit):
            labels.setdefault(unit.page, []).append(unit.bbox)
    for boxes in labels.values():
        boxes.sort(key=lambda b: b.top)
    return labels


def in_level_row(pages: LevelLabels, unit: Unit) -> bool:
    """Whether ``unit`` stands right of a level label of its page (``pages``,
    :func:`level_labels`), nearer that label's row than any other's and within
    half the rows' spacing of it."""
    box = unit.bbox
    if box is None or unit.page is None:
        return False
    labels = pages.get(unit.page, [])
    if len(labels) < 2:
        return False  # one label gives no spacing to measure a row by
    spacing = min(b.top - a.top for a, b in zip(labels, labels[1:], strict=False))
    middle = (box.top + box.bottom) / 2
    label = min(labels, key=lambda b: abs((b.top + b.bottom) / 2 - middle))
    return box.x0 > label.x1 and abs((label.top + label.bottom) / 2 - middle) <= spacing / 2


def _label(ctx: Context, unit: Unit) -> bool:
    """A level label ("Niveau 2")."""
    return ctx.rules.first("niveau", unit.text) is not None
