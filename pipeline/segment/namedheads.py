"""Units named by a numbered list, then opened by their bare names.

A référentiel may announce its units in a numbered list ("… regroupées en
quatre domaines :" over "1. Penser - Concevoir - Élaborer" … "4. …") and
print each again, without its number, as a line of its own over the unit's
list of abilities. The list refers to the units (:mod:`.outline_refs`); each
line naming a listed unit again, standing alone right above a list, opens it.
The evidence is the numbering 1…N and the same names printed again, whatever
their words; the heads carry no code (none is printed where they stand).
"""

from __future__ import annotations

from ..textclean import ends_sentence, spelled
from .draft import Outline, Unit
from .numbering import numbered
from .restarts import label_number

_MIN_UNITS = 3  # fewer numbered lines are a sentence's enumeration, not units
_MAX_NAME = 100  # characters: a unit's name, not a sentence of prose


def named_heads(units: list[Unit]) -> Outline | None:
    """The heads of the units a numbered list names, the list as references;
    None when the document prints no such list."""
    for start in range(len(units)):
        run = _numbered_run(units, start)
        if len(run) < _MIN_UNITS:
            continue
        keys = [spelled(title) for _, title in run]
        end = start + len(run)
        heads = [_head(units, end, key) for key in keys]
        if all(head is not None for head in heads):
            return Outline(
                heads=frozenset(id(units[h]) for h in heads if h is not None),
                references=frozenset(id(unit) for unit, _ in run),
            )
    return None


def _numbered_run(units: list[Unit], start: int) -> list[tuple[Unit, str]]:
    """The lines numbered 1, 2, 3 … from ``start`` on, each a short name."""
    run: list[tuple[Unit, str]] = []
    for unit in units[start:]:
        number, title = _number(unit)
        if number != len(run) + 1 or not title or len(title) > _MAX_NAME or ends_sentence(title):
            break
        run.append((unit, title))
    return run


def _number(unit: Unit) -> tuple[int | None, str]:
    """A line's bare list number (typed "1." or a list label) and its title."""
    if unit.table is not None or unit.cell is not None:
        return None, ""
    listed = label_number(unit)
    if listed is not None:
        return listed, unit.text
    hit = numbered(unit.text)
    if hit is None or hit.word or hit.roman or hit.lettered or len(hit.number) != 1:
        return None, ""
    return hit.number[0], hit.title


def _head(units: list[Unit], after: int, key: str) -> int | None:
    """The first line after the list naming the unit ``key`` alone, right
    above a list item."""
    for index in range(after, len(units) - 1):
        unit = units[index]
        if unit.is_item or unit.table is not None or unit.cell is not None:
            continue
        if spelled(unit.text) == key and units[index + 1].is_item:
            return index
    return None
