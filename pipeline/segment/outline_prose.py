"""Uncoded prose in a document whose outline codes its compétences.

When the document's own outline numbers the compétences of its units by a
series ("OI 11 : …", "OI 111 : …" under "UEG1 :"), a compétence is a line of
that series. A plain paragraph of a unit that carries no code, no item mark
and no zone cue over it (a unit's conditions in prose: "Posséder un titre …")
states none: it is left to the ``unplaced`` stage, an ``UNPLACED_TEXT``
warning, never silently lost.
"""

from __future__ import annotations

from ..rules import Rule
from .draft import Context, Unit
from .state import State


def uncoded_prose(ctx: Context, state: State, unit: Unit, coded: bool) -> bool:
    """Whether ``unit`` is a plain uncoded paragraph of a unit whose
    compétences the outline codes (then it is no compétence)."""
    series = ctx.outline.competence
    if series is None or coded or unit.is_item or state.zone_cued:
        return False
    return not _in_series(series, unit.text)


def _in_series(series: Rule, text: str) -> bool:
    """Whether ``text`` opens on a code of the outline's compétence series."""
    return series.match(text) is not None
