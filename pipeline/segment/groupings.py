"""Units of the référentiel d'activités that group its activités.

A BTS's référentiel des activités professionnelles groups its activités under
numbered headings ("Finalité 1 - …", "Fonction 2 : …") whose activités carry
the heading's number ("1.1 - collaborer …", "1.2 - …", each over its tâches).
Such a heading is the outline's unit, yet it opens no bloc: the activités
section goes on under it. The numbering is the evidence: an activité code
that extends the heading's number by one level, printed before the next unit.
"""

from __future__ import annotations

from ..nlp import is_action
from .draft import Context
from .numbering import numbered
from .state import is_bloc_heading, outline_hit


def groups_activites(ctx: Context, index: int) -> bool:
    """Whether the unit at ``index`` (a bloc heading in the activités section)
    heads activités numbered under its own number ("1.1" under "… 1")."""
    head = numbered(ctx.units[index].text)
    if head is None or not head.word or len(head.number) != 1:
        return False
    for unit in ctx.units[index + 1 :]:
        if unit.table is None and is_bloc_heading(ctx, unit.text):
            return False
        hit = ctx.rules.first("code-numeric", unit.text)
        code = (hit.group("code") or "").split(".") if hit is not None else []
        if len(code) == len(head.number) + 1 and code[0] == str(head.number[0]):
            return True
    return False


def names_activity(ctx: Context, index: int) -> bool:
    """Whether the unit at ``index`` (a bloc heading in the activités section)
    names an activité: a unit of the outline's bare numbering ("3. …") whose
    title names an action (a noun, "Réalisation de …"), not an ability (an
    infinitive), over a table that details it. Blocs that follow the
    activités are abilities or carry a level word."""
    unit = ctx.units[index]
    head = numbered(unit.text)
    following = ctx.units[index + 1] if index + 1 < len(ctx.units) else None
    return bool(
        ctx.options.use_nlp
        and head is not None
        and not head.word
        and outline_hit(ctx.outline.bloc, unit.text) is not None
        and following is not None
        and (following.frame is not None or following.table is not None)
        and not is_action(head.title)
    )
