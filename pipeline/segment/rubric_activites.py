"""The activités a fiche métier lists under its rubric ("Activités principales").

A répertoire's fiche métier (the référentiel métier of a civil-service body)
prints its activités under a plain rubric label (rule label
``activities-rubric``), qualified or not ("Activités principales spécifiques
du domaine du sport"; a label ending with a comma goes on in the next
paragraph, in lower case), one paragraph per activité, nothing numbered or
marked. Each paragraph up to the next rubric, title or heading is an
activité; a lead-in ending with a colon over list items is one activité
whose tâches the items are (what it covers). Read only where the activités
stage found none: a référentiel d'activités with codes or tables is read there.
"""

from __future__ import annotations

from ..textclean import starts_lower
from .draft import Context, DActivite, Unit, Where
from .plainheads import is_title

RULE = "rubric.activite"


def rubric_activites(ctx: Context) -> None:
    """Add the activités listed under the document's activités rubrics."""
    if ctx.draft.activites:
        return
    units = ctx.units
    index = 0
    while index < len(units):
        unit = units[index]
        index += 1
        if not _rubric(ctx, unit):
            continue
        if unit.text.rstrip().endswith(",") and index < len(units):
            index += starts_lower(units[index].text)  # the label goes on
        index = _read(ctx, units, index)


def _rubric(ctx: Context, unit: Unit) -> bool:
    return (
        unit.table is None
        and not unit.is_item
        and ctx.rules.first("activities-rubric", unit.text) is not None
    )


def _read(ctx: Context, units: list[Unit], index: int) -> int:
    """Read the activités from ``index`` to the rubric's end; where it ended."""
    start = index
    current: DActivite | None = None
    while index < len(units):
        unit = units[index]
        if unit.table is not None or unit.heading_like or _rubric(ctx, unit):
            break
        if unit.is_item:
            if current is None and not units[start - 1].is_lead_in:
                break
            if current is None:  # the rubric leads in its items: each one an activité
                item = DActivite(None, unit.text.strip(), Where(unit.page, unit.line, RULE))
                ctx.draft.activites.append(item)
            else:
                current.taches.append(unit.text.strip())
        elif is_title(ctx, unit):
            break  # the next rubric
        else:
            text = unit.text.strip()
            lead = unit.is_lead_in
            libelle = text.rstrip(" :") if lead else text
            current = DActivite(None, libelle, Where(unit.page, unit.line, RULE))
            ctx.draft.activites.append(current)
            current = current if lead else None
        index += 1
    return index
