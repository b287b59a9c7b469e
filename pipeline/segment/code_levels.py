"""Three levels of glued codes: a bloc "C1", its compétence "C11", that
compétence's details "C111" (an Éducation nationale référentiel de
certification: capacité, compétence terminale, compétence détaillée). The
numbering series says which level a coded line is: a code that adds one digit
to the code of the compétence a title row heads, itself one digit more than
its bloc's, details that compétence — no compétence of its own (contract,
'Families and levels': the capacité is the bloc, the compétences terminales
its compétences)."""

from __future__ import annotations

import re

from .content import competence_code
from .draft import Context, DBloc, DCompetence, Unit

_GLUED = re.compile(r"[^\W\d_]+\d+")  # letters then digits, no dot nor hyphen between


def details_head(ctx: Context, bloc: DBloc | None, head: DCompetence, units: list[Unit]) -> bool:
    """Whether every coded line of ``units`` details ``head``: its code is
    ``head``'s plus one digit, ``head``'s is its bloc's plus one digit."""
    if bloc is None or not bloc.code:
        return False
    parent = _glued(bloc.code)
    heads = {_glued(code) for code, _ in head.codes} | {_glued(head.code or "")}
    heads = {code for code in heads if parent and _one_more(parent, code)}
    if not heads:
        return False
    coded = [hit for unit in units if (hit := competence_code(ctx, unit.text)) is not None]
    return bool(coded) and all(
        any(_one_more(code, _glued(hit.group("code") or "")) for code in heads) for hit in coded
    )


def _glued(code: str) -> str:
    """The code without its spaces ("C 11" → "C11"), empty unless glued letters and digits."""
    squeezed = "".join(code.split())
    return squeezed if _GLUED.fullmatch(squeezed) else ""


def _one_more(code: str, longer: str) -> bool:
    """Whether ``longer`` is ``code`` and one digit more."""
    return (
        bool(code)
        and len(longer) == len(code) + 1
        and longer.startswith(code)
        and longer[-1].isdigit()
    )
