"""A column numbering the parents of the compétences beside it.

A grid "Missions | Activités | Compétences" whose first column is named by no
rule prints its units as bare numbers ("1. Exerce …", "2. Assure …") and the
compétences beside them extend those numbers ("1.1.1. Connaître …", "2.4.3.
…"): the numbering series says the column holds the compétences' parents,
the blocs (contract: no bloc level, the top numbered units are the blocs),
whatever its header word. Read by :func:`.table_blocs.bloc_column`.
"""

from __future__ import annotations

from .draft import TableView, cell_units, positions
from .numbering import Numbered, numbered

_MIN_PARENTS = 2  # numbered cells a column must hold to number the compétences' parents


def numbers_parents(view: TableView, column: int) -> bool:
    """Whether every filled cell of ``column`` opens on a bare number and every
    numbered compétence of the rows from one such cell to the next extends
    its number (one level deeper or more), with at least two parents and one
    compétence under each."""
    target = view.roles.index("competence")
    parent: Numbered | None = None
    parents, seen, extended = 0, set(), set()
    for row in view.body:
        for at, cell in positions(row):
            if id(cell) in seen:
                continue
            seen.add(id(cell))
            units = cell_units(cell)
            if not units:
                continue
            if at == column:
                parent = _bare(units[0].text)
                if parent is None:
                    return False
                parents += 1
            elif at == target:
                for unit in units:
                    child = _bare(unit.text)
                    if child is None:
                        continue
                    if parent is None or not _extends(child, parent):
                        return False
                    extended.add(parent.number)
    return parents >= _MIN_PARENTS and len(extended) == parents


def _bare(text: str) -> Numbered | None:
    """The number a line opens on when no level word precedes it ("1.2. …")."""
    found = numbered(text)
    if found is None or found.word or found.roman or found.lettered or found.ordinal:
        return None
    return found


def _extends(child: Numbered, parent: Numbered) -> bool:
    """Whether ``child``'s number lies under ``parent``'s ("2.4.3" under "2")."""
    depth = len(parent.number)
    return len(child.number) > depth and child.number[:depth] == parent.number


def parent_number(text: str) -> tuple[str, str] | None:
    """The code and title of a parent cell's line ("1. Exerce …" → "1", "Exerce …")."""
    found = _bare(text)
    if found is None or not found.title:
        return None
    return ".".join(map(str, found.number)), found.title
