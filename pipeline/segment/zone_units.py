"""A zone cue naming the unit it belongs to: "Critères d'évaluation compétence 1".

A référentiel de certification printed apart from the compétences may head each
unit's critères (or modalités) with the zone's name followed by the unit's own
name as the document codes it ("Critères d'évaluation compétence 2" under units
"Compétence 1 … 5"; "Modalités d'évaluation du bloc 3"). The cue reopens that
unit, already read, and switches to the zone: what follows is its content.
"""

from __future__ import annotations

import re

from ..textclean import fold
from .draft import Context, DBloc, Unit
from .state import State

_CUE_MAX = 160  # characters: a cue is one short line


def unit_zone(ctx: Context, state: State, unit: Unit) -> bool:
    """Reopen the unit a zone cue names at its end and enter the zone; whether it did."""
    if len(unit.text) > _CUE_MAX or unit.is_item or unit.table is not None:
        return False
    hit = ctx.rules.first("zone", unit.text)
    if hit is None or hit.rule.value not in ("criteres", "modalites"):
        return False
    bloc = _named(ctx.draft.blocs, unit.text)
    if bloc is None:
        return False
    state.close()
    state.bloc = bloc
    state.enter(hit.rule.value)
    state.zone_cued = True
    return True


def _named(blocs: list[DBloc], text: str) -> DBloc | None:
    """The one bloc whose code the text ends on, as a word ("… compétence 1")."""
    folded = fold(text).rstrip(" :.")
    found = [
        bloc
        for bloc in blocs
        if bloc.code and re.search(rf"(?<!\w){re.escape(fold(bloc.code))}$", folded)
    ]
    return found[0] if len(found) == 1 else None
