"""Two column shapes a table's body reveals, whatever its header says.

A column printed twice: every body cell of a column repeats, word for word,
the cell on its left (a grid setting the référentiel d'activités beside the
référentiel de certification, the same compétences in both): the two columns
hold one list, read once (:func:`twin_columns`).

A work column the compétence codes nest in: with no bloc column, an activité
cell printing a code ("A1 - Accueillir …") that every compétence code of its
rows extends ("A1 C1", "A1 C1.1", "A2C2.1") is the unit the compétences belong
to, each table row group assessed as a whole — the bloc (contract, "No bloc
level"): the column is read as the bloc column, the bloc coded as printed
(:func:`coded_activites`, :func:`open_coded`). Within a cell, compétences
whose codes extend the first one's ("A1 C1" over "A1 C1.1", "A1 C1.2") are
that compétence's sub-items: the row states the first (:func:`sub_coded`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..docmodel import Cell
from .draft import Context, DBloc, DCompetence, TableView, cell_units, positions
from .state import State, open_bloc

_MIN_WORDS = 3  # a repeated cell of fewer words may be a mark or a label, not content
_CODE = re.compile(r"(?<!\S)(?P<code>[^\W\d_]{1,3}\s?\d{1,3})(?=\s*[-–—:]|\s)")


def _plain(cell: Cell) -> str:
    """A cell's words, punctuation, dashes and case aside."""
    return " ".join(re.sub(r"[\W_]+", " ", cell.text.casefold()).split())


def _column(view: TableView, column: int) -> list[Cell]:
    """The body cells starting at ``column``, each once, in order."""
    cells: dict[int, Cell] = {}
    for row in view.body:
        for at, cell in positions(row):
            if at == column:
                cells.setdefault(id(cell), cell)
    return list(cells.values())


def twin_columns(view: TableView) -> None:
    """Read a column whose body repeats the column on its left once, under the
    role its header gives it: the left column takes it, the right one is left
    unread (the header may have read the pair as units and their details)."""
    for column in range(len(view.roles) - 1):
        left, right = view.roles[column], view.roles[column + 1]
        if left is None or right is None:
            continue
        pairs = [
            (a, b)
            for row in view.body
            for (at, a), (next_at, b) in zip(positions(row), positions(row)[1:], strict=False)
            if at == column and next_at == column + 1
        ]
        if not pairs or len(pairs) < len(view.body):
            continue
        if all(_plain(a) == _plain(b) for a, b in pairs) and any(
            len(_plain(a).split()) >= _MIN_WORDS for a, _ in pairs
        ):
            view.roles[column], view.roles[column + 1] = right, None


def _nested_code(cell: Cell, competences: list[Cell]) -> str | None:
    """The code the activité cell prints that every compétence cell's first
    code extends by a code of its own ("A1" → "A1 C1", "A2C2.1")."""
    firsts = [units[0].text for units in map(cell_units, competences) if units]
    if not firsts:
        return None
    for found in _CODE.finditer(cell.text):
        code = found.group("code")
        extended = re.compile(rf"{re.escape(code)}\s?[^\W\d_]{{1,3}}\s?\d")
        if all(extended.match(text) for text in firsts):
            return code
    return None


def coded_activites(view: TableView) -> None:
    """With no bloc column, an activité column whose every cell prints the
    code its rows' compétence codes extend is the bloc column (the codes are
    kept in ``view.bloc_codes`` for :func:`open_coded`)."""
    if "bloc" in view.roles or "activite" not in view.roles or "competence" not in view.roles:
        return
    work, comp = view.roles.index("activite"), view.roles.index("competence")
    codes: dict[int, str] = {}
    for cell in _column(view, work):
        rows = [row for row in view.body if any(c is cell for c in row.cells)]
        competences = [c for row in rows for at, c in positions(row) if at == comp]
        code = _nested_code(cell, competences)
        if code is None:
            return
        codes[id(cell)] = code
    if codes:
        view.roles[work] = "bloc"
        view.bloc_codes.update(codes)


def open_coded(ctx: Context, state: State, view: TableView, cell: Cell) -> DBloc | None:
    """The bloc an activité cell names by the code its compétences extend:
    coded as printed, titled by what follows the code in the cell."""
    code = view.bloc_codes.get(id(cell))
    units = cell_units(cell)
    if code is None or not units:
        return None
    for index, unit in enumerate(units):
        found = re.search(rf"(?<!\S){re.escape(code)}\s*[-–—:]?\s*", unit.text)
        if found is None:
            continue
        title = " ".join([unit.text[found.end() :], *(u.text for u in units[index + 1 :])])
        heading = [replace(unit, text=title.strip())]
        bloc = open_bloc(ctx, state, heading, "table.bloc-nested", any_text=True)
        if bloc is not None:
            bloc.code = " ".join(code.split())
        return bloc
    return None


def sub_coded(comps: list[DCompetence]) -> DCompetence | None:
    """The first of a cell's compétences when every other one's code extends
    its code by a dotted number ("A2 C2" → "A2C2.1"); else None."""
    codes = ["".join(c.codes[0][0].split()) if c.codes else "" for c in comps]
    if (
        len(comps) < 2
        or not codes[0]
        or not all(  # noqa: PLR2004 - a head and an item
            code.startswith(f"{codes[0]}.") for code in codes[1:]
        )
    ):
        return None
    return comps[0]
