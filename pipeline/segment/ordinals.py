"""Ordinal lead-ins over lists of abilities, the blocs of a bloc-less document.

Légifrance prints the parts of an article or annex as an enumeration numbered
by French ordinals: "1° Un module, d'une durée de six heures, … permettant :",
"2° …", each a lead-in ending with a colon over its "- " items ("- d'identifier
…", "- d'alerter …"). Numbered as a series from 1° and each directly over a list
most of whose items state actions, the lead-ins are the document's top units
(contract, "No bloc level": the top numbered units are the blocs), the ordinal
their code, the lead-in's words their title; every item of the list is a
compétence of its bloc, also one that opens on a circumstance ("- en l'absence
de …, de demander …"): the list, not each item's wording, makes the group.
"""

from __future__ import annotations

import re

from ..nlp import is_action
from .draft import Context, Unit
from .numbering import consecutive

_MIN_GROUPS = 2  # ordinal lead-ins over lists of abilities that make a bloc level
_MIN_ITEMS = 2  # list items a lead-in must introduce
_NUMBER = re.compile(r"\d+")


def ordinal_groups(ctx: Context) -> list[tuple[str, str, Unit, list[Unit]]]:
    """The (code, title, lead-in, items) of each ordinal lead-in over a list of
    abilities, when they number a series 1°, 2°, …; empty otherwise."""
    groups: list[tuple[str, str, Unit, list[Unit]]] = []
    units = ctx.units
    for index, unit in enumerate(units):
        if unit.table is not None or unit.is_item:
            continue
        hit = ctx.rules.first("ordinal-lead-in", unit.text)
        if hit is None:
            continue
        items: list[Unit] = []
        at = index + 1
        while at < len(units) and units[at].is_item and units[at].table is None:
            items.append(units[at])
            at += 1
        actions = sum(is_action(item.text) for item in items)
        if len(items) >= _MIN_ITEMS and actions * 2 >= len(items):
            code = " ".join(str(hit.group("code")).split())
            groups.append((code, str(hit.group("libelle")), unit, items))
    numbers = [int(_NUMBER.findall(code)[0]) for code, *_ in groups]
    if len(groups) < _MIN_GROUPS or numbers[0] != 1 or not consecutive(numbers):
        return []
    return groups
