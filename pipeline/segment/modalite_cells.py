"""The modalities a modalités cell prints, its paragraphs joined where one goes on.

A grid's modalités cell sets a modality over several paragraphs: a label line
over its description ("Questionnaire à visée professionnelle" / "Le candidat
répond …"), a name broken before its acronym ("Cas pratique" / "CCF"), a
duration under the study it times ("… foncier" / "Durée de 4 heures"). A
paragraph that ends no sentence, or a lead-in ending on a colon over no list
("Compétences :" over "A2 C1 à A2 C2 :"), is no modality of its own: the next paragraph
of the same cell, set right under it with no more space than between two of
its lines, goes on with it, whatever its case (a reader without layout, or
paragraphs set apart, keep them apart). Never across a list item,
an "OU" between alternatives, or a practical field ("Lieu de l'évaluation :",
a bare "Durée :" among such fields: :func:`duration_field`), which are the
modality's details (:func:`~referentiel.segment.content.add_modalites`).
"""

from __future__ import annotations

from ..docmodel import Kind
from ..rules import Hit
from ..textclean import TYPED_BULLETS, ends_lead_in, ends_sentence
from .draft import Context, Unit, joined

_LEADING = 4.0  # points: the space between two lines of one paragraph, at most


def cell_modalites(ctx: Context, units: list[Unit]) -> list[Unit]:
    """The units of one modalités cell, a paragraph going on in the next one
    joined with it."""
    out: list[Unit] = []
    for index, unit in enumerate(units):
        last = out[-1] if out else None
        if last is not None and _goes_on(ctx, last, unit, units[index + 1 :]):
            out[-1] = joined(last, unit)  # set right under it: the same page
        else:
            out.append(unit)
    return out


def _goes_on(ctx: Context, last: Unit, unit: Unit, following: list[Unit]) -> bool:
    """Whether paragraph ``unit`` goes on with paragraph ``last``, unfinished
    (or a lead-in) and set right above it."""
    return (
        unit.kind is Kind.PARAGRAPH
        and last.kind is Kind.PARAGRAPH
        and _set_under(last, unit)
        and (ends_lead_in(last.text) or not ends_sentence(last.text))
        and not any(u.text.lstrip()[:1] in TYPED_BULLETS for u in (last, unit))
        and not any(_apart(ctx, u.text) for u in (last, unit))
        and ctx.rules.first("modalite-detail", last.text) is None
        and not _opens(ctx.rules.first("modalite-detail", unit.text), unit.text)
        and not _opens(duration_field(ctx, unit.text, following), unit.text)
    )


def _set_under(last: Unit, unit: Unit) -> bool:
    """Whether ``unit`` is printed right under ``last`` on its page, with no
    more space between them than between two lines of a paragraph (layout
    evidence: a text without it, or set apart, is no such continuation)."""
    above, below = last.bbox, unit.bbox
    if above is None or below is None or last.page != unit.page:
        return False
    return 0 <= below.top - above.bottom <= _LEADING


def _apart(ctx: Context, text: str) -> bool:
    """An "OU" between alternatives: no part of either."""
    return ctx.rules.first("modalite-separator", text) is not None


def _opens(hit: Hit | None, text: str) -> bool:
    """Whether a field's ``hit`` opens ``text`` ("Évaluateur : …")."""
    return hit is not None and not text[: hit.match.start()].strip()


def duration_field(ctx: Context, text: str, following: list[Unit]) -> Hit | None:
    """A bare "Durée :" field in ``text`` when the next unit opens with a
    practical field: one of the modality's details like them (the CAFERUIS
    certification prints "Durée : 3 heures." alone, a modality of its own)."""
    if not following or not _opens(
        ctx.rules.first("modalite-detail", following[0].text), following[0].text
    ):
        return None
    return ctx.rules.first("modalite-duration", text)
