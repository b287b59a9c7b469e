"""Stage ``cross-references``: coded lines that point to units of another part.

A unit's fiche may list, by code and title, the units of another part of the
référentiel that it relates to (a BTS compétence's « R1 – Accompagnement du
client », the activités that mobilise it). Those lines are no new units, and
the document itself says so: the same coded line is printed word for word
under several units, each numbered in another series than the line's own
(« R4 – … » under C01, C02 and C03). Such a line, the other lines of its series
in the same run, and the label over the run (a line ending on a colon) are
cross-references: the walk passes them by and they are no unplaced text.

A summary naming units again is not caught: its lines repeat under one unit
(or none), or in the letters of the units they sit under; nor is a series any
of whose lines stands under no unit or under a unit of its own letters (a
compétence listed under several activités that also heads its own fiche).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..textclean import ends_lead_in
from .draft import Context, Unit, norm_text

#: a code: up to three capitals and a (dotted) number
CODE = r"([A-Z]{1,3})\s?(\d{1,2}(?:\.\d{1,2})*)(?![\w.])"
_CODE = re.compile(r"^\s*" + CODE)  # at the start of a line
_DASHES = re.compile(r"\s*[-–—]\s*")
_OWNERS = 2  # distinct units a line must be printed under


@dataclass(frozen=True)
class _Line:
    """A coded line of the stream: its position, series and folded text."""

    index: int
    series: tuple[str, int]  # the code's letters and depth
    key: str
    titled: bool  # words follow the code


def cross_references(ctx: Context) -> None:
    """Mark the coded lines that refer to units of another series (see module)."""
    lines = _coded(ctx.units)
    runs = [(run, _owner(lines, run)) for run in _runs(lines)]
    owners: dict[str, set[str]] = {}
    #: series printed under no unit or under a unit of their own letters: units
    own: set[tuple[str, int]] = set()
    for run, owner in runs:
        for line in run:
            if owner is None or line.series[0] == owner.series[0]:
                own.add(line.series)
            else:
                owners.setdefault(line.key, set()).add(owner.key)
    for run, _ in runs:
        cited = {line.series for line in run if len(owners.get(line.key, ())) >= _OWNERS}
        refs = [line for line in run if line.series in cited - own]
        if not refs:
            continue
        ctx.crossrefs.update(id(ctx.units[line.index]) for line in refs)
        label = ctx.units[run[0].index - 1]
        if ends_lead_in(label.text) and _CODE.match(label.text) is None:
            ctx.crossrefs.add(id(label))


def _coded(units: list[Unit]) -> list[_Line]:
    """The stream's lines opening on a code (outside the tables read by role)."""
    out = []
    for index, unit in enumerate(units):
        hit = _CODE.match(unit.text) if unit.table is None else None
        if hit is None:
            continue
        rest = unit.text[hit.end() :].strip(" -–—:.")
        key = _DASHES.sub(" - ", norm_text(unit.text))
        out.append(_Line(index, (hit.group(1), hit.group(2).count(".")), key, bool(rest)))
    return out


def _runs(lines: list[_Line]) -> list[list[_Line]]:
    """Runs of titled coded lines that follow each other in the stream."""
    runs: list[list[_Line]] = []
    for line in lines:
        if not line.titled:
            continue
        if runs and runs[-1][-1].index == line.index - 1:
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _owner(lines: list[_Line], run: list[_Line]) -> _Line | None:
    """The unit a run stands under: the last coded line before it."""
    at = bisect_left([line.index for line in lines], run[0].index)
    return lines[at - 1] if at > 0 else None
