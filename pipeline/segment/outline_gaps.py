"""A level's units printed with gaps in their numbering: an excerpt of a few units.

A level's numbers follow each other (:attr:`.Series.consecutive`), but a
document may print only some units of a level: the assessment grids of
"Module 3" and "Module 8" only, the modules the grids assess; the fiches of
compétences "C01", "C03", "C04" only, the others of the list being "non
mobilisée" in this diploma. Such a series is still the level when nothing else
could be: its word is a known bloc level — or a known compétence level when no
bloc word is printed at all (with no bloc level, its units are the blocs) —
each unit is mentioned once, as a heading, and heads its own content (not a
summary naming units detailed elsewhere), and no other series prints the word.
"""

from __future__ import annotations

from collections.abc import Iterable

from .outline_series import Series

_MIN_UNITS = 2  # a single unit is a lone unit (:func:`.outline._lone_unit`)


def gapped_heads(
    series: Iterable[Series], roles: dict[tuple[str, int, bool, bool], str], total: int
) -> list[Series]:
    """The series of a known bloc word (or compétence word, when no bloc word is
    printed) whose numbers leave gaps, each unit mentioned once as a heading over
    its own content, the only series of that word."""
    every = list(series)
    known = {"bloc"} if any(roles[s.key] == "bloc" for s in every) else {"bloc", "competence"}
    return [
        s
        for s in every
        if roles[s.key] in known
        and s.word
        and not s.consecutive
        and len(s.numbers) >= _MIN_UNITS
        and len(s.mentions) == len(s.numbers)
        and s.headed >= len(s.mentions)
        and s.owners(total) == len(s.numbers)
        and not any(o is not s and o.word == s.word for o in every)
    ]
