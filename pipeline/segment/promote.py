"""Stage ``units``-as-blocs: a document that prints no bloc level.

A compétences table read before any bloc puts its rows in one unnamed bloc
(:data:`.content.IMPLICIT_BLOC`). When that bloc is the document's only one and
each of its compétences carries critères of its own (a "Compétences |
Indicateurs" grid), the compétences are the document's top-level units: the
blocs (contract, "No bloc level"), each keeping its critères, which judge the
whole unit.
"""

from __future__ import annotations

from .content import is_implicit
from .draft import Context, DBloc, Where

RULE = "table.competence-unit"


def units_as_blocs(ctx: Context) -> None:
    """Turn the lone unnamed bloc's compétences into blocs when each has its critères."""
    if len(ctx.draft.blocs) != 1 or not is_implicit(ctx.draft.blocs[0]):
        return
    bloc = ctx.draft.blocs[0]
    competences = [c for c in bloc.competences if c.merged_into is None]
    if len(competences) < 2 or bloc.connaissances or bloc.modalites:
        return
    if any(len(k.competences) != 1 for k in bloc.criteres):
        return  # a critère of no or several compétences: not one grid row per unit
    owned = {id(c): [k for k in bloc.criteres if k.competences[0] is c] for c in competences}
    if any(not found for found in owned.values()):
        return
    made = []
    for comp in competences:
        code = comp.codes[0][0] if comp.codes else None
        unit = DBloc(code, comp.libelle, Where(comp.where.page, comp.where.line, RULE))
        for critere in owned[id(comp)]:
            critere.competences = []
            unit.criteres.append(critere)
        made.append(unit)
    ctx.draft.blocs[:] = made
