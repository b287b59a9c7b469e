"""Lettered parts over coded rows: "Partie B : …" above rows "B1 …", "B2 …".

An evaluation form may head each of its parts with a line naming the part by a
word and a capital letter, its title after a colon, just above a table whose
rows are coded by that same letter and a number, the code alone in its cell
and the row's title beside it. The numbering series says the rows belong to
the part: the part is the unit assessed as a whole (contract, "Families and
levels": the bloc is the unit certified or assessed as a whole), a bloc coded
by its letter and titled by the heading's text after the colon. Rows stating
actions (an infinitive) are its compétences; when none does and the columns
beside the titles are left blank for the assessor (points, justification),
the rows name the aspects scored: its critères.
"""

from __future__ import annotations

from ..docmodel import Cell
from ..nlp import is_action
from ..rules import RuleSet
from ..textclean import label_text
from .content import add_competence, add_critere
from .draft import Context, DBloc, TableView, Unit, Where, cell_units, units_text
from .state import State

RULE = "table.coded-part"
_LABEL = "part-heading"


def coded_part(
    view: TableView, code_role: str, title_role: str, out: list[Unit], rules: RuleSet
) -> None:
    """Note on ``view`` the part the unit just above it names, when the
    table's codes all carry that part's letter."""
    last = out[-1] if out else None
    if last is None or last.table is not None or not last.heading_like:
        return
    hit = rules.first(_LABEL, " ".join(last.text.split()))
    if hit is None:
        return
    code_column = view.roles.index(code_role)
    title_column = view.roles.index(title_role)
    rows = [row for row in view.body if len(row.cells) > max(code_column, title_column)]
    letter = hit.group("letter") or ""
    if {row.cells[code_column].text.strip()[:1] for row in rows} != {letter}:
        return
    titles = [units_text(cell_units(row.cells[title_column])) for row in rows]
    blank = all(
        not cell.text.strip()
        for row in rows
        for column, cell in enumerate(row.cells)
        if column not in (code_column, title_column)
    )
    view.part = (letter, label_text(hit.group("title") or ""), last)
    view.part_scored = blank and not any(is_action(title) for title in titles)


def read_part_row(ctx: Context, view: TableView, state: State, code: str, cell: Cell) -> None:
    """A coded row of the part ``view`` notes: a compétence or a critère of the
    part's bloc, opened at its first row."""
    assert view.part is not None
    letter, title, heading = view.part
    units = cell_units(cell)
    if not units:
        return
    bloc = state.bloc
    if bloc is None or bloc.code != letter or bloc.where.rule != RULE:
        bloc = DBloc(letter, title, Where(heading.page, heading.line, RULE))
        ctx.draft.blocs.append(bloc)
        state.close()
        state.bloc = bloc
        state.source = ctx.new_source()
    libelle = label_text(units_text(units))
    if view.part_scored:
        add_critere(bloc, units[0], libelle, [], RULE)
        return
    comp = add_competence(
        ctx, bloc, units[0], view.source, from_list=False, rule=RULE, text=libelle
    )
    if comp is not None and not comp.codes:
        comp.codes.append((code, view.source))
