"""Stage ``activities``: the référentiel d'activités written as text.

In the activités section an activity is a line carrying an activity code
("1.", "A1.1 :", "A4") followed by its tâches (list items), or a bold list
item (an unnumbered activity). A numbered line followed by prose is a
sub-section heading, not an activity; lines numbered under an activity are
its tâches, and numbered lines of prose are none (:mod:`.activitylines`).
Activities printed in tables are read by the table stage; a table detailing
the activité above it gives its tâches (:mod:`.detail_tables`). Where none
was found, a fiche métier's activités rubric lists them (:mod:`.rubric_activites`).
"""

from __future__ import annotations

import re

from ..docmodel import Kind
from ..rules import Hit
from ..textclean import label_text
from .activityfiches import fiche_line, names_activites, unqualified
from .activitylines import (
    LABEL_RULE,
    child_hit,
    child_label,
    drop_told,
    heads_prose,
    numbered_under,
    resumed,
)
from .detail_records import apply_records, record_frames
from .detail_tables import frame_block, read_detail
from .draft import Context, DActivite, Unit, Where
from .rubric_activites import rubric_activites
from .state import is_cue, outline_hit

_LISTED = "activities.listed"  # the rule of an activité named on a line of its own
_LISTED_MAX = 250  # an activity named on a line of its own or an item: a sentence at most
_NUMBER_LABEL = re.compile(r"^(?:[A-Z]\s*\.?\s*)?\d+(?:\.\d+)*[.)]?$")


def code_hit(ctx: Context, text: str) -> Hit | None:
    """An activity code at the start of ``text`` (lettered first, then numeric,
    then the outline's units when they list tâches)."""
    return (
        ctx.rules.first("code-activite", text)
        or ctx.rules.first("code-numeric", text)
        or (outline_hit(ctx.outline.bloc, text) if ctx.outline.activites else None)
    )


def activities(ctx: Context) -> None:
    """Add the activities of the activités section(s) to the draft."""
    if ctx.streamed:
        return
    current: DActivite | None = None
    coded = False  # the current activité's tâches are its coded children
    units = ctx.units
    detailed: set[int] = set()  # the layout tables read as an activité's detail
    recorded, records = record_frames(ctx)  # one table per activité (:mod:`.detail_records`)
    for index, unit in enumerate(units):
        if unit.frame is not None and unit.frame in recorded:
            current = None
            continue
        if unit.frame is not None and unit.frame in detailed:
            continue  # the rest of a table detailing the activité above
        if (
            unit.section == "activites"
            and unit.frame is not None
            and current is not None
            and not names_activites(ctx, units, unit.frame)
        ):
            block = frame_block(ctx, unit.frame)
            if block is not None and read_detail(ctx, current, block):
                detailed.add(unit.frame)
                continue
        if unit.section != "activites" or unit.table is not None or unit.starts_section:
            current = None
            continue
        following = units[index + 1] if index + 1 < len(units) else None
        hit = code_hit(ctx, unit.text) if not unit.is_item else None
        if (
            child_hit(current, hit)
            and current is not None
            and hit is not None
            and not _own_tasks(ctx, following)  # "1.1. …" over its own tâches
        ):
            current.taches.append(label_text(hit.group("libelle") or ""))
            coded = True
            continue  # "1.1." under "Activité 1": one of its tâches
        owner = None if current is not None else resumed(ctx.draft.activites, hit)
        if owner is not None and hit is not None:
            owner.taches.append(label_text(hit.group("libelle") or ""))
            current, coded = owner, True
            continue  # "2.7" after a sub-heading among the tâches of "2"
        if fiche_line(ctx, current, unit):
            continue  # the tâches label or a "T1 : …" tâche of the activité's fiche
        if coded:
            current, coded = None, False  # after its coded tâches: the record's other parts
        if child_label(current, unit, code_hit(ctx, following.text) if following else None):
            continue  # the label over those tâches
        made = _activity(ctx, units, index)
        if made is not None:
            ctx.draft.activites.append(made)
            current = made
        elif unit.is_item and current is not None:
            current.taches.append(unit.text)
        elif current is not None and _lead_in_task(current, unit, following):
            current.taches.append(unit.text)  # a lead-in over some of its tâches
        else:
            current = None
    apply_records(ctx, records)
    drop_told(ctx)
    _listed(ctx)
    rubric_activites(ctx)  # a fiche métier's "Activités principales" (:mod:`.rubric_activites`)


def _listed(ctx: Context) -> None:
    """An activités section whose lines carry no code, bold or tâches (a fiche's
    "Activités visées :"): each short line up to the next heading is an
    activity, when the section gave none otherwise."""
    made = {(a.where.page, a.where.line) for a in ctx.draft.activites}
    run: list[Unit] | None = None
    runs: list[list[Unit]] = []
    for unit in ctx.units:
        if unit.starts_section == "activites":
            run = []
            runs.append(run)
            continue
        if run is None:
            continue
        if unit.section != "activites" or unit.table is not None or unit.heading_like:
            run = None
            continue
        if unit.is_lead_in:
            if run:
                run = None  # a lead-in after the list: what follows is something else
            continue  # the list's own lead-in ("… sont les suivantes :")
        run.append(unit)
    for found in runs:
        if not found or any(u.where in made for u in found):
            continue
        if all(_listed_line(u) for u in found if not u.is_item):
            grouped = _grouped(found)  # tâches may be sentences: only the lines are checked
            if grouped:
                ctx.draft.activites.extend(grouped)
                continue
        if all(_listed_line(u) for u in found):
            for unit in found:
                ctx.draft.activites.append(
                    DActivite(
                        None,
                        label_text(unit.text),
                        Where(unit.page, unit.line, _LISTED),
                    )
                )


def _listed_line(unit: Unit) -> bool:
    """A line that may name an activité: short, ending on no full stop nor colon."""
    return len(unit.text) <= _LISTED_MAX and not unit.text.rstrip().endswith((".", ":"))


def _grouped(found: list[Unit]) -> list[DActivite]:
    """A listed run printed as lines each over its list items (two such groups
    at least): the lines are the activités, their items the tâches; a line with
    no item under it (a note) is none."""
    groups: list[tuple[Unit, list[str]]] = []
    for unit in found:
        if not unit.is_item:
            groups.append((unit, []))
        elif groups:
            groups[-1][1].append(label_text(unit.text))
        else:
            return []
    if sum(1 for _, items in groups if items) < 2:
        return []
    return [
        DActivite(None, label_text(line.text), Where(line.page, line.line, _LISTED), items)
        for line, items in groups
        if items
    ]


def _activity(ctx: Context, units: list[Unit], index: int) -> DActivite | None:
    unit = units[index]
    following, after = (units[index + i] if index + i < len(units) else None for i in (1, 2))
    where = Where(unit.page, unit.line, "")
    label = (unit.label or "").strip()
    if unit.is_item and _NUMBER_LABEL.match(label):  # Word numbering resolved into the label
        return DActivite(label.rstrip(".)"), label_text(unit.text), _at(where, "activities.label"))
    hit = code_hit(ctx, unit.text) if not unit.is_item else None
    child = code_hit(ctx, following.text) if following is not None else None
    at = index + 1
    if hit is not None and child is None and _sub_heading(following):
        at += 1  # "2 - …" over the sub-heading "Activité de production" over "2.1 - …"
        child = code_hit(ctx, after.text) if after is not None else None
        child = child if child and numbered_under(hit.group("code"), child.group("code")) else None
    past = units[at + 1] if at + 1 < len(units) else None
    later = code_hit(ctx, past.text) if past is not None and not past.is_item else None
    if hit is not None and heads_prose(hit, child, past, later):
        return None  # "1." over "1.1." over prose: sub-section headings
    labelled = (  # "1.6. …" over "Réalisation d'évaluations … :" and its items (no zone cue)
        following is not None
        and following.is_lead_in
        and not is_cue(ctx, following)
        and _leads_tasks(after, strict=True)
    )
    if hit is not None and (_leads_tasks(following) or child is not None or labelled):
        libelle = unqualified(hit.rule.id, label_text(hit.group("libelle") or ""))
        return DActivite(hit.group("code"), libelle, _at(where, hit.rule.id))
    if unit.bold and (unit.is_item or _leads_tasks(following, strict=True)):
        return DActivite(None, label_text(unit.text), _at(where, "activities.bold"))
    return None


def _sub_heading(unit: Unit | None) -> bool:
    """A bold line of no code and no full stop: a sub-heading among the lines."""
    return (
        unit is not None
        and unit.bold
        and not unit.is_item
        and len(unit.text) <= _LISTED_MAX
        and not unit.text.rstrip().endswith((".", ":"))
    )


def _own_tasks(ctx: Context, following: Unit | None) -> bool:
    """A coded line's next unit opens its own tâches: a list item (or a lead-in
    over items) that is no zone cue ("• Résultats attendus :")."""
    return (
        following is not None
        and _leads_tasks(following, strict=True)
        and not is_cue(ctx, following)
    )


def _lead_in_task(current: DActivite | None, unit: Unit, following: Unit | None) -> bool:
    """A lead-in over list items under an activité a code line opened ("1.6.
    Réalisation de bilans …" over "Réalisation d'évaluations … :" and its items):
    one of its tâches, the items the next ones."""
    return (
        current is not None
        and current.where.rule != LABEL_RULE
        and unit.is_lead_in
        and following is not None
        and following.is_item
    )


def _leads_tasks(following: Unit | None, strict: bool = False) -> bool:
    """Whether what follows a candidate makes it an activity: its tâches, a
    table detailing it, or the next numbered activity / end of section (not
    prose)."""
    if following is None or following.starts_section:
        return not strict
    if following.kind is Kind.LIST_ITEM:
        return True
    return not strict and (following.kind is not Kind.PARAGRAPH or following.frame is not None)


def _at(where: Where, rule: str) -> Where:
    return Where(where.page, where.line, rule)
