"""A line holding only a compétence's code names that compétence (stream walk).

An evaluation part may head each compétence's criteria by its code alone
("C1 :" over "- La présentation du projet est complète …"): the compétence was
stated before, in its bloc, under that code. What follows the head is that
compétence's, in its bloc: the uncoded items under it are its critères. A
head glued by a text extractor to its first item ("C2 :- Les requêtes …") is
the head and that item.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..docmodel import Kind
from .draft import Context, Unit
from .state import State

#: a code alone, its colon or period after it, maybe the first item glued ("C2 :- …");
#: a hyphen glued to a digit extends the code ("C1-2 …", a code of the level below): no head
_HEAD = re.compile(
    r"^(?P<code>[A-Z]{1,3}\s?\d{1,3}(?:\.\d{1,3})*)\s*[:.]?\s*(?:-(?!\d)\s*(?P<item>\S.*))?$"
)


def code_head(ctx: Context, state: State, unit: Unit) -> Unit | None:
    """When ``unit`` is a compétence's code alone (a compétence seen before
    under that code), that compétence and its bloc become the walk's; None
    when it is no such head, else the item glued to the head (a unit of no
    text when none is)."""
    found = _HEAD.match(unit.text) if not unit.is_item and unit.table is None else None
    if found is None:
        return None
    code = "".join(found["code"].split())
    for bloc in ctx.draft.blocs:
        for comp in bloc.competences:
            if any("".join(printed.split()).rstrip(".") == code for printed, _ in comp.codes):
                state.bloc = bloc
                state.competence = comp
                state.competence_headed = True
                state.code_headed = True
                state.competence_item_level = None
                state.critere = None
                item = found["item"] or ""
                return replace(unit, kind=Kind.LIST_ITEM if item else unit.kind, text=item)
    return None
