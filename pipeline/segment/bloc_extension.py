"""Compétences coded by their bloc's code extended: "D1" over "D1.1", "D1.2".

A grid naming its blocs in one column ("D1 : Environnement informatique") may
code the compétences beside them with the bloc's own code and a dotted number
("D1.1 : Utiliser …"), whatever the letter: the code says whose compétence
each line is, as a dotted number under a bare one does. Éducation nationale
booklets also number the level with a hyphen ("C1-1 Traduire …" under C1)
and may print no separator after the code (its title on the line below it).
Read by :func:`.table_competences.read_competence` before the rules' code
vocabulary.
"""

from __future__ import annotations

import re

from .draft import DBloc, Unit


def bloc_extensions(bloc: DBloc | None, units: list[Unit]) -> list[tuple[Unit, tuple[str, str]]]:
    """Each unit with its code and statement when every unit opens on the
    code of ``bloc`` extended by a dotted (or hyphenated) number; empty otherwise."""
    code = " ".join((bloc.code or "").split()) if bloc is not None else ""
    if not code or not code[-1].isdigit():
        return []
    pattern = re.compile(
        rf"^(?P<code>{re.escape(code)}(?:\s?\.\s?|-)\d{{1,2}}(?:\.\d{{1,2}})*)\.?"
        r"(?:\s*[:\-–—)]\s*(?P<libelle>\S.*)|\s+(?P<bare>[^\W\d].*))$"
    )
    found = [(unit, pattern.match(unit.text.strip())) for unit in units]
    if not found or any(hit is None for _, hit in found):
        return []
    return [
        (unit, ("".join(hit["code"].split()), (hit["libelle"] or hit["bare"]).strip()))
        for unit, hit in found
        if hit is not None
    ]
