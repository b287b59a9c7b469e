"""Compétence lines of the stream walk (:mod:`.walk`), in a bloc's compétences zone.

A line of the zone states a compétence of the bloc — an item, a coded line, an
action statement — unless it is a sub-heading, a composante, a topic of the
unit, a result observed (a critère) or a fiche's title naming a compétence
listed before (what follows is that compétence's).
"""

from __future__ import annotations

from ..nlp import is_action, is_result, is_task, looks_infinitive
from ..textclean import ends_lead_in, is_aside, label_text
from .codehead import code_head
from .content import (
    add_competence,
    add_composante,
    add_critere,
    competence_code,
    find_competence,
    is_composante,
)
from .draft import Context, DBloc, DCompetence, Unit, code_key
from .levelrows import in_level_row
from .numbered_leadins import follows, is_detail, list_number, pending_parent
from .objectives import note_objective, objectives_cue
from .outline_prose import uncoded_prose
from .restarts import label_number
from .state import State
from .walk_criteres import nested_critere


def competence_line(ctx: Context, state: State, unit: Unit) -> None:
    """A line inside the open bloc: a compétence of it, a critère, a head or a
    label of its lists, or nothing of the unit's own."""
    bloc = state.bloc
    assert bloc is not None
    text = unit.text
    if nested_critere(state, unit):
        return
    headed = code_head(ctx, state, unit)
    if headed is not None:
        if headed.text:
            competence_line(ctx, state, headed)  # the first item glued to the head
        return
    if is_detail(state, unit):
        return  # "- en fonction de …" under "6. Produire un message oral :"
    state.details_of = None
    if objectives_cue(ctx, state, unit):
        return  # "Objectifs :", "Compétences attendues … :": labels of the unit's lists
    number = list_number(unit)
    if is_composante(ctx, label_text(text)):
        add_composante(ctx, bloc, unit, label_text(text))
        return
    lettered = ctx.rules.first("code-competence", text) is not None
    if unit.heading_like and not unit.is_item and not lettered and _known_head(ctx, state, unit):
        return
    if ends_lead_in(text) and number is not None:
        _numbered_lead_in(ctx, state, unit, number)
        return
    if ends_lead_in(text) or (unit.heading_like and not unit.is_item and not lettered):
        return  # a sub-heading, unless it states a coded compétence ("C1.1 – …")
    if not unit.is_item and ctx.rules.first("title", text):
        return  # the document's title repeated as a running header
    if not unit.is_item and is_aside(text):
        return  # a parenthesis alone qualifies the line before it ("(préciser …)")
    coded = (
        competence_code(ctx, text) is not None or ctx.rules.first("code-letter", text) is not None
    )
    if not unit.is_item and not coded and state.heading_named:
        return  # the compétence's statement under its coded heading
    if unit.is_item and not coded and state.code_headed and state.competence is not None:
        # an item under a compétence's code head ("C1 :"): a critère of it
        state.critere = add_critere(
            bloc, unit, label_text(text), [], "stream.code-head-critere", [state.competence]
        )
        return
    if unit.scored and not coded and ctx.options.use_nlp and is_result(text):
        # a grid row's statement scored beside it ("… sont vérifiées" | 0 | 1 | 3 | 5):
        # a result judged, a critère (as a result stated as an item, below)
        state.critere = add_critere(bloc, unit, label_text(text), [], "stream.result-critere")
        state.critere_from_paragraph = False
        return
    if uncoded_prose(ctx, state, unit, coded):
        return  # the outline codes the compétences: an uncoded paragraph states none
    plain = not (unit.is_item or coded or not ctx.options.use_nlp or is_action(text))
    if plain and not in_level_row(state.level_labels, unit):
        return  # no ability, unless set in a B.U.T. level's row (a noun phrase)
    if (
        not unit.is_item
        and ctx.options.use_nlp
        and _numbered_topic(ctx, text)
        and not (number is not None and _next_action(ctx, state, number, text))
    ):
        return  # "1 - Evaluation de …": a numbered sub-heading over the items
    topics = state.topics
    if unit.is_item and not coded and not state.zone_cued and topics and topics.holds(unit):
        bloc.connaissances.append(label_text(text))  # a topic of the unit, no ability
        return
    if unit.is_item and not coded and ctx.options.use_nlp and is_task(text):
        return  # what the holder does ("ils définissent …"): the work described, no ability
    if unit.is_item and not coded and ctx.options.use_nlp and is_result(text):
        # a result stated as observed ("… est fiable", "… sont respectées"): how
        # the unit's performance is judged, no ability (contract, health diplomas)
        state.critere = add_critere(bloc, unit, label_text(text), [], "stream.result-critere")
        state.critere_from_paragraph = False
        return
    parent = pending_parent(state, number)
    if parent is not None:  # "1. Rechercher, c'est-à-dire :" over this "1.1 …"
        _add(ctx, state, parent, coded=True)
    _add(ctx, state, unit, coded=coded)
    state.ability_number = number


def _add(ctx: Context, state: State, unit: Unit, coded: bool) -> DCompetence | None:
    """The compétence ``unit`` states, made the open one."""
    assert state.bloc is not None
    known = len(state.bloc.competences)
    comp = add_competence(
        ctx,
        state.bloc,
        unit,
        state.source,
        from_list=unit.is_item or not coded,
        rule="stream.competence-line",
        letter=True,
    )
    if comp is not None and id(unit) in ctx.outline.items:
        comp.codes.append((str(label_number(unit)), state.source))  # its number in its unit
    if comp is not None and len(state.bloc.competences) > known:
        note_objective(state, comp)
    if comp is not None:
        state.competence = comp
        state.competence_headed = state.code_headed = state.heading_named = False
        state.critere = None
        state.competence_item_level = unit.level if unit.is_item and coded else None
    return comp


def _numbered_lead_in(ctx: Context, state: State, unit: Unit, number: tuple[int, ...]) -> None:
    """A numbered lead-in: an ability when its number follows the last
    ability's (its unnumbered items are then its details); else held until
    the next line shows whether it extends its number (:mod:`.numbered_leadins`)."""
    if follows(state, number):
        state.details_of = _add(ctx, state, unit, coded=True)
        state.ability_number = number
    else:
        state.held_lead_in = (unit, number)


def _next_action(ctx: Context, state: State, number: tuple[int, ...], text: str) -> bool:
    """The next item of a numbered series of abilities (1.3 → 1.4) opening on a
    word spelt as an infinitive: one more ability like its siblings, whatever
    the model tags its first word ("1.4 Fixer l'ordre …" after "1.3 Réduire …")."""
    if state.competence is None or not follows(state, number):
        return False
    hit = ctx.rules.first("code-numeric", text)
    return hit is not None and looks_infinitive(hit.group("libelle") or "")


def _numbered_topic(ctx: Context, text: str) -> bool:
    """A line numbered by the outline alone ("1 - …", no compétence code)
    whose title states no action: a topic heading, not an ability."""
    if ctx.rules.first("code-competence", text) is not None:
        return False
    hit = ctx.rules.first("code-numeric", text)
    return hit is not None and not is_action(hit.group("libelle") or "")


def _known_head(ctx: Context, state: State, unit: Unit) -> bool:
    """A fiche's title line naming a compétence listed before (True: read): what
    follows (critères, connaissances) is that compétence's."""
    bloc = state.bloc
    assert bloc is not None
    text = unit.text
    known = find_competence(ctx, label_text(text), bloc) or _coded_known(ctx, bloc, text)
    if known is None:
        return False
    state.competence = known
    state.competence_headed = True
    # coded ("1.1. Communiquer" after a summary listing it): a compétence
    # head, its uncoded items below are its critères, as under "C1 :"
    state.code_headed = state.heading_named = competence_code(ctx, text) is not None
    state.competence_item_level = None
    state.critere = None
    return True


def _coded_known(ctx: Context, bloc: DBloc, text: str) -> DCompetence | None:
    """The compétence listed before under the code a heading prints, in this
    unit (a summary's "1.4. Agir …" worded otherwise than the body's heading),
    titled as the heading words it: the unit's own section titles it."""
    hit = competence_code(ctx, text)
    code = hit.group("code") if hit is not None else None
    if hit is None or not code:
        return None
    key, unit = code_key(code), code_key(bloc.code) if bloc.code else None
    for candidate in ctx.draft.blocs:
        same = unit is not None and bool(candidate.code) and code_key(candidate.code or "") == unit
        if candidate is not bloc and not same:
            continue
        for comp in candidate.competences:
            if any(code_key(printed) == key for printed, _ in comp.codes):
                comp.libelle = label_text(hit.group("libelle") or comp.libelle)
                return comp
    return None
