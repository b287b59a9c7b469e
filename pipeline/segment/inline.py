"""Lines that run their content in after a label ("Modalités : A OU B",
"Savoirs associés : S1 …, S2 …", "Compétence : …", "Critère 1.2 : …"): each
reader adds what the line states to the current bloc and says whether it did."""

from __future__ import annotations

from dataclasses import replace

from ..hyphens import FRENCH, join_wrapped
from ..textclean import capitalise, label_text
from .blocactivites import activite_competence
from .content import add_competence, add_critere, add_modalites
from .draft import Context, Unit, runs_on
from .state import State


def _run_in_parts(
    ctx: Context, state: State, unit: Unit, label: str, separator: str
) -> list[str] | None:
    """The text run in after a ``label`` rule's match, split by the ``separator``
    rules; None when the unit is not such a line inside a bloc."""
    if state.bloc is None or unit.is_item:
        return None
    hit = ctx.rules.first(label, unit.text)
    if hit is None:
        return None
    parts = [hit.group("rest") or ""]
    for rule in ctx.rules.labelled(separator):
        parts = [piece for part in parts for piece in rule.regex.split(part)]
    return parts


def inline_modalites(ctx: Context, state: State, unit: Unit) -> bool:
    """A modality printed on one line after its label ("<unit> – Modalités : A
    OU B", "Situation d'évaluation : …"): each alternative is a modality of
    the current bloc, the label dropped."""
    parts = _run_in_parts(ctx, state, unit, "modalite-inline", "modalite-alternative")
    if parts is None or state.bloc is None:
        return False
    texts = [capitalise(part.strip()) for part in parts if part.strip()]
    add_modalites(ctx, state.bloc, [replace(unit, text=text) for text in texts])
    return True


def inline_connaissances(ctx: Context, state: State, unit: Unit) -> bool:
    """Knowledge run in after its label ("Savoirs associés : S1 …, S2 …"):
    one connaissance of the current bloc per item, item codes dropped."""
    parts = _run_in_parts(ctx, state, unit, "connaissances-inline", "connaissances-separator")
    if parts is None or state.bloc is None:
        return False
    for part in parts:
        text = part.strip().rstrip(" .;,")
        coded = ctx.rules.first("connaissances-code", text)
        text = (coded.group("rest") or "").strip() if coded is not None else text
        if text:
            state.bloc.connaissances.append(text)
    return True


def inline_competence(ctx: Context, state: State, unit: Unit, following: list[Unit]) -> int | None:
    """A compétence stated after its label ("Compétence : …"): a compétence of
    the current bloc, its statement going on in the next paragraph when it
    runs on in lower case ("Compétence. Dans toute situation d'urgence,
    assurer" / "les gestes adaptés …"); the compétences zone goes on after it.
    How many following units it took; None when ``unit`` is no such line."""
    if state.bloc is None or unit.is_item:
        return None
    hit = ctx.rules.first("competence-inline", unit.text)
    if hit is None:
        return None
    text = label_text(hit.group("rest") or "")
    used = int(bool(following) and runs_on(text, following[0]))
    if used:
        text = label_text(join_wrapped(text, following[0].text, FRENCH))
    comp = add_competence(
        ctx, state.bloc, replace(unit, text=text), state.source, from_list=True, rule=hit.rule.id
    )
    state.enter("competences")
    state.zone_filled = True
    if comp is not None:
        activite_competence(state, comp)  # the compétence of a BTS activité
    return used


def inline_critere(ctx: Context, state: State, unit: Unit) -> bool:
    """A numbered critère run in after its label ("Critère 1.2 : …", linked to
    the compétence its number names) and its "Indicateur : …" lines."""
    if state.bloc is None or unit.is_item:
        return False
    hit = ctx.rules.first("critere-inline", unit.text)
    if hit is not None:
        code = " ".join((hit.group("code") or "").split())
        state.critere = add_critere(
            state.bloc,
            unit,
            (hit.group("rest") or "").strip(),
            [],
            hit.rule.id,
            link_codes=[code] if code else list(state.link_codes or []),
        )
        state.critere_from_paragraph = True
        state.enter("criteres")
        return True
    hit = ctx.rules.first("indicateur-inline", unit.text)
    if hit is not None and state.critere is not None:
        state.critere.indicateurs.append((hit.group("rest") or "").strip())
        return True
    return False
