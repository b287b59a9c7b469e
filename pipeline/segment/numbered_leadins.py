"""Numbered lead-ins among a unit's numbered abilities.

A line ending with a colon heads the list below it and states nothing of its
own — unless it is numbered in the run of the unit's numbered abilities: its
number follows the ability before it ("6. Produire un message oral :" after
"5. …"), or the lines after it extend its number ("1. Rechercher, c'est-à-dire :"
over "1.1 …", "1.2 …"). Then it states an ability, which the lines under it
detail: a compétence. Unnumbered items under such a line ("- en fonction de …"
between "6." and "7.") are its details, not abilities of their own.
"""

from __future__ import annotations

import re

from .draft import Unit
from .numbering import numbered
from .state import State

_LIST_LABEL = re.compile(r"^(\d{1,2})[.)]$")  # an ordered list item's printed number


def list_number(unit: Unit) -> tuple[int, ...] | None:
    """The bare list number a line is printed with: an ordered item's label
    ("6."), or the number a paragraph opens with ("1.1 …", no level word)."""
    if unit.is_item:
        label = _LIST_LABEL.match(unit.label or "")
        return (int(label.group(1)),) if label else None
    hit = numbered(unit.text)
    if hit is None or hit.word or hit.roman or hit.lettered or not hit.title:
        return None
    return hit.number


def follows(state: State, number: tuple[int, ...]) -> bool:
    """Whether ``number`` comes right after the last numbered ability's (5 → 6)."""
    last = state.ability_number
    return (
        last is not None
        and len(last) == len(number)
        and last[:-1] == number[:-1]
        and number[-1] == last[-1] + 1
    )


def extends(parent: tuple[int, ...], number: tuple[int, ...]) -> bool:
    """Whether ``number`` is one level below ``parent`` (1 → 1.1)."""
    return len(number) == len(parent) + 1 and number[:-1] == parent


def is_detail(state: State, unit: Unit) -> bool:
    """An unnumbered item under a numbered lead-in ability: one of its details."""
    return (
        state.details_of is not None
        and state.details_of is state.competence
        and unit.is_item
        and list_number(unit) is None
    )


def pending_parent(state: State, number: tuple[int, ...] | None) -> Unit | None:
    """The numbered lead-in set aside before ``number``'s line, when that
    number extends the lead-in's: the ability the line details."""
    held = state.held_lead_in
    state.held_lead_in = None
    if held is None or number is None:
        return None
    unit, parent = held
    return unit if extends(parent, number) else None
