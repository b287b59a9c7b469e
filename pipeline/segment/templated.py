"""Sections of one template: a repeated unit read as the bloc level.

A document that numbers nothing may still repeat one section template: a
paragraph opening on a label ("Objectif : …") and stating an ability (an
"être capable de" + infinitive, read by spaCy), a list of items, then a
table of the same shape (its first cell the same each time). A template
repeated is a level, whatever its label says: each such paragraph is a bloc
(its statement past the label), the items listed under it its compétences
(contract, "No bloc level": the top units printed are the blocs).
"""

from __future__ import annotations

import re

from ..nlp import states_ability
from ..textclean import fold
from .draft import Context, Unit

_MIN_SECTIONS = 2  # a template printed once is no level
_LABEL = re.compile(r"^(?P<label>[^\W\d_][^:\d]{0,40}?)\s*:\s*(?P<statement>\S.*?)\s*:?\s*$")

#: one section: its statement, its opening paragraph, its items, its table (its block's id)
Section = tuple[str, Unit, list[Unit], int]


def templated_sections(ctx: Context) -> list[Section]:
    """The sections of a repeated template (empty when the document repeats none)."""
    opens = [index for index, unit in enumerate(ctx.units) if _opening(unit) is not None]
    if len(opens) < _MIN_SECTIONS:
        return []
    sections: list[Section] = []
    shapes: set[tuple[str, str]] = set()
    for at, start in enumerate(opens):
        end = opens[at + 1] if at + 1 < len(opens) else len(ctx.units)
        body = ctx.units[start + 1 : end]
        head = ctx.units[start]
        label, statement = _opening(head) or ("", "")
        items: list[Unit] = []
        for unit in body:
            if not unit.is_item or unit.frame is not None:
                break
            items.append(unit)
        framed = [unit for unit in body if unit.frame is not None]
        if not items or not framed:
            return []
        shapes.add((fold(label), fold(framed[0].text)))
        sections.append((statement, head, items, framed[0].frame or 0))
    return sections if len(shapes) == 1 else []


def _opening(unit: Unit) -> tuple[str, str] | None:
    """A labelled paragraph stating an ability: its label and its statement."""
    if unit.table is not None or unit.is_item or unit.frame is not None:
        return None
    hit = _LABEL.match(unit.text)
    if hit is None or not states_ability(hit.group("statement")):
        return None
    return hit.group("label"), hit.group("statement")
