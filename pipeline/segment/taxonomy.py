"""Stage ``taxonomy``: a taxonomy level printed after each compétence is no wording.

Swiss VET plans de formation print the level of Bloom's taxonomy (C1–C6) after
every objectif évaluateur: "Ils analysent le contexte du système. (C4)". When most
compétences of the document end with such a level (``taxonomy-level`` rules), it
leaves the libellé for the compétence's ``taxonomie`` (the extra field
``niveau_taxonomique``, in capitals); a lone parenthesis that merely names
another code is left alone.
"""

from __future__ import annotations

from .draft import Context, DCompetence

_SHARE = 0.5  # share of the compétences that must end with a level
_LEAST = 3  # and at least this many: a series, not a chance ending


def taxonomy(ctx: Context) -> None:
    """Move the trailing taxonomy level of every compétence to ``taxonomie``."""
    competences = [c for b in ctx.draft.blocs for c in b.competences] + ctx.draft.transversales
    found: list[tuple[DCompetence, int, str]] = []
    for comp in competences:
        hit = ctx.rules.first("taxonomy-level", comp.libelle)
        level = hit.group("niveau") if hit is not None else None
        if hit is not None and level:
            found.append((comp, hit.match.start(), level.upper()))
    if len(found) < max(_LEAST, _SHARE * len(competences)):
        return
    for comp, start, level in found:
        comp.libelle = comp.libelle[:start].rstrip()
        comp.taxonomie = level
