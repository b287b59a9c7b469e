"""Zone cues of the stream walk (:mod:`.walk`): what the following lines are.

A cue ("Modalités d'évaluation", "Critères d'évaluation", "Connaissances
associées", "Être capable de :", … rules labelled ``zone``) switches the
current bloc's zone; a general modalités section, or the épreuves of the whole
certification, belongs to no bloc. A heading as high as the bloc's own that is
no cue and no compétence starts a section outside the bloc.
"""

from __future__ import annotations

from ..docmodel import Kind
from ..textclean import ends_lead_in, is_upper
from .draft import Context, DBloc, Unit
from .state import State

_CONTENTS = "zone.contenus"  # a training unit's contents: a bare label only as a table row's


def zone_cue(ctx: Context, state: State, unit: Unit) -> bool:
    """Switch zone on a cue; a general "MODALITÉS D'ÉVALUATION" section (caps,
    numbered or a heading as high as the bloc's) closes the bloc instead."""
    if len(unit.text) > 160 or unit.is_item:
        return False
    hit = ctx.rules.first("zone", unit.text)
    if hit is None or (hit.rule.id == _CONTENTS and unit.cell is None):
        return False  # a bare « Contenu » in running text: an épreuve's description follows
    zone = hit.rule.value
    if zone == "epreuves" and state.bloc is None:
        state.whole_modalites = True  # the épreuves of the whole certification
        return True
    if zone == "epreuves":
        zone = "modalites"
    if zone == "transversales":
        # named in a bloc's own fiche, before the fiches of its compétences: that
        # bloc's transversal compétences (a later section is the whole title's)
        fiche = state.bloc if not state.competence_headed else None
        state.close()
        state.enter(zone)
        state.transversales = True
        state.transversales_of = fiche
        return True
    if zone == "modalites" and _general(ctx, state.bloc, unit):
        state.close()
        state.modalites_section = True
        state.modalites_number = _number(ctx, unit.text)
        return True
    state.enter(zone)
    state.zone_cued = True
    state.label_cell = unit.cell if unit.row_label else None
    if zone == "criteres":
        state.critere = None
    return True


def label_rows_end(state: State, unit: Unit) -> bool:
    """Whether ``unit`` is the next row's label in a layout table whose row
    label cued the zone ("Contenu" over its rows, then "Matériels …"): the
    zone held by that label ends there (the rows it spans are its own)."""
    if state.label_cell is None or not unit.row_label or unit.cell == state.label_cell:
        return False
    state.enter(None)
    return True


def section_ends(ctx: Context, state: State, unit: Unit) -> bool:
    """Whether ``unit`` is the next heading of the numbering series after a
    numbered general modalités section ("3. …" after "2. Modalités
    d'évaluation", "2.3" or "3." after "2.2"): the section, and the bloc it
    named again, end there."""
    number = state.modalites_number
    if not state.modalites_section or number is None or unit.is_item or len(unit.text) > 160:
        return False
    found = _number(ctx, unit.text)
    if found is None or len(found) > len(number):
        return False
    depth = len(found) - 1
    return found[:depth] == number[:depth] and found[depth] == number[depth] + 1


def _number(ctx: Context, text: str) -> tuple[int, ...] | None:
    """The parts of the decimal number a line opens with ("2.3." → (2, 3))."""
    hit = ctx.rules.first("code-numeric", text)
    if hit is None:
        return None
    return tuple(int(part) for part in (hit.group("code") or "").split(".") if part)


def closes_bloc(ctx: Context, state: State, unit: Unit) -> bool:
    """A heading that is no cue and no compétence, as high as the bloc's own
    heading (or any heading after a bloc opened by a bold line), starts a
    section outside the bloc ("Secteurs d'activités" after the last bloc); the
    unit's duration printed as a heading ("Durée : 75 heures") is a field of it."""
    bloc = state.bloc
    if (
        bloc is None
        or unit.kind is not Kind.HEADING
        or ctx.rules.first("code-competence", unit.text)
        or ctx.rules.first("duration-field", unit.text)
    ):
        return False
    return bloc.heading_level is None or unit.level <= bloc.heading_level


def _general(ctx: Context, bloc: DBloc | None, unit: Unit) -> bool:
    """A modalités cue that heads a section of its own, outside the bloc: a
    heading as high as the bloc's, numbered, or in capitals — unless it is a
    label ending with a colon, the value on the lines below (a form's
    "TYPE D'EVALUATION :" under its "Module 1")."""
    if bloc is None:
        return True
    if is_upper(unit.text) and not ends_lead_in(unit.text):
        return True
    if ctx.rules.first("code-numeric", unit.text):
        return True
    return (
        unit.kind is Kind.HEADING
        and bloc.heading_level is not None
        and unit.level <= bloc.heading_level
    )
