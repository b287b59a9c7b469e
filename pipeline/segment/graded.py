"""Graded rubric grids: the unheaded column left of a header of graded levels.

An evaluation grid of the Éducation nationale BTS circulars heads one column
per degree of mastery ("Degré 1 … Degré 4", rule ``column.degre``, each cell
describing what is observed at that degree: the indicateurs) and leaves the
head of its first column blank: that column labels each row with what is
judged, the critère the degrees grade. The épreuve the grid assesses is
printed as a row across it ("E2 – …", rule label ``epreuve-grid``): the bloc;
the parts of the épreuve a row above the critères lists are its modalités.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import takewhile

from ..docmodel import Cell, Kind, Row
from ..rules import RuleSet
from ..textclean import ends_lead_in, label_text
from .draft import Context, TableView, Unit, cell_units, positions
from .state import State, open_bloc

_DEGREE = "column.degre"
_MIN_DEGREES = 2  # graded levels needed to call the heads a scale


def is_graded(row: Row, rules: RuleSet) -> bool:
    """Whether a header row heads two or more graded levels right of a blank cell."""
    degrees = [column for column, cell in positions(row) if _degree(cell_texts(cell), rules)]
    return len(degrees) >= _MIN_DEGREES and any(
        column < degrees[0] and not cell_texts(cell) for column, cell in positions(row)
    )


def graded_columns(row: Row, rules: RuleSet) -> tuple[int, ...]:
    """The columns a graded header row's cells start at (empty for another row)."""
    return tuple(column for column, _ in positions(row)) if is_graded(row, rules) else ()


def off_grid(row: Row, view: TableView) -> bool:
    """Whether a body row of a graded grid lays its cells on other columns than
    the header's: identity fields to fill in, a bonus or a total row across the
    degrees, no critère graded by them."""
    return bool(view.graded) and tuple(column for column, _ in positions(row)) != view.graded


def graded_labels(roles: list[str | None], row: Row, rules: RuleSet) -> list[str | None]:
    """``roles`` with the first blank-headed column left of the graded levels
    made the critères (unless a column already holds them)."""
    if "criteres" in roles or not is_graded(row, rules):
        return roles
    blank = [
        column
        for column, cell in positions(row)
        if not cell_texts(cell) and column < len(roles) and roles[column] is None
    ]
    out = list(roles)
    out[blank[0]] = "criteres"
    return out


def open_graded_epreuve(ctx: Context, state: State, units: list[Unit]) -> bool:
    """Open the bloc a graded grid's épreuve row names (no bloc open yet)."""
    hit = ctx.rules.first("epreuve-grid", units[0].text) if units else None
    if hit is None or state.bloc is not None:
        return False
    state.pending_code = " ".join((hit.group("code") or "").split())
    title = replace(units[0], text=label_text(hit.group("libelle") or ""))
    return open_bloc(ctx, state, [title], hit.rule.id, any_text=True) is not None


def graded_modalites(state: State, units: list[Unit]) -> bool:
    """A row across a graded grid, above its critères, whose lead-in lists the
    épreuve's parts as list items ("Épreuve orale en deux parties :" over
    "- restitution …", "- entretien …"): the modalités of the épreuve's bloc."""
    if state.bloc is None or state.bloc.criteres:
        return False
    for index, unit in enumerate(units[:-1]):
        if ends_lead_in(unit.text) and units[index + 1].kind is Kind.LIST_ITEM:
            for item in takewhile(lambda u: u.kind is Kind.LIST_ITEM, units[index + 1 :]):
                state.bloc.modalites.append(item.text)  # each part its own, none goes on
                state.bloc.modalites_details.append("")
            return True
    return False


def critere_units(units: list[Unit], rules: RuleSet) -> list[Unit]:
    """A graded grid's critère label without the épreuve part printed over it
    ("Partie 1" over "Compréhension de l’écrit", rule label ``epreuve-part``)."""
    if len(units) > 1 and rules.first("epreuve-part", units[0].text) is not None:
        return units[1:]
    return units


def cell_texts(cell: Cell) -> str:
    """A header cell's text, its units joined."""
    return " ".join(u.text for u in cell_units(cell)).strip()


def _degree(text: str, rules: RuleSet) -> bool:
    hit = rules.first("column", text) if text else None
    return hit is not None and hit.rule.id == _DEGREE
