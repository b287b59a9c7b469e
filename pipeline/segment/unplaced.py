"""Stage ``unplaced``: text no element took is a warning, never silently lost.

Every unit of the stream (and every cell line of a role table) whose text is
found in no extracted element, and that is no structural cue (a heading the
outline or the rules read, a zone label), is reported as ``UNPLACED_TEXT`` with
its page and line — a reviewer sees at once what the extractor left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..docmodel import Kind
from .draft import Context, Draft, Unit, flat_units, norm_text
from .state import is_bloc_heading, is_cue

_WORD = re.compile(r"[^\W\d_]{3,}")
_STRUCTURAL = (
    "section",
    "title",
    "title-label",
    "description",
    "document-part",
    "modalite-separator",
)


_KNOWN = 0.8  # share of a unit's words found in the elements from which it may be placed
_GRAM = 3  # words in a run an element must print in the same order
_LOST = 4  # consecutive words no element prints that make a unit unplaced


@dataclass(frozen=True)
class _Elements:
    """The extracted text, and the runs of ``_GRAM`` words its strings print."""

    text: str
    words: frozenset[str]
    grams: frozenset[tuple[str, ...]]


def unplaced(ctx: Context) -> None:
    """Warn about every unit whose text no element holds."""
    text = _placed_text(ctx.draft)
    grams = frozenset(g for line in text.split("\n") for g in _grams(_WORD.findall(line)))
    elements = _Elements(text, frozenset(_WORD.findall(text)), grams)
    for unit in flat_units(ctx, whole_cells=True):
        if not _WORD.search(unit.text) or _structural(ctx, unit):
            continue
        if _lost(_fold(unit.text), elements):
            ctx.warn(
                "UNPLACED_TEXT", f"text not attributed: {unit.text[:80]!r}", unit.page, unit.line
            )


def _lost(text: str, elements: _Elements) -> bool:
    """Whether the text did not reach an element. An element may print a unit
    without its code, joined to the next line or split into items, so a unit
    is placed when an element holds it whole, or when most of its words are
    in elements and every run of ``_LOST`` of them is printed, ``_GRAM``
    words in order, by an element, as are more than half of its words: a
    sentence dropped from a unit whose other sentences were kept is still
    reported, and so is a short line sharing a few words with a sibling."""
    if text in elements.text:
        return False
    words = _WORD.findall(text)
    if len(elements.words.intersection(words)) < _KNOWN * len(set(words)):
        return True
    if len(words) < _GRAM:
        return False
    covered = [False] * len(words)
    for start, gram in enumerate(_grams(words)):
        if gram in elements.grams:
            covered[start : start + _GRAM] = [True] * _GRAM
    if 2 * sum(covered) <= len(words):
        return True
    run = 0
    for done in covered:
        run = 0 if done else run + 1
        if run >= min(_LOST, len(words)):
            return True
    return False


def _grams(words: list[str]) -> list[tuple[str, ...]]:
    return [tuple(words[i : i + _GRAM]) for i in range(len(words) - _GRAM + 1)]


def _structural(ctx: Context, unit: Unit) -> bool:
    """A heading, cue or label: it says where things are, it is no content."""
    if unit.kind is Kind.HEADING or id(unit) in ctx.outline.references or id(unit) in ctx.crossrefs:
        return True
    if is_cue(ctx, unit) or is_bloc_heading(ctx, unit.text):
        return True
    if any(ctx.rules.first(label, unit.text) for label in _STRUCTURAL):
        return True
    return ctx.rules.first("column", unit.text) is not None and len(unit.text) < 60


def _placed_text(draft: Draft) -> str:
    """Every extracted string, folded, in one text to search."""
    parts = [draft.intitule or "", draft.description or ""]
    for act in draft.activites:
        parts += [act.libelle, *act.taches]
    for bloc in draft.blocs:
        parts += [bloc.code or "", bloc.libelle, *bloc.connaissances, *bloc.modalites]
        parts += bloc.conditions
        parts += bloc.modalites_details
        parts += bloc.situations
        parts += [f"{label}\n{name}" for label, name in bloc.niveaux]
        for comp in bloc.competences:
            parts += [comp.libelle, *comp.connaissances, *comp.conditions, *comp.resultats]
            parts += comp.details
            parts += [code for code, _ in comp.codes]
        for crit in bloc.criteres:
            parts += [crit.libelle, *crit.indicateurs]
    for comp in draft.transversales:
        parts += [comp.libelle, *comp.connaissances]
    return "\n".join(_fold(p) for p in parts)


def _fold(text: str) -> str:
    return norm_text(text).strip(" .;:,-–•")
