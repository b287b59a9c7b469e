"""Stage ``other-certification``: a later title naming another certification.

An accord creating several certifications prints their annexes one after the
other ("Annexe 1 - Référentiels … pour le CQP administrateur/trice des ventes",
then "Annexe 2 - Référentiels … pour le CQP vendeur/deuse itinérant(e)"). An
excerpt may end on the next annex's head. When a heading after the document's
own title reads, by the same title rules, as a certification of the same family
under another name, what follows it is that certification's content, not this
one's: the units from it on lie in no part of this référentiel (section
``other``; they are reported unplaced, never read as its activités).
"""

from __future__ import annotations

from ..docmodel import Kind
from ..textclean import fold
from .draft import Context, Unit
from .titlehits import clean_title, hit_family, hit_intitule, title_hits

_TITLE_MAX = 250  # characters: a title is one short line


def other_certification(ctx: Context) -> None:
    """Set the units from another certification's title on outside every part."""
    own, family = ctx.draft.intitule, (ctx.draft.type or "").upper()
    if not own or not family:
        return
    seen = False  # the document's own title was met
    for index, unit in enumerate(ctx.units):
        named = _title_named(ctx, unit, family)
        if named is None:
            continue
        if _same(named, own):
            seen = True
        elif seen:
            for later in ctx.units[index:]:
                later.section, later.starts_section = "other", None
            return


def _title_named(ctx: Context, unit: Unit, family: str) -> str | None:
    """The name a heading gives a certification of ``family``, if it names one."""
    if unit.table is not None or len(unit.text) > _TITLE_MAX:
        return None
    if unit.kind is not Kind.HEADING and not unit.bold:
        return None
    for hit in title_hits(ctx, clean_title(unit.text)):
        if hit_family(hit) == family and (named := hit_intitule(ctx, hit)):
            return named
    return None


def _same(one: str, other: str) -> bool:
    """Whether two names are the same certification's (one may hold the other)."""
    a, b = fold(one), fold(other)
    return a in b or b in a
