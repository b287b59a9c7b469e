"""Stage ``foreign-blocs``: the blocs of other certifications a fiche names.

An RNCP bloc code carries the number of its certification
(``RNCP38822BC01`` is bloc 01 of RNCP38822). A fiche of the répertoire
names the blocs of other certifications too — the table of certifications
recognised in correspondance, the blocs of the certification it replaces —
each read like a bloc heading. When the document's own RNCP code is known and
some bloc carries it, a bloc whose code carries another number and that holds
no compétence is such a reference, not a bloc of this référentiel: dropped.
"""

from __future__ import annotations

import re

from .draft import Context, DBloc

_RNCP = re.compile(r"(\d+)")


def foreign_blocs(ctx: Context) -> None:
    """Drop the empty blocs coded in another certification's RNCP number."""
    own = _RNCP.search(ctx.draft.code_rncp or "")
    if own is None:
        return
    number = own.group(1)
    if not any(_number(ctx, bloc) == number for bloc in ctx.draft.blocs):
        return
    ctx.draft.blocs = [bloc for bloc in ctx.draft.blocs if not _foreign(ctx, bloc, number)]


def _number(ctx: Context, bloc: DBloc) -> str | None:
    """The certification number in the bloc's code (rule ``rncp.bloc-code``)."""
    hit = ctx.rules.first("rncp-bloc", bloc.code or "")
    return hit.group("code") if hit else None


def _foreign(ctx: Context, bloc: DBloc, number: str) -> bool:
    other = _number(ctx, bloc)
    return other is not None and other != number and not bloc.competences
