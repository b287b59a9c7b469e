"""Compétence codes that spell their unit's number: the unit is the bloc.

The bac pro référentiels de certification of 2010 code each compétence by the
activité, sous-activité and tâche it serves, glued, then its rank: "C111.1"
is activité 1, sous-activité 1, tâche 1, first compétence ("C122.7": activité
1, sous-activité 2, tâche 2, seventh). A series of such codes is no unit
level of its own (its first number is three glued digits, not a unit's
number): its codes are the compétences, and the unit whose number every code
starts with, a heading printed above them ("Activité 1 : L'accueil en face à
face"), is the unit they are certified in, the bloc (contract, Éducation
nationale diplomas: the top numbered unit).

The CAP référentiels of the same years glue the activité and the tâche before
the compétence's rank ("A1T2C3": activité 1, tâche 2, third compétence): the
code rule's ``parent`` group is the activité's number, and the headings
"Activité 1 … 2" whose numbers are those parents are the blocs.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

_DEPTH = 2  # "C111.1": the glued digits, then the rank
_SPELLED = range(100, 1000)  # a first number of three glued digits (activité, sous-activité, tâche)


class _Level(Protocol):
    word: str
    depth: int
    roman: bool
    lettered: bool
    glued: bool
    numbers: set[tuple[int, ...]]
    headed: int
    first: int


S = TypeVar("S", bound=_Level)


def spelled_parent(series: list[S], chosen: S) -> S | None:
    """The one-level series, printed as headings before ``chosen``, whose
    numbers are the leading digits of ``chosen``'s glued codes ("Activité 1"
    above "C111.1 … C122.7"), when ``chosen`` is such a series of codes."""
    if chosen.glued or chosen.depth != _DEPTH or not chosen.numbers:
        return None
    heads = {number[0] for number in chosen.numbers}
    if not all(head in _SPELLED for head in heads):
        return None
    leading = {head // 100 for head in heads}
    parents = [
        s
        for s in series
        if s is not chosen
        and s.depth == 1
        and s.word
        and not (s.roman or s.lettered or s.glued)
        and s.headed >= 1
        and s.first < chosen.first
        and {number[0] for number in s.numbers} == leading
    ]
    return min(parents, key=lambda s: s.first, default=None)


def coded_parent(series: list[S], parents: set[int], first: int) -> S | None:
    """The one-level series, printed as headings before ``first``, whose
    numbers are exactly ``parents`` — the unit numbers the compétence codes
    begin with ("Activité 1" above "A1T1C1 … A1T4C1")."""
    if not parents:
        return None
    parent = [
        s
        for s in series
        if s.depth == 1
        and s.word
        and not (s.roman or s.lettered or s.glued)
        and s.headed >= 1
        and s.first < first
        and {number[0] for number in s.numbers} == parents
    ]
    return min(parent, key=lambda s: s.first, default=None)
