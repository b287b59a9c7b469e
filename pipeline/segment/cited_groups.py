"""A grid's activité cell that cites a group of the référentiel d'activités.

An older CQP grid prints the référentiel d'activités first (groups "1)" over
their items "1.1 - …") and then, beside the compétences, an activité column
whose cell opens on the group again ("1. Préparation au travail") over the
group's items again ("1.1. …", "1.2. …"). The numbering is the evidence: the
cell's head carries the number of a group already read under the same title,
and every numbered line under it extends that number within the group's
items. The cell names no new activité; its group, the grid's top numbered
unit, is the unit its compétences belong to — the bloc (contract, "No bloc
level"). A row of the grid pushed out of its table (the page's last line)
that cites the next group of the series (number and title) opens the next
bloc (:func:`next_group`).
"""

from __future__ import annotations

from dataclasses import replace

from .draft import Context, DActivite, DBloc, Unit, norm_text
from .numbering import numbered
from .state import State, open_bloc

_RULE = "table.bloc-group"


def cited_group(ctx: Context, units: list[Unit]) -> tuple[str, str] | None:
    """The number and title of the activité group an activité cell cites,
    when its first line is the group's number and title (an activité already
    read) and every numbered line below it is one of the group's items
    ("N.m", m no more than the group's tâches); else None."""
    if len(units) < 2:
        return None
    head = numbered(units[0].text)
    if head is None or head.word or len(head.number) != 1 or not head.title:
        return None
    number, title = head.number[0], head.title
    group = _group(ctx, str(number), title)
    if group is None or not group.taches:
        return None
    items = [found for unit in units[1:] if (found := numbered(unit.text)) is not None]
    if not items:
        return None
    for item in items:
        if item.word or len(item.number) != 2 or item.number[0] != number:
            return None
        if not 1 <= item.number[1] <= len(group.taches):
            return None
    return str(number), title


def open_group(ctx: Context, state: State, units: list[Unit]) -> bool:
    """Open the bloc of the group an activité cell cites (:func:`cited_group`);
    False when the cell cites none."""
    cited = cited_group(ctx, units)
    if cited is not None:
        _open(ctx, state, units[0], *cited)
    return cited is not None


def next_group(ctx: Context, state: State, unit: Unit) -> bool:
    """Open the next group's bloc when ``unit``, right after the grid, cites
    the group after the one the grid opened last (its number plus one, the
    title of the activité so numbered)."""
    bloc = state.bloc
    if bloc is None or bloc.where.rule != _RULE or not (bloc.code or "").isdigit():
        return False
    head = numbered(unit.text)
    if head is None or head.word or head.number != (int(bloc.code or 0) + 1,):
        return False
    if _group(ctx, str(head.number[0]), head.title) is None:
        return False
    _open(ctx, state, unit, str(head.number[0]), head.title)
    return True


def _open(ctx: Context, state: State, unit: Unit, code: str, title: str) -> DBloc | None:
    """Open the bloc of a group: coded by its number, titled as printed."""
    bloc = open_bloc(ctx, state, [replace(unit, text=title)], _RULE, any_text=True)
    if bloc is not None:
        bloc.code = code
    return bloc


def _group(ctx: Context, code: str, title: str) -> DActivite | None:
    """The activité of the draft coded ``code`` and titled ``title``."""
    key = norm_text(title)
    return next(
        (a for a in ctx.draft.activites if a.code == code and norm_text(a.libelle) == key), None
    )
