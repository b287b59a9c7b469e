"""Stage ``links``: critères to the compétences they name, and what stays unsure.

A link cue ("En relation avec la compétence C1.2 & C1.3 :") names printed
codes; they are resolved to the compétences of the critère's bloc (then of
the whole document). A critère of a bloc with several compétences and no link
is reported (``UNLINKED_CRITERE``).
"""

from __future__ import annotations

from .draft import Context, DCompetence, norm_text


def links(ctx: Context) -> None:
    """Resolve link codes; warn about critères left unlinked."""
    everywhere = [c for b in ctx.draft.blocs for c in b.competences]
    for bloc in ctx.draft.blocs:
        for critere in bloc.criteres:
            linked = [c.canonical() for c in critere.competences]
            for code in critere.link_codes:
                comp = _by_code(code, bloc.competences) or _by_code(code, everywhere)
                if comp is not None:
                    linked.append(comp)
                else:
                    ctx.warn(
                        "UNKNOWN_LINK",
                        f"critère {critere.libelle[:60]!r} names compétence {code}, not found",
                        critere.where.page,
                        critere.where.line,
                    )
            critere.competences = list(dict.fromkeys(linked))
            if not critere.competences and len(bloc.competences) > 1:
                ctx.warn(
                    "UNLINKED_CRITERE",
                    f"critère {critere.libelle[:60]!r} is not linked to a compétence "
                    f"of bloc {bloc.code or bloc.libelle[:40]!r}",
                    critere.where.page,
                    critere.where.line,
                )


def _by_code(code: str, competences: list[DCompetence]) -> DCompetence | None:
    wanted = norm_text(code).replace(" ", "")
    for comp in competences:
        if any(norm_text(c).replace(" ", "") == wanted for c, _ in comp.codes):
            return comp.canonical()
    return None
