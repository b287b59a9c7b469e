"""Épreuves tied to the compétences they assess by a line of codes (stage ``modalite-codes``).

A certificateur's rules may define each épreuve under its own heading ("Cas
pratique 1 (E2)": a context, what the candidate presents, the deliverable)
and end it with a line listing the compétences it assesses by their codes
("… : C6 + C7 + C8"). The evidence is the document's own: every code of the
line is the code of one of its compétences, so the line links the épreuve to
the blocs holding them (as :mod:`.modalites` links a table's modality to the
compétences it names). The épreuve's name is the first unit after the
previous such line, or after a section head in capitals ("2. LES CAS
PRATIQUES") when it is the first of its section.
"""

from __future__ import annotations

import re

from ..textclean import ends_sentence, is_upper
from .draft import Context, DBloc, Unit, code_key
from .modalites import add_named

_CODE = r"[A-Z]{1,3}\s?\d{1,3}(?:\.\d{1,3})*"
# an optional short lead-in ending with a colon, then codes joined by "+" or ","
_LINE = re.compile(rf"^(?:[^:]{{1,60}}:\s*)?(?P<codes>{_CODE}(?:\s*[+,]\s*{_CODE})+)\s*$")
_NAME_CHARS = 100  # a longer unit is prose, not an épreuve's name


def modalite_codes(ctx: Context) -> None:
    """Give each bloc the épreuves whose line of codes names its compétences."""
    owners = _owners(ctx.draft.blocs)
    if not owners:
        return
    boundary: int | None = None  # index of the last line of codes or section head
    for index, unit in enumerate(ctx.units):
        blocs = _linked(unit, owners)
        if blocs is not None:
            name = _name(ctx.units, boundary, index)
            for bloc in blocs:
                if name is not None:
                    add_named(bloc, name)
            boundary = index
        elif is_upper(unit.text):
            boundary = index


def _owners(blocs: list[DBloc]) -> dict[str, DBloc]:
    """The bloc of each compétence code the document prints (a code two blocs
    claim names neither)."""
    owners: dict[str, DBloc] = {}
    shared: set[str] = set()
    for bloc in blocs:
        for competence in bloc.competences:
            for code, _ in competence.codes:
                key = code_key(code)
                if owners.get(key, bloc) is not bloc:
                    shared.add(key)
                owners[key] = bloc
    return {key: bloc for key, bloc in owners.items() if key not in shared}


def _linked(unit: Unit, owners: dict[str, DBloc]) -> list[DBloc] | None:
    """The blocs a line of codes names, in order, when each of its codes is a
    compétence's code; None for any other unit."""
    match = _LINE.match(unit.text)
    if match is None:
        return None
    keys = [code_key(code) for code in re.split(r"[+,]", match.group("codes"))]
    if not all(key in owners for key in keys):
        return None
    blocs: list[DBloc] = []
    for key in keys:
        if owners[key] not in blocs:
            blocs.append(owners[key])
    return blocs


def _name(units: list[Unit], boundary: int | None, index: int) -> str | None:
    """The épreuve's name: the first unit after the boundary, a short line
    that is no sentence; None without a boundary or such a line."""
    if boundary is None or boundary + 1 >= index:
        return None
    text = units[boundary + 1].text.strip()
    if len(text) > _NAME_CHARS or ends_sentence(text):
        return None
    return text
