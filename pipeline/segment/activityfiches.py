"""An activité's fiche read as lines: its tâches coded ``T``, under their label.

The Éducation nationale référentiel des activités professionnelles prints each
activité as a fiche ("Activité R1 – …", a label "Tâches associées", then
"T1 : …" lines; the activité's conditions, autonomy and expected results
below): a fiche table whose lines name several activités is no table detailing
one of them, the ``T`` lines under the tâches label are the activité's tâches,
and a parenthesis on a line of its own (the activité's options) leaves it open;
the same parenthesis closing the title line is no part of the title.
"""

from __future__ import annotations

import re

from ..textclean import is_aside, label_text
from .draft import Context, DActivite, Unit


def names_activites(ctx: Context, units: list[Unit], frame: int) -> bool:
    """Whether the lines read from the layout table ``frame`` head activités
    by their word and code ("Activité R2 – …"): fiches, not one activité's detail."""
    return any(unit.frame == frame and _headed(ctx, unit.text) for unit in units)


def fiche_line(ctx: Context, current: DActivite | None, unit: Unit) -> bool:
    """Whether ``unit`` belongs to the current activité's fiche: the tâches label,
    a coded tâche (added), or the activité's parenthesis."""
    if current is None or unit.is_item:
        return False
    if not current.taches and is_aside(unit.text):
        return True  # "(activité commune aux deux options)" under its title
    zone = ctx.rules.first("zone", unit.text)
    if zone is not None and zone.rule.value == "taches":
        return True
    hit = ctx.rules.first("code-tache", unit.text)
    if hit is None:
        return False
    current.taches.append(label_text(hit.group("libelle") or ""))
    return True


_QUALIFIER = re.compile(r"\s*\((?:[^()\s]+\s+){2,}[^()]*\)\s*$")  # three words or more


def unqualified(hit_rule: str, libelle: str) -> str:
    """An activité's title without the parenthesis of several words closing its
    heading line ("Installation et qualification (activité commune aux deux
    options)"): it qualifies the activité, as it does on a line of its own."""
    if hit_rule != "code.activite-word":
        return libelle
    return _QUALIFIER.sub("", libelle) or libelle


def _headed(ctx: Context, text: str) -> bool:
    hit = ctx.rules.first("code-activite", text)
    return hit is not None and hit.rule.id == "code.activite-word"
