"""A bloc cell holding an outline: unit headings, each over the coded compétences
it states, numbered from it, in one cell (a social diploma's référentiel de
certification: one row per épreuve, its "Domaines de compétences évalués" cell
"DC 1. - …" / "C 1.1. …" / "C 1.2. …" / "DC 6. - …" / "C 6.1. …"). Each heading
opens its bloc and each coded line below it adds a compétence to that bloc;
every bloc of the cell is assessed by what the row's other cells say (its
épreuve: the modalités of each)."""

from __future__ import annotations

import re

from ..rules import Hit
from ..textclean import label_text
from .content import add_competence, competence_code
from .draft import Context, DBloc, Unit
from .state import State, open_bloc

RULE = "table.outline-cell"
_NUMBER = re.compile(r"\d+")


def outline_cell(ctx: Context, state: State, units: list[Unit]) -> list[DBloc]:
    """The blocs a bloc cell opens when its lines are unit headings (a bloc
    heading, or a short code and a number before the title: ``code-unit``) and
    compétence lines whose codes go on from their heading's number ("DC 6" /
    "C 6.1"), the first a heading; else none (the cell is one bloc's title)."""
    if len(units) < 2:
        return []
    heads = [_head(ctx, state, unit.text) for unit in units]
    number = None
    for head, unit in zip(heads, units, strict=True):
        if head is not None:
            number = _first_number(head.group("code") or "")
            continue
        hit = competence_code(ctx, unit.text)
        if number is None or hit is None or _first_number(hit.group("code") or "") != number:
            return []
    blocs: list[DBloc] = []
    for head, unit in zip(heads, units, strict=True):
        if head is not None:
            bloc = open_bloc(ctx, state, [unit], RULE, any_text=True)
            if bloc is None:
                return blocs
            if bloc.code is None:  # no bloc vocabulary: the code-unit's code and title
                bloc.code = " ".join((head.group("code") or "").split())
                bloc.libelle = label_text(head.group("libelle") or "") or bloc.libelle
            blocs.append(bloc)
        elif state.bloc is not None:
            add_competence(ctx, state.bloc, unit, state.source, from_list=False, rule=RULE)
    return blocs


def _head(ctx: Context, state: State, text: str) -> Hit | None:
    return state.bloc_hit(ctx, text) or ctx.rules.first("code-unit", text)


def _first_number(code: str) -> str | None:
    found = _NUMBER.search(code)
    return found.group() if found else None
