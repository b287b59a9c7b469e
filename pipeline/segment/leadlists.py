"""A numbered line heading the list below it, with or without its own lead-in.

"1. Identifier … :" over "- …" items, or "1. Concourir … ." over a lead-in
"Capacité à :" over "― …" items: the numbered line is a unit's head and the
items its content, whatever typography the line has (:mod:`.outline_series`).
"""

from __future__ import annotations

from ..docmodel import Kind
from .draft import Unit
from .numbering import numbered

SHORT_LINE = 150  # a lead-in is a short line


def leads_list(unit: Unit, following: list[Unit]) -> bool:
    """A short lead-in numbered with no level word ("1. Identifier … :") whose
    list items follow it: the items are its content, so the line heads them (a
    worded line, "Pour l'activité type 1 … :", names a unit; it heads nothing).
    A numbered title followed by a lead-in of its own ("1. Concourir … ." then
    "Capacité à :" over the items) heads the list as well: title, lead-in,
    items is one unit."""
    if unit.kind is Kind.LIST_ITEM or not following:
        return False
    if _lead_in(unit) and following[0].kind is Kind.LIST_ITEM:
        return True
    return (
        len(following) > 1
        and _lead_in(following[0])
        and numbered(following[0].text) is None
        and following[1].kind is Kind.LIST_ITEM
    )


def _lead_in(unit: Unit) -> bool:
    """A short lead-in."""
    return unit.is_lead_in and len(unit.text) <= SHORT_LINE
