"""Stage ``unplaced``: text no element took is a warning, never silently lost.

Every unit of the stream (and every cell line of a role table) whose text is
found in no extracted element, and that is no structural cue (a heading the
outline or the rules read, a zone label), is reported as ``UNPLACED_TEXT`` with
its page and line — a reviewer sees at once what the extractor left out.
"""

from __future__ import annotations

import re

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


_KNOWN = 0.8  # share of a unit's words found in the elements from which it counts as placed


def unplaced(ctx: Context) -> None:
    """Warn about every unit whose text no element holds."""
    placed = _placed_text(ctx.draft)
    words = set(_WORD.findall(placed))
    for unit in flat_units(ctx, whole_cells=True):
        if not _WORD.search(unit.text) or _structural(ctx, unit):
            continue
        if not _placed(_fold(unit.text), placed, words):
            ctx.warn(
                "UNPLACED_TEXT", f"text not attributed: {unit.text[:80]!r}", unit.page, unit.line
            )


def _placed(text: str, placed: str, words: set[str]) -> bool:
    """Whether an element holds the text: as it is, or most of its words (an
    element may print it without its code, joined to the next line or split)."""
    if text in placed:
        return True
    own = set(_WORD.findall(text))
    return bool(own) and len(own & words) >= _KNOWN * len(own)


def _structural(ctx: Context, unit: Unit) -> bool:
    """A heading, cue or label: it says where things are, it is no content."""
    if unit.kind is Kind.HEADING or id(unit) in ctx.outline.references:
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
