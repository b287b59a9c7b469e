"""Stage ``sections``: the section of the document each unit lies in.

Section titles (rules labelled ``section``) open the activités, compétences
and évaluation parts; the blocs may follow the activités with no heading; the
outline's units that list tâches are activités (``Outline.activites``); an
activité headed by its word and code ("Activité R1 – …") before any part is
named opens the activités (an excerpt of the activités' fiches).
"""

from __future__ import annotations

from ..docmodel import Kind
from .draft import Context
from .groupings import groups_activites, names_activity
from .state import is_bloc_heading, outline_hit


def sections(ctx: Context) -> None:
    """Tag every unit with the section it lies in (activités, compétences,
    évaluation). Section titles one after the other list the parts (an annex's
    contents): the first of them is the part that follows. An annex's label
    ("Annexe II") is no part: the title after it opens the annex's part."""
    current: str | None = None
    listed = in_bloc = False
    for index, unit in enumerate(ctx.units):
        if unit.table is None and ctx.rules.first("annex-label", unit.text) is not None:
            current, listed = "other", False  # the annex's label: its title opens the part
            unit.starts_section = unit.section = current
            continue
        if unit.table is None and len(unit.text) < 160:
            hit = ctx.rules.first("section", unit.text)
            if hit is not None:
                current = current if listed else hit.rule.value
                unit.starts_section, listed = current, True
                unit.section = current
                continue
            in_bloc = in_bloc or (current is None and is_bloc_heading(ctx, unit.text))
            if current is None and not in_bloc and _activite_head(ctx, unit.text):
                current = "activites"  # an activité's own heading, no part named before it
            if (
                current == "activites"
                and is_bloc_heading(ctx, unit.text)
                and not groups_activites(ctx, index)
                and not names_activity(ctx, index)
                and not _outline_activite(ctx, unit.text)
            ):
                current = "competences"  # the blocs follow the activités without a heading
        listed = False
        unit.section = current
    if ctx.outline.activites:
        _outline_activites(ctx)


def _outline_activite(ctx: Context, text: str) -> bool:
    """A unit of the outline's level when that level's units are activités."""
    return ctx.outline.activites and outline_hit(ctx.outline.bloc, text) is not None


def _outline_activites(ctx: Context) -> None:
    """The outline's units that list tâches are activités: each mention and
    the list items under it lie in the activités section."""
    inside = False
    for unit in ctx.units:
        if unit.table is None and outline_hit(ctx.outline.bloc, unit.text) is not None:
            inside = True
        elif unit.kind is not Kind.LIST_ITEM:
            inside = False
        if inside:
            unit.section = "activites"


def _activite_head(ctx: Context, text: str) -> bool:
    """A line naming an activité by its word and code ("Activité 2 : …")."""
    hit = ctx.rules.first("code-activite", text)
    return hit is not None and hit.rule.id == "code.activite-word"
