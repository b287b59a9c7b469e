"""Stage ``taxonomy``: a taxonomy level printed after each compétence or
savoir is no wording.

Swiss VET plans de formation print the level of Bloom's taxonomy (C1–C6) after
every objectif évaluateur: "Ils analysent le contexte du système. (C4)". When most
compétences of the document end with such a level (``taxonomy-level`` rules), it
leaves the libellé for the compétence's ``taxonomie`` (the extra field
``niveau_taxonomique``, in capitals); a lone parenthesis that merely names
another code is left alone.

Éducation nationale BTS référentiels print the taxonomic level of each savoir
associé ("Niveau 2", levels 1–4) in a column beside it; read with the savoir,
the level lands at the end of its line or inside a wrapped one ("… registre de
langage, Niveau 2 discours expert"), or as a line of its own. When most
connaissances of a list carry one (``savoir-level`` rules), the levels go.
"""

from __future__ import annotations

from ..rules import RuleSet
from .draft import Context, DCompetence

_SHARE = 0.5  # share of the compétences that must end with a level
_LEAST = 3  # and at least this many: a series, not a chance ending


def taxonomy(ctx: Context) -> None:
    """Move the trailing taxonomy level of every compétence to ``taxonomie``;
    take the savoirs' levels out of their connaissances."""
    savoir_levels(ctx)
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


def savoir_levels(ctx: Context) -> None:
    """Take the savoirs' printed levels out of every list of connaissances that
    carries one on most of its items."""
    for bloc in ctx.draft.blocs:
        bloc.connaissances[:] = without_levels(ctx.rules, bloc.connaissances)
        for comp in bloc.competences:
            comp.connaissances[:] = without_levels(ctx.rules, comp.connaissances)


def without_levels(rules: RuleSet, items: list[str]) -> list[str]:
    """``items`` without their level words, a level alone on its line dropped —
    when at least half of them (and a series: three) carry one; else as they are."""
    stripped = [_strip_level(rules, item) for item in items]
    if sum(s != i for s, i in zip(stripped, items, strict=True)) < max(_LEAST, _SHARE * len(items)):
        return items
    return [s for s in stripped if s]


def _strip_level(rules: RuleSet, text: str) -> str:
    """``text`` without the level words it holds, single-spaced."""
    while (hit := rules.first("savoir-level", text)) is not None:
        text = f"{text[: hit.match.start()]} {text[hit.match.end() :]}".strip()
        text = " ".join(text.split())
    return text
