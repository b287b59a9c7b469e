"""Stage ``parent-codes``: a compétence whose code its siblings extend is their parent.

A unit's table may print, beside the compétences détaillées it lists
("C2-1 …", "C2-2 …"), the compétence they detail ("C2 | Analyser un
système", on one row of the group). Read line by line, the parent comes out
as one more compétence of the unit. When other compétences of the same bloc
carry codes that extend its code by a hyphen and a number (Éducation
nationale's compétences détaillées "C2-1" under "C2"), the numbering series
says it is the level above them, which the contract has no
place for under a bloc: it is no compétence of its own when nothing was read
into it (no critère, condition, knowledge, result nor detail). Only a parent
the document's outline numbered (its level found by the outline stage) is
one: a table whose header names both levels compétences ("COMPÉTENCES |
COMPÉTENCES OPÉRATIONNELLES") states that both are; so does a dotted
series ("OI 1.1" over "OI 1.1.1": the sport diplomas' objectives at every
depth are compétences, contract).
"""

from __future__ import annotations

import re

from .draft import Context, DBloc, DCompetence

_OUTLINE = "outline.competence"  # provenance of a compétence the outline's numbering read


def parent_codes(ctx: Context) -> None:
    """Drop the bare parents of coded compétences from each bloc."""
    for bloc in ctx.draft.blocs:
        coded = [c.code for c in bloc.competences if c.code]
        parents = [c for c in bloc.competences if _extended(c, coded) and _bare(c, bloc)]
        if parents:
            bloc.competences = [c for c in bloc.competences if all(c is not p for p in parents)]


def _extended(comp: DCompetence, coded: list[str]) -> bool:
    """Whether another compétence's code extends ``comp``'s by a hyphen ("C2" → "C2-1")."""
    code = comp.code
    if not code or not code[-1].isdigit() or comp.where.rule != _OUTLINE:
        return False
    extends = re.compile(re.escape(code) + r"-\d")
    return any(extends.match(other) for other in coded if other != code)


def _bare(comp: DCompetence, bloc: DBloc) -> bool:
    """Whether nothing was read into the compétence."""
    if any(comp is linked for critere in bloc.criteres for linked in critere.competences):
        return False
    held = (comp.conditions, comp.connaissances, comp.resultats, comp.activites, comp.details)
    return not any(held)
