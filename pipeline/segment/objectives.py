"""Objectives listed before a unit's own compétences.

A unit may state its objectives under a bare label ("Objectifs :" then items)
and then its compétences under a label of their own ("Compétences attendues à
l'issue de ce module :"). The objectives read as compétences until that label
comes; then they are set apart: the unit names its compétences itself. A unit
with no such label keeps them as its compétences (a curriculum's "Objectifs :"
bullets are its abilities). The label cues the list below it: its items
are objectives even when they name topics ("- technique de conduite ;").
"""

from __future__ import annotations

from .draft import Context, DCompetence, Unit
from .state import State


def objectives_cue(ctx: Context, state: State, unit: Unit) -> bool:
    """Whether ``unit`` labels the unit's objectives or its own compétences
    (then the objectives read so far leave the bloc's compétences)."""
    if ctx.rules.first("objectives-label", unit.text):
        state.objectives = []
        state.zone_cued = True  # the items below are stated objectives, not topics
        return True
    if not ctx.rules.first("competences-label", unit.text):
        return False
    if state.objectives and state.bloc is not None:
        dropped = {id(c) for c in state.objectives}
        state.bloc.competences = [c for c in state.bloc.competences if id(c) not in dropped]
        if id(state.competence) in dropped:
            state.competence = None
    state.objectives = None
    return True


def note_objective(state: State, comp: DCompetence) -> None:
    """Remember a compétence first read under an objectives label."""
    if state.objectives is not None:
        state.objectives.append(comp)
