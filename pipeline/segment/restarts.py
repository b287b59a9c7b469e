"""Numbered lists whose numbering restarts under each unit.

Some référentiels print no level word and no code, only list numbers: the
units are numbered 1, 2, 3 … and the abilities listed under each unit are
numbered again from 1 ("1. Évaluer …" / "1. Analyser …", "2. …", … "10. …",
then "2. Conduire …" / "1. Sélectionner …"). The numbering itself tells the
levels apart: an item directly followed by an item numbered 1 heads the items
numbered from 1 after it, until the numbering takes up the heads' own series
again (N + 1). Two heads or more make the level (one restart could be two
lists that merely follow each other).

A summary listing the units before the body (1 … N, nothing between the
items) names the same units: each head is named there with its number and the
same title. Its items are mentions of the units too (a unit only named there
is still a unit of the référentiel, without detail).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..textclean import label_text
from .draft import Unit, similar

_NUMBER_LABEL = re.compile(r"^(\d{1,3})[.)]$")
_MIN_HEADS = 2


@dataclass(frozen=True)
class Restarts:
    """The units of a restarting numbering: ids of the heads (and of the
    summary items naming them) and of the items numbered under them."""

    heads: frozenset[int]
    items: frozenset[int]


def label_number(unit: Unit) -> int | None:
    """The number of a top-level list item labelled "1." or "1)"."""
    if unit.table is not None or not unit.is_item or unit.level != 0:
        return None
    found = _NUMBER_LABEL.match((unit.label or "").strip())
    return int(found.group(1)) if found else None


def restarts(units: list[Unit]) -> Restarts | None:
    """The heads and numbered items of a numbering restarting under each
    unit, with the summary naming the heads; None when there is none."""
    numbers = [label_number(u) for u in units]
    heads: list[int] = []
    items: list[int] = []
    for index, number in enumerate(numbers):
        expected = (numbers[heads[-1]] or 0) + 1 if heads else 1
        after = numbers[index + 1] if index + 1 < len(numbers) else None
        if number != expected or after != 1 or index in items:
            continue
        heads.append(index)
        below = index + 1
        while below < len(numbers) and numbers[below] == below - index:
            items.append(below)
            below += 1
    if len(heads) < _MIN_HEADS:
        return None
    summary = _summary(units, numbers, heads)
    return Restarts(
        frozenset(id(units[i]) for i in heads + summary), frozenset(id(units[i]) for i in items)
    )


def _summary(units: list[Unit], numbers: list[int | None], heads: list[int]) -> list[int]:
    """The items of a run numbered 1 … N before the first head, with nothing
    between them, that names every head by its number and title."""
    run: list[int] = []
    for index in range(heads[0]):
        number = numbers[index]
        if number == 1:
            run = [index]
        elif run and index == run[-1] + 1 and number == (numbers[run[-1]] or 0) + 1:
            run.append(index)
    named = {numbers[i]: label_text(units[i].text) for i in run}
    for head in heads:
        title = named.get(numbers[head])
        if title is None or not similar(title, label_text(units[head].text)):
            return []
    return run
