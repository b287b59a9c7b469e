"""A table read column by column: its first row names one element per column
and the cells below each hold that element's items.

The "référentiel fonctions/activités" of social diplomas prints its fonctions
side by side in the first row, each column's cells listing its activités
(contract, health and social diplomas: the fonctions are the activités, the
activités beside them their tâches). The caption above the table names the two
levels (parent, then child); the table names no column role of its own.

The same pair is also printed the usual way round without its header row: one
fonction per row, in a first column whose cells group the activités beside
them, under a caption naming the activités alone (:func:`pair_view`).
"""

from __future__ import annotations

from collections.abc import Callable

from ..docmodel import Block, Cell, Row
from ..textclean import ends_sentence
from .draft import TableView, Unit, cell_units

_TITLE_MAX = 160  # characters: a column's title is a short line
_PAIRS = (("activite", "taches"),)  # (the first row's level, the level of the cells below)


def column_view(
    block: Block, caption: Unit | None, roles: list[str | None], new_source: Callable[[], int]
) -> TableView | None:
    """The table as one row per column (its title cell, then its body cells
    joined), when ``caption`` — a short line right above the table — names
    a parent and a child level (``roles``, as the columns would hold them) and
    the table's first row is one short title per column over cells of items."""
    if caption is None or caption.table is not None or caption.is_item:
        return None
    if len(caption.text) > _TITLE_MAX or ends_sentence(caption.text):
        return None
    if tuple(roles) not in _PAIRS or len(block.rows) < 2:
        return None
    width = len(block.rows[0].cells)
    if width < 2 or any(not _plain(row, width) for row in block.rows):
        return None
    titles = [cell_units(cell) for cell in block.rows[0].cells]
    if any(len(t) != 1 or len(t[0].text) > _TITLE_MAX or ends_sentence(t[0].text) for t in titles):
        return None
    columns = [[row.cells[c] for row in block.rows[1:]] for c in range(width)]
    if any(sum(len(cell_units(cell)) for cell in cells) < 2 for cells in columns):
        return None  # a column of items under each title, not a grid of short values
    body = [
        Row([block.rows[0].cells[c], Cell([b for cell in columns[c] for b in cell.blocks])])
        for c in range(width)
    ]
    return TableView(block, list(roles), body, new_source())


def pair_view(
    block: Block, caption: Unit | None, roles: list[str | None], new_source: Callable[[], int]
) -> TableView | None:
    """A two-column table with no header row under a short caption naming the
    activités alone ("Référentiel d'activités du …"), whose first column
    groups the second (one short title per cell, at least one of them merged
    over several rows): the first column holds the activités, the second
    their tâches (the "Fonctions | Activités" pair printed without its header)."""
    if caption is None or caption.table is not None or caption.is_item:
        return None
    if len(caption.text) > _TITLE_MAX or ends_sentence(caption.text) or roles != ["activite"]:
        return None
    if any(len(row.cells) != 2 or any(c.col_span > 1 for c in row.cells) for row in block.rows):
        return None
    firsts = {id(row.cells[0]): row.cells[0] for row in block.rows}
    if len(firsts) == len(block.rows) or len(firsts) < 2:
        return None  # no title merged over several rows: not a grouping column
    for cell in firsts.values():
        title = cell_units(cell)
        if len(title) != 1 or len(title[0].text) > _TITLE_MAX or ends_sentence(title[0].text):
            return None
    return TableView(block, ["activite", "taches"], list(block.rows), new_source())


def _plain(row: Row, width: int) -> bool:
    """A row of ``width`` cells, none merged."""
    return len(row.cells) == width and all(c.col_span <= 1 and c.row_span <= 1 for c in row.cells)
