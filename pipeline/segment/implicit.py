"""Stage ``implicit``: a document with abilities but no bloc level is not refused.

When no bloc was found, the abilities the document lists — list items and short
paragraphs stating an action (an infinitive, read by spaCy) — go to one implicit
bloc, with a ``LOW_CONFIDENCE_STRUCTURE`` warning, rather than the whole
document being refused. A document without such statements (an invoice, a
novel, a blank page) stays empty, and is refused.
"""

from __future__ import annotations

import re

from ..nlp import is_action
from .content import add_competence
from .draft import Context, DBloc, Where

_MIN_ABILITIES = 3  # fewer action statements than this make no référentiel
_SHORT = 250  # a longer paragraph is prose, not a listed ability
RULE = "implicit.bloc"
_LABELLED = re.compile(r"^[^:]{0,40}:")  # "Fiche métier : …", "Objectifs :" — labels, not abilities


def implicit(ctx: Context) -> None:
    """Gather a bloc-less document's action statements into one implicit bloc."""
    if ctx.draft.blocs or ctx.draft.transversales or not ctx.options.use_nlp:
        return
    candidates = [
        unit
        for unit in ctx.units
        if unit.table is None
        and not unit.heading_like
        and len(unit.text) <= _SHORT
        and not _LABELLED.match(unit.text)
    ]
    abilities = [unit for unit in candidates if is_action(unit.text)]
    if len(abilities) < _MIN_ABILITIES:
        return
    first = abilities[0]
    bloc = DBloc(None, ctx.draft.intitule or "", Where(first.page, first.line, RULE))
    source = ctx.new_source()
    for unit in abilities:
        add_competence(ctx, bloc, unit, source, from_list=unit.is_item, rule=RULE)
    ctx.draft.blocs.append(bloc)
    ctx.warn(
        "LOW_CONFIDENCE_STRUCTURE",
        f"no bloc level found: {len(bloc.competences)} action statements kept in one implicit bloc",
        first.page,
        first.line,
    )
