"""Record titles that belong to a lettered series summarised earlier.

A référentiel des activités professionnelles may list its fonctions before
their records, one line each ("F1 - …" to "F4 - …", the Éducation nationale
annexes' « sommaire des activités »), and then print each record as a table
whose own row repeats the line ("F1 - ORGANISATION" over its tâches). When a
record's title is a member of such a series (at least three lines outside
tables, the same letters, the numbers following each other), the series is
the evidence of the numbering: each member is an activité, coded as printed
(the record it titles keeps its tâches), in the series' order; a member whose
record the document does not print is an activité without tâches, as a
summary names it. The series is the evidence, not the letter.
"""

from __future__ import annotations

import re

from ..textclean import fold, label_text
from .activitycodes import LETTERED, SERIES
from .draft import Context, DActivite, Unit, Where
from .records import RULE

SERIES_RULE = "records.series"


def record_series(ctx: Context) -> None:
    """Code the records titled by a member of a lettered series, and add the
    series' other members as activités."""
    records = {
        fold(a.libelle): a for a in ctx.draft.activites if a.code is None and a.where.rule == RULE
    }
    if not records:
        return
    for run in _runs(ctx):
        keys = [fold(u.text) for u, _ in run]
        if not any(k in records for k in keys):
            continue
        series = []
        for (unit, hit), key in zip(run, keys, strict=True):
            activite = records.pop(key, None) or DActivite(
                None, "", Where(unit.page, unit.line, SERIES_RULE)
            )
            activite.code, activite.libelle = (
                hit["code"].replace(" ", ""),
                label_text(hit["libelle"]),
            )
            unit.section = "activites"
            series.append(activite)
        kept = [a for a in ctx.draft.activites if all(a is not s for s in series)]
        ctx.draft.activites[:] = [*series, *kept]
        return


def _runs(ctx: Context) -> list[list[tuple[Unit, re.Match[str]]]]:
    """The runs of lines outside tables numbered by one lettered series (the
    same letters, each number the next), at least ``SERIES`` long; other
    lines may stand between members (a member's sub-lines)."""
    runs: list[list[tuple[Unit, re.Match[str]]]] = []
    current: list[tuple[Unit, re.Match[str]]] = []
    for unit in ctx.units:
        if unit.frame is not None or unit.table is not None:
            continue
        hit = LETTERED.match(unit.text.strip())
        if hit is None:
            continue
        last = current[-1][1] if current else None
        if (
            last is not None
            and hit["letters"] == last["letters"]
            and int(hit["number"]) == int(last["number"]) + 1
        ):
            current.append((unit, hit))
            continue
        if len(current) >= SERIES:
            runs.append(current)
        current = [(unit, hit)]
    if len(current) >= SERIES:
        runs.append(current)
    return runs
