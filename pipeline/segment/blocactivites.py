"""Activités printed inside their bloc (BTS référentiels de certification).

A BTS booklet details each bloc de compétences activité by activité: a line
"Activité 1.1. <libellé>" (rule ``bloc-activite``), a "Tâches" label beside
the activité's coded tâches ("T.1.1.1. …", rule ``code-tache``), then the
compétence the activité calls for ("Compétence : …"), its conditions and, in
the next table, its savoirs and critères. The activité joins the référentiel
d'activités; the compétence stated under it is linked to it and heads what
follows (its conditions, savoirs and critères), as a fiche's title does.
"""

from __future__ import annotations

from .draft import Context, DActivite, DCompetence, Unit, Where
from .state import State


def bloc_activite(ctx: Context, state: State, unit: Unit) -> bool:
    """Read ``unit`` as an activité opened in the current bloc or one of its
    tâches; whether it was used."""
    if state.bloc is None or unit.table is not None:
        return False
    hit = None if unit.is_item else ctx.rules.first("bloc-activite", unit.text)
    if hit is not None and unit.heading_like:
        code = "".join((hit.group("code") or "").split())
        activite = DActivite(
            code, (hit.group("libelle") or "").strip(), Where(unit.page, unit.line, hit.rule.id)
        )
        ctx.draft.activites.append(activite)
        state.activite = activite
        state.competence = None
        state.critere = None
        state.enter("taches")
        return True
    if state.activite is None or state.zone != "taches" or ctx.rules.first("zone", unit.text):
        return False
    tache = ctx.rules.first("code-tache", unit.text)
    if tache is None and not unit.is_item:
        state.enter(None)  # no tâche: the activité's tâches ended
        return False
    text = tache.group("libelle") if tache is not None else None
    state.activite.taches.append(text or unit.text.strip())
    return True


def activite_competence(state: State, comp: DCompetence) -> None:
    """The compétence stated under an activité of the bloc: linked to it, and
    what follows (conditions, savoirs, critères) is that compétence's."""
    activite = state.activite
    if activite is None or activite.code is None:
        return
    if activite.code not in comp.activites:
        comp.activites.append(activite.code)
    comp.from_list = False
    state.competence = comp
    state.competence_headed = True
