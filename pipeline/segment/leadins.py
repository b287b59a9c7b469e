"""Critères printed as paragraphs that lead in their items.

A health diploma's "Critères d'évaluation :" are numbered paragraphs ending
with a colon, each over its "- " items: "1. Prise en compte … :" / "- … ;" /
"2. … :". Each paragraph is a critère and its items are its indicateurs; the
next paragraph of the same shape is a sibling critère, not an indicateur.
"""

from __future__ import annotations

from .draft import Unit
from .state import State


def sibling_lead_in(state: State, unit: Unit) -> bool:
    """A paragraph ending with a colon after a critère that was one too and
    led in its items ("1. … :" / "- …" / "2. … :"): the next critère of the
    same shape, not an indicateur of the open one."""
    crit = state.critere
    return (
        crit is not None
        and unit.is_lead_in
        and state.critere_from_paragraph
        and state.critere_lead_in
        and bool(crit.indicateurs)
    )


def heads_items(state: State, unit: Unit) -> bool:
    """The first critère of a zone, a paragraph ending with a colon: a lead-in."""
    return state.critere is None and unit.is_lead_in
