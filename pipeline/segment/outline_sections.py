"""Numbered parts of the text that the rules already name: no level of units.

A CQP annex may number its parts with a bare numbering ("1) Définition de la
qualification", "2) Référentiel d'activités", "3) Référentiel des compétences
…", "4) Référentiel de certification"). Such a series numbers the document's
sections: most of its titles are section titles (``section`` rules) or the
description's heading (``description`` rules), whatever the numbering's form.
A series whose mentions are mostly such titles is no level of the outline.
Nor is a bare numbering that starts again at 1 in three parts at least (a CQP
dossier's history "1- … 4-", then "1) … 5)" in one fiche and "1)" in the
next): each part numbers its own sections.
"""

from __future__ import annotations

from .draft import Context, Unit
from .numbering import numbered
from .outline_series import Series

_PART_LABELS = ("section", "description")
_RESTARTS = 2  # times a bare numbering starts again at 1: the parts number their sections


def names_parts(ctx: Context, series: Series, mentions: list[Unit]) -> bool:
    """Whether a bare numbering starts again at 1 twice or more, or at least half
    of its mentions, two at least, are titled as parts of the document (a section
    or the description)."""
    if series.word:
        return False
    if sum(1 for _, number in series.mentions[1:] if number == (1,)) >= _RESTARTS:
        return True
    named = 0
    for index, _ in series.mentions:
        hit = numbered(mentions[index].text)
        title = hit.title if hit is not None else ""
        if any(ctx.rules.first(label, mentions[index].text) for label in _PART_LABELS) or (
            title and any(ctx.rules.first(label, title) for label in _PART_LABELS)
        ):
            named += 1
    return named >= 2 and 2 * named >= len(series.mentions)
