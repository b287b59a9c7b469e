"""A heading naming two units of its level ("Module 3 et module 6"): two blocs.

Health diplomas evaluate some units together: "Module 3 et module 6" heads one
evaluation, the units' titles on the next two paragraphs, the first ending
with the link ("Analyse des pratiques …, et" / "Approfondissement …"). Each
unit is a bloc with its own title; the modalités the section states belong to
both (:attr:`~referentiel.segment.draft.DBloc.twin`).
"""

from __future__ import annotations

import re

from ..textclean import label_text
from .draft import Context, DBloc, Unit, Where
from .state import State, is_cue

_LINK = re.compile(r"^(?:et|&)\s+(?=\S)", re.IGNORECASE)
_TRAILING_LINK = re.compile(r",?\s+(?:et|&)\s*$", re.IGNORECASE)


def joint_bloc(ctx: Context, state: State, bloc: DBloc, following: list[Unit]) -> int:
    """When the bloc just opened reads as its title only a link and another
    unit of its level ("et module 6", the heading "Module 3 et module 6"), and
    the two next paragraphs are two titles linked the same way, open the
    second unit too: each takes its title. Returns how many following units
    the titles used (0: no joint heading)."""
    link = _LINK.match(bloc.libelle)
    if link is None or len(following) < 2:
        return 0
    hit = state.bloc_hit(ctx, bloc.libelle[link.end() :])
    if hit is None or (hit.group("libelle") or "").strip():
        return 0
    first, second = following[0], following[1]
    if any(u.table is not None or u.is_item or is_cue(ctx, u) for u in (first, second)):
        return 0
    if not _TRAILING_LINK.search(first.text):
        return 0
    bloc.libelle = label_text(_TRAILING_LINK.sub("", first.text))
    twin = DBloc(
        " ".join((hit.group("code") or "").split()) or None,
        label_text(second.text),
        Where(second.page, second.line, bloc.where.rule, second.bbox),
    )
    ctx.draft.blocs.append(twin)
    bloc.twin = twin
    return 2
