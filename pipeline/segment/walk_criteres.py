"""Critère lines of the stream walk (:mod:`.walk`), in a bloc's critères zone.

Each line states a critère of the bloc, linked to the compétence it judges; the
lines a critère leads in (items after its colon, the one paragraph under a
label line ending with a colon, bullets whose glyph was lost,
an item nested under a coded compétence's item) are its indicateurs, or the
critère itself of that compétence.
"""

from __future__ import annotations

from ..docmodel import BBox
from ..nlp import classify, is_result
from ..textclean import ends_lead_in, ends_sentence, label_text
from .content import add_critere
from .draft import Context, DCritere, Unit
from .leadins import heads_items, sibling_lead_in
from .numbering import Numbered, numbered
from .state import State


def nested_critere(state: State, unit: Unit) -> bool:
    """An item nested under the item of a coded compétence, with no label of
    its own, is a critère of that compétence."""
    parent = state.competence_item_level
    if parent is None or not unit.is_item or unit.level <= parent:
        return False
    assert state.bloc is not None and state.competence is not None
    state.critere = add_critere(
        state.bloc, unit, unit.text, [], "stream.nested-critere", competences=[state.competence]
    )
    return True


def critere_line(ctx: Context, state: State, unit: Unit) -> None:
    bloc = state.bloc
    assert bloc is not None
    listed = _list_number(unit)
    below = _below_open(state, listed)
    if below == "sub":
        assert state.critere is not None and listed is not None
        state.critere.indicateurs.append(listed.title)  # "2.1 …" under "2. …": number dropped
        return
    if unit.is_item and state.critere is not None and state.critere_from_paragraph:
        state.critere.indicateurs.append(unit.text)
        return
    if _observes_lead_in(ctx, state, unit) or _labelled_paragraph(state, unit):
        assert state.critere is not None
        state.critere.indicateurs.append(unit.text)
        return
    open_critere = state.critere
    sibling = sibling_lead_in(state, unit)
    unlabeled = (
        not unit.is_item and open_critere is not None and ctx.options.use_nlp and not sibling
    )
    # a critère stated as a full sentence of its own heads no indicateurs (the
    # next sentence is a sibling critère) unless indicateurs already follow it
    heads = open_critere is not None and (
        bool(open_critere.indicateurs) or not ends_sentence(open_critere.libelle)
    )
    if (
        open_critere is not None
        and below != "next"  # "2. Langue" after "1. Présence": the list's next critère
        and unlabeled
        and heads
        and not _aligned(open_critere.where.bbox, unit.bbox)
        and classify(unit.text) == "indicateur"
    ):
        open_critere.indicateurs.append(unit.text)  # a bullet whose glyph was lost
        return
    comp = state.competence
    comps = [comp] if comp is not None and not comp.from_list and not state.link_codes else []
    text = unit.text
    hit = numbered(text) if sibling or heads_items(state, unit) else None
    if hit is not None and not (hit.word or hit.roman or hit.lettered) and hit.title:
        text = hit.title  # "1. Prise en compte … :" leading its items: the number is a list's
    elif listed is not None and len(listed.number) == 1:
        text = listed.title  # "1. Présence": a paragraph numbered as a list's item
    state.critere = add_critere(
        bloc,
        unit,
        label_text(text),
        [],
        "stream.critere",
        comps,
        list(state.link_codes or []),
    )
    state.critere_from_paragraph = not unit.is_item
    state.critere_number = (state.critere, listed.number) if listed is not None else None
    state.critere_lead_in = ends_lead_in(unit.text)


def _list_number(unit: Unit) -> Numbered | None:
    """The bare list number ("2.", "2.1") a paragraph opens with, and its title."""
    if unit.is_item:
        return None
    hit = numbered(unit.text)
    if hit is None or hit.word or hit.roman or hit.lettered or not hit.title:
        return None
    return hit


def _below_open(state: State, listed: Numbered | None) -> str | None:
    """How a numbered paragraph stands to the open critère's list number:
    ``sub`` when it extends it ("2.1" under "2. Adaptation au destinataire":
    one of its indicateurs), ``next`` when it follows it ("2." after "1.": the
    next critère), else None."""
    if listed is None or state.critere_number is None:
        return None
    owner, number = state.critere_number
    if owner is not state.critere:
        return None
    if len(listed.number) == len(number) + 1 and listed.number[:-1] == number:
        return "sub"
    if listed.number[:-1] == number[:-1] and listed.number[-1] == number[-1] + 1:
        return "next"
    return None


def _observes_lead_in(ctx: Context, state: State, unit: Unit) -> bool:
    """An item after a critère item ending with a colon ("- les soins sont
    adaptés à :" / "- son âge ;"), at the same level, is what that critère
    observes — its indicateur — unless it states a result of its own (a
    subject and a conjugated verb) or leads in a list itself: a sibling
    critère, which closes the lead-in."""
    if not (unit.is_item and state.critere is not None and state.critere_lead_in):
        return False
    if ends_lead_in(unit.text) or (ctx.options.use_nlp and is_result(unit.text)):
        state.critere_lead_in = False
        return False
    return True


_LABEL_MAX = 90  # characters: a label line over its paragraph
_PARAGRAPH_MIN = 80  # characters: the paragraph a label names


def _labelled_paragraph(state: State, unit: Unit) -> bool:
    """A paragraph under a short critère label ending with a colon, itself a
    paragraph ("Démarche d'analyse des besoins :" over "Capacité à mener …"): what
    the label observes, its one indicateur; the lead-in is then closed. Once the
    document has printed such pairs, a label line ending on no punctuation at
    all ("Suivi des stocks" over "Capacité à …") is one too: the document's
    convention, its colon left out."""
    open_critere = state.critere
    if (
        unit.is_item
        or open_critere is None
        or not state.critere_from_paragraph
        or not (state.critere_lead_in or (state.labelled_criteres and _bare(open_critere)))
        or open_critere.indicateurs
    ):
        return False
    label = open_critere.libelle
    longer = len(unit.text) >= 2 * len(label) or _more_lines(open_critere.where.bbox, unit.bbox)
    if len(label) > _LABEL_MAX or len(unit.text) < _PARAGRAPH_MIN or not longer:
        return False
    if ends_lead_in(unit.text):
        return False
    state.labelled_criteres = state.labelled_criteres or state.critere_lead_in
    state.critere_lead_in = False
    return True


def _more_lines(label: BBox | None, paragraph: BBox | None) -> bool:
    """Whether the paragraph runs over more lines than its label (taller by
    half again; unknown without boxes)."""
    if label is None or paragraph is None:
        return False
    return paragraph.bottom - paragraph.top > 1.5 * (label.bottom - label.top)


def _bare(critere: DCritere) -> bool:
    """Whether a critère's label ends on a word, no punctuation after it."""
    return critere.libelle.rstrip()[-1:].isalnum()


_SAME_INDENT = 3.0  # points: lines starting this close are printed at one level


def _aligned(above: BBox | None, below: BBox | None) -> bool:
    """Whether two lines start at the same indent on the page: siblings, not a
    line and its sub-item (unknown without boxes)."""
    return above is not None and below is not None and abs(above.x0 - below.x0) <= _SAME_INDENT
