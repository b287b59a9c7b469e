"""A title row a format could not merge across the table: "C2 | Analyser un système | ".

A pipe table (Markdown) has no merged cells: a title row the publisher printed
across a grid comes out as its code in the first cell, its title in the
second and every other cell empty. When compétence cells of the rows below
open on codes that extend the row's code ("C2" over "C2-1", "C2-3"), the
numbering series says the row heads them as a unit, the level above them, as
a title row across the table would (:mod:`.spanning`, :func:`.draft.coded_title`);
so does the table's structure when the row is its first, printed above its
header (a caption: "C6 | Mettre en œuvre … |" over "Données | Compétences …").
"""

from __future__ import annotations

import re

from ..docmodel import Cell, Row
from ..rules import RuleSet
from ..textclean import label_text
from .draft import GROUP_ROW, Context, TableView, cell_units, positions
from .state import State, open_bloc

_MIN_CELLS = 3  # a code, a title and at least one cell the title would span


def cut_coded_title(row: Row, rules: RuleSet) -> tuple[str, Cell] | None:
    """The code and title cell of a row whose first cell holds a code alone,
    its second cell a title, every further cell printed empty; else None."""
    filled = [(column, cell) for column, cell in positions(row) if cell.blocks]
    if len(row.cells) < _MIN_CELLS or [column for column, _ in filled] != [0, 1]:
        return None
    (_, first), (_, title) = filled
    if first.col_span > 1 or title.col_span > 1:
        return None
    code = " ".join(first.text.split()).rstrip(".):")
    if not code or rules.first("code-only", code) is None:
        return None
    return code, title


def heads_rows(row: Row, code: str, view: TableView, below: list[Row], rules: RuleSet) -> bool:
    """Whether a cut title row heads the rows below: it is the table's caption
    (its first row, above the header), or a compétence cell of the rows below,
    up to the next such title row, opens on a code extending ``code``
    ("C2-1", "C2.3")."""
    if view.block.rows and view.block.rows[0] is row and view.body and view.body[0] is row:
        return True
    columns = {i for i, role in enumerate(view.roles) if role == "competence"}
    extends = re.compile(re.escape(code) + r"\s?[-.]\s?\d")
    for row in below:
        if cut_coded_title(row, rules) is not None:
            return False
        for column, cell in positions(row):
            if column in columns and any(extends.match(u.text) for u in cell_units(cell)):
                return True
    return False


def open_cut_unit(ctx: Context, state: State, code: str, title: Cell) -> bool:
    """Open the unit a cut title row heads, its title the cell's lines joined."""
    units = cell_units(title)
    if not units:
        return False
    bloc = open_bloc(ctx, state, units[:1], GROUP_ROW, any_text=True)
    if bloc is None:
        return False
    bloc.code = code
    bloc.libelle = label_text(" ".join(u.text for u in units))
    return True
