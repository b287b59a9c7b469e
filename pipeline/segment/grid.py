"""A bloc-less document that is one grid: its named rows are the units.

Some référentiels print no bloc, no ability list, only a grid: each row names
what is assessed (a domaine) and each other column a level, its cells
describing the expected performance in sentences (a language diploma graded
by CEFR level). When nothing else was found, each named row becomes a bloc and
its cells' sentences its critères, with a ``LOW_CONFIDENCE_STRUCTURE`` warning,
rather than the document being refused. Rows grouped under a spanning cell
("DOMAINES") are the units; a row outside the group (general characteristics
of the levels) is not. A table of figures (an invoice) has no sentences in its
cells and makes no unit.

A grid whose level cells hold names, one each, and no sentence (a framework's
aspects × levels of progression, each cell naming an ability) lists the
abilities themselves: each cell is a compétence of its row's bloc, its level
the column's heading; a row label numbered "1." gives the bloc its code.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..docmodel import Block, Kind
from ..textclean import ends_sentence, is_mark, label_text
from .content import add_critere
from .draft import Context, DBloc, DCompetence, Unit, Where, cell_units, positions
from .numbering import numbered

RULE = "grid.row"
_LABEL = 80  # a row's name is a short line
_WORDS = 2  # a finished statement has this many words at least
_LONG = 8  # a line this long states something, finished or not
_MIN_ROWS = 2  # a grid names this many units at least


def grid(ctx: Context) -> None:
    """Read a bloc-less document's grid rows as blocs of critères (or of compétences)."""
    if ctx.draft.blocs or ctx.draft.transversales:
        return
    for block in ctx.document.blocks:
        if block.kind is not Kind.TABLE:
            continue
        found = _unit_rows(block)
        named = bool(found) and all(row.names for row in found)
        rows = _grouped([row for row in found if named or row.sentenced])
        if len(rows) < _MIN_ROWS:
            continue
        for row in rows:
            ctx.draft.blocs.append(_bloc(row, named))
        first = rows[0].label
        said = "names as compétences" if named else "sentences as critères"
        ctx.warn(
            "LOW_CONFIDENCE_STRUCTURE",
            f"no bloc level found: the {len(rows)} named rows of a grid kept as blocs,"
            f" their cells' {said}",
            first.page,
            first.line,
        )
        return


@dataclass
class _Row:
    """A grid row naming a unit: its label, the sentences of its cells, and,
    when each of its cells holds one name and no sentence, those names (with
    the heading of their column)."""

    label: Unit
    statements: list[Unit]
    names: list[tuple[Unit, str | None]]
    sentenced: bool  # two cells or more hold sentences
    grouped: bool  # under a spanning cell of the first column


def _bloc(row: _Row, named: bool) -> DBloc:
    """The bloc a row names, with its cells' compétences (``named``) or critères."""
    label = row.label
    title = label_text(label.text)
    hit = numbered(title)
    code = None
    if hit is not None and not hit.word and len(hit.number) == 1 and hit.title:
        code, title = str(hit.number[0]), label_text(hit.title)
    bloc = DBloc(code, title, Where(label.page, label.line, RULE))
    for unit, head in row.names if named else []:
        where = Where(unit.page, unit.line, RULE)
        bloc.competences.append(DCompetence(label_text(unit.text), where, niveau=head))
    for unit in [] if named else row.statements:
        add_critere(bloc, unit, label_text(unit.text), [], RULE)
    return bloc


def _unit_rows(block: Block) -> list[_Row]:
    """The rows naming a unit: a short label, then sentences — or one name
    each — in two cells at least. A row of names all set in bold heads the columns."""
    found: list[_Row] = []
    grouped_until = -1
    seen: set[int] = set()  # a spanning cell is repeated in every row it spans
    heads: dict[int, str] = {}  # each column's heading, from the header row of names
    for index, row in enumerate(block.rows):
        label: tuple[int, Unit] | None = None
        statements: list[Unit] = []
        names: list[tuple[int, Unit]] = []
        filled = printing = 0  # cells holding sentences; cells holding anything
        for column, cell in positions(row):
            printed = cell_units(cell)
            units = [u for u in printed if not is_mark(u.text)]
            if label is None:
                if cell.row_span > 1 and printed and id(cell) not in seen:
                    # a grouping cell ("DOMAINES", even one letter a line)
                    grouped_until = max(grouped_until, index + cell.row_span - 1)
                seen.add(id(cell))
                if len(units) == 1 and _is_label(units[0].text) and cell.row_span <= 1:
                    label = column, units[0]
                continue
            printing += bool(units)
            if len(units) == 1 and _is_label(units[0].text):
                names.append((column, units[0]))
            said = [u for u in units if _is_statement(u.text)]
            statements.extend(said)
            filled += bool(said)
        if label is None:
            continue
        if len(names) != printing or len(names) < 2:
            names = []  # some cell holds a sentence, or several lines: no row of names
        elif all(unit.bold for _, unit in [label, *names]):  # the header row of names
            heads.update((column, label_text(unit.text)) for column, unit in [label, *names])
            continue
        if filled >= 2 or names:
            named = [(unit, heads.get(column)) for column, unit in names]
            found.append(_Row(label[1], statements, named, filled >= 2, index <= grouped_until))
    return found


def _grouped(rows: list[_Row]) -> list[_Row]:
    """Only the rows under a spanning cell when some are."""
    return [row for row in rows if row.grouped] if any(row.grouped for row in rows) else rows


def _is_label(text: str) -> bool:
    return len(text) <= _LABEL and not ends_sentence(text)


def _is_statement(text: str) -> bool:
    """A sentence ("Argumentation efficace."), or a long line that lost its stop."""
    words = len(text.split())
    return words >= _LONG or (ends_sentence(text) and words >= _WORDS)
