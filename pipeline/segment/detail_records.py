"""Tables of one column detailing each activité as a record of run-in labels.

A référentiel d'activités may list its activités (fonctions) first, then print
one table per activité whose lines are run-in labels over their items: the
activité's name after the label of an activité column ("Fonction : Vente"),
then "Tâches :" over the tâches, then other labels (moyens, autonomie,
résultats) the contract has no place for in an activité. The labels are the
column words of the table rules (``column``: fonction, activité, tâches). A
table repeating the record's name with no tâches continues the one above it
over a page break.

The tables detail the activités listed before them, in the same order: when
they give as many records with tâches as the list gave activités, each record's
tâches are its activité's (the list's sub-items name the same tasks in a
summary), whatever name a record prints; otherwise each record is an activité.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..textclean import label_text
from .draft import Context, DActivite, Unit, Where

_NAMED = ("fonction", "activite")  # the column roles naming the activité a record details


@dataclass
class Record:
    """One detail table: the activité it names and its tâches."""

    name: Unit
    taches: list[str] = field(default_factory=list)


def record_frames(ctx: Context) -> tuple[set[int], list[Record]]:
    """The layout tables of the activités section read as records (their
    frames, skipped by the activités stage) and the records with tâches."""
    frames: dict[int, list[Unit]] = {}
    for unit in ctx.units:
        if unit.section == "activites" and unit.frame is not None:
            frames.setdefault(unit.frame, []).append(unit)
    found: set[int] = set()
    records: list[Record] = []
    for frame, units in frames.items():
        record = _record(ctx, units)
        if record is None:
            continue
        found.add(frame)
        if record.taches:
            records.append(record)
    return found, records


def _record(ctx: Context, units: list[Unit]) -> Record | None:
    """A table whose first line names an activité after its label and which
    labels its tâches (or continues such a table: its name again, no tâches)."""
    if not units or units[0].is_item:
        return None
    label, colon, value = units[0].text.partition(":")
    hit = ctx.rules.first("column", label.strip()) if colon and value.strip() else None
    if hit is None or hit.rule.value not in _NAMED:
        return None
    record = Record(units[0])
    taches: list[str] | None = None
    for unit in units[1:]:
        if unit.is_item and taches is not None:
            taches.append(label_text(unit.text))
            continue
        taches = None
        named, colon, rest = unit.text.partition(":")
        column = ctx.rules.first("column", named.strip()) if colon and not rest.strip() else None
        if column is not None and column.rule.value == "taches":
            taches = record.taches
    return record


def apply_records(ctx: Context, records: list[Record]) -> None:
    """Give the records' tâches to the activités listed before them, in
    order, when there are as many; else each record is an activité."""
    listed = ctx.draft.activites
    if records and len(records) == len(listed):
        for activite, record in zip(listed, records, strict=True):
            activite.taches = list(record.taches)
        return
    for record in records:
        name = label_text(record.name.text.partition(":")[2])
        where = Where(record.name.page, record.name.line, "table.detail-record")
        listed.append(DActivite(None, name, where, list(record.taches)))
