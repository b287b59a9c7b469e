"""Glued numbering in a table: a column of units beside a column of their children.

Éducation nationale synthesis tables print each capacité ("C1", its title on
the lines below) and its compétences terminales ("C11 - …", "C12 - …": the
parent code plus one digit, no dot) on one row, wherever the columns are: an
activités column may come first, arrows between them, and the header may name
neither ("CAPACITES" is no role of its own). The pair of columns is found by
the codes alone: on every row from the first coded one, each line of the
children column extends the units column's code by one digit, or by one
dotted level (a baccalauréat technologique's objectives "O1 - …" beside their
compétences "CO1.1. …", "CO1.2. …": the objective's number, a dot, a number,
the letters led by one more). The units are
then blocs (contract, Éducation nationale diplomas: capacité Cn is the top
unit) and the children their compétences; a column of arrows or other signs
holds nothing; the rows above the first coded one head the table (no element).
A children column the header names as the activités, in a table naming no unit
column ("Domaines | Description des activités", A1 beside A1.1 …), holds
activités grouped by domaine, no units.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..docmodel import Cell, Row
from .draft import TableView, cell_units, positions

_CODE = re.compile(r"^\s*(?P<letters>[A-Za-z]{1,3})\s?(?P<number>\d{1,2})(?![\d.])")
#: a code one level down: letters, the unit's number, a dot or a space and a number ("CO1.2.")
_DOTTED = re.compile(r"^\s*(?P<letters>[A-Za-z]{1,3})\s?(?P<number>\d{1,2})(?:\.|\s)\d{1,2}(?!\d)")
#: a cell holding a code alone ("C1", "C1 2", "C1.2."), its title in the next cell
_ALONE = re.compile(r"^\s*[A-Za-z]{1,3}\s?\d{1,2}(?:[.\s]\d{1,2})*\s*\.?\s*$")
_WORD = re.compile(r"[^\W\d_]")
_MIN_ROWS = 2  # coded rows the pair needs
Code = tuple[str, str]  # a cell code's letters and number


def glued_view(view: TableView) -> TableView | None:
    """``view`` with its units and children columns as bloc and compétence
    columns, from its first coded row; None when no pair of columns glues.
    Codes printed alone in their cells, each title in the next cell ("C1" |
    "Engager …" | "C1 1" | "Déclencher …"), are read with their titles."""
    titled = _titled(view)
    return (_glued_pair(titled) if titled is not view else None) or _glued_pair(view)


def _glued_pair(view: TableView) -> TableView | None:
    """:func:`glued_view` on the view's cells as they are."""
    rows = [dict(positions(row)) for row in view.body]
    codes = [{column: _code(cell) for column, cell in cells.items()} for cells in rows]
    coded = sorted({column for row in codes for column, code in row.items() if code})
    for parent in coded:
        for child in sorted({column for row in rows for column in row if column > parent}):
            first = _first_glued(rows, codes, parent, child)
            if first is None or _activites_only(view, child, codes[first].get(parent)):
                continue  # coded activités under their domaine: activités, not units
            body = view.body[first:]
            roles: list[str | None] = [
                None if role in ("bloc", "competence") or not _worded(body, column) else role
                for column, role in enumerate(view.roles)
            ]
            roles[parent], roles[child] = "bloc", "competence"
            return replace(view, roles=roles, body=body)
    return None


def _first_glued(
    rows: list[dict[int, Cell]], codes: list[dict[int, Code | None]], parent: int, child: int
) -> int | None:
    """The first row of a run to the table's end whose rows all glue
    ``child`` codes to the ``parent`` code, when there are enough of them
    (``codes``: each row's cells' codes)."""

    def glues(i: int) -> bool:
        return _glues(codes[i].get(parent), rows[i].get(child))

    first = next((i for i in range(len(rows)) if glues(i)), None)
    if first is None or len(rows) - first < _MIN_ROWS:
        return None
    if not all(glues(i) for i in range(first, len(rows))):
        return None
    return first


def _glues(unit: Code | None, children: Cell | None) -> bool:
    """Whether every line of a row's ``children`` cell is a code made of its
    units cell's code ``unit`` and one more digit (C1 → C11, C12)."""
    lines = cell_units(children) if unit is not None and children is not None else []
    if unit is None or not lines:
        return False
    return all(_glued(line.text, unit) or _dotted(line.text, unit) for line in lines)


def _glued(text: str, unit: Code) -> bool:
    """A code of the unit's letters and its number plus one digit (C1 → C11)."""
    found = _CODE.match(text)
    if found is None or found["letters"].upper() != unit[0]:
        return False
    return found["number"][:-1] == unit[1] and len(found["number"]) == len(unit[1]) + 1


def _dotted(text: str, unit: Code) -> bool:
    """A code numbering one level below the unit's, its letters the unit's,
    possibly led by one more ("O1" → "CO1.1", the compétence of objective 1;
    "C1" → "C1.2")."""
    found = _DOTTED.match(text)
    if found is None or found["number"] != unit[1]:
        return False
    letters = found["letters"].upper()
    return letters == unit[0] or (len(letters) == len(unit[0]) + 1 and letters.endswith(unit[0]))


def _code(cell: Cell | None) -> Code | None:
    """The letters and number a cell's first line starts with ("C1" → C, 1)."""
    lines = cell_units(cell) if cell is not None else []
    found = _CODE.match(lines[0].text) if lines else None
    return (found["letters"].upper(), found["number"]) if found else None


def _worded(rows: list[Row], column: int) -> bool:
    """Whether some cell starting at ``column`` holds a word (not arrows only)."""
    return any(
        _WORD.search(cell.text) for row in rows for at, cell in positions(row) if at == column
    )


def _titled(view: TableView) -> TableView:
    """The view with every cell holding a code alone joined to the worded cell
    after it on its row (one new cell per pair, the same object on every row
    the pair spans); the view itself when no row has such a pair."""
    joined: dict[tuple[int, int], Cell] = {}
    body: list[Row] = []
    for row in view.body:
        cells: list[Cell] = []
        for cell in row.cells:
            code = cells[-1] if cells else None
            if (
                code is not None
                and id(code) not in {id(c) for c in joined.values()}
                and _ALONE.match(code.text)
                and _WORD.search(cell.text)
                and not _ALONE.match(cell.text)
                and code.row_span == cell.row_span
            ):
                cells[-1] = joined.setdefault((id(code), id(cell)), _join(code, cell))
                continue
            cells.append(cell)
        body.append(replace(row, cells=cells))
    return replace(view, body=body) if joined else view


def _join(code: Cell, title: Cell) -> Cell:
    """One cell: the code, a space and its title's first line, then the rest of the title."""
    first, *rest = title.blocks
    head = replace(first, text=f"{code.text.strip()} {first.text}")
    return Cell([head, *rest], code.col_span + title.col_span, code.row_span)


def _activites_only(view: TableView, column: int, code: Code | None) -> bool:
    """Whether the header names ``column`` the activités, no column a unit, and
    the parent code is lettered as an activité's ("A1", rules ``code.activite``)."""
    named = view.roles[column] if column < len(view.roles) else None
    lettered = code is not None and code[0].upper() == "A"
    return named == "activite" and lettered and not {"bloc", "competence"} & set(view.roles)
