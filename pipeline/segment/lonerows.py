"""A table row whose only filled cell is its first, holding a code and a title.

"A 1 - ETUDE DU PRODUIT" printed in a row's first cell, every other cell of the
row printed and empty, over rows that fill the table's columns: the row heads
the rows below it as a unit, as a title row across the table would
(:mod:`.spanning`). The table's structure says so; the letter is no level word
(the activité word "A"). A heading printed above the table whose code the row's
code extends ("Unité A" over "A 1", its unit word aside) is the level above the units, which the
contract has no place for: left out when nothing was read into it.
"""

from __future__ import annotations

from ..docmodel import Row
from ..rules import Hit, RuleSet
from ..textclean import label_text
from .draft import GROUP_ROW, Context, TableView, cell_units
from .state import State, open_bloc


def lone_coded_title(row: Row, view: TableView, rules: RuleSet) -> Hit | None:
    """The code and title of ``row`` when its first cell alone is filled, with one
    line "code - title", and the row prints every other column empty; else None."""
    if len(row.cells) < 3 or len(row.cells) != len(view.roles):
        return None
    first, rest = row.cells[0], row.cells[1:]
    units = cell_units(first)
    if len(units) != 1 or any(cell.blocks for cell in rest):
        return None
    return rules.first("group-coded-title", units[0].text)


def open_lone_unit(ctx: Context, state: State, row: Row, hit: Hit) -> None:
    """Open the unit a lone coded title row heads (:func:`lone_coded_title`)."""
    code = " ".join((hit.group("code") or "").split())
    above = state.bloc
    if (
        above is not None
        and above.where.rule != GROUP_ROW
        and not above.competences
        and above.code
        and code.replace(" ", "").startswith(above.code.split()[-1])
        and above in ctx.draft.blocs
    ):
        ctx.draft.blocs.remove(above)
    bloc = open_bloc(ctx, state, cell_units(row.cells[0]), GROUP_ROW, any_text=True)
    if bloc is not None:
        bloc.code, bloc.libelle = code, label_text(hit.group("libelle") or "")
