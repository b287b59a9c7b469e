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
"""

from __future__ import annotations

from ..docmodel import Block, Kind
from ..textclean import ends_sentence, is_mark, label_text
from .content import add_critere
from .draft import Context, DBloc, Unit, Where, cell_units, positions

RULE = "grid.row"
_LABEL = 80  # a row's name is a short line
_WORDS = 2  # a finished statement has this many words at least
_LONG = 8  # a line this long states something, finished or not
_MIN_ROWS = 2  # a grid names this many units at least


def grid(ctx: Context) -> None:
    """Read a bloc-less document's grid rows as blocs of critères."""
    if ctx.draft.blocs or ctx.draft.transversales:
        return
    for block in ctx.document.blocks:
        if block.kind is not Kind.TABLE:
            continue
        rows = _unit_rows(block)
        if len(rows) < _MIN_ROWS:
            continue
        for label, statements in rows:
            bloc = DBloc(None, label_text(label.text), Where(label.page, label.line, RULE))
            for unit in statements:
                add_critere(bloc, unit, label_text(unit.text), [], RULE)
            ctx.draft.blocs.append(bloc)
        first = rows[0][0]
        ctx.warn(
            "LOW_CONFIDENCE_STRUCTURE",
            f"no bloc level found: the {len(rows)} named rows of a grid kept as blocs,"
            " their cells' sentences as critères",
            first.page,
            first.line,
        )
        return


def _unit_rows(block: Block) -> list[tuple[Unit, list[Unit]]]:
    """The rows naming a unit (a short label, then sentences in two cells at
    least); only those under a spanning cell when some are."""
    found: list[tuple[Unit, list[Unit], bool]] = []
    grouped_until = -1
    seen: set[int] = set()  # a spanning cell is repeated in every row it spans
    for index, row in enumerate(block.rows):
        label: Unit | None = None
        statements: list[Unit] = []
        filled = 0
        for _, cell in positions(row):
            printed = cell_units(cell)
            units = [u for u in printed if not is_mark(u.text)]
            if label is None:
                if cell.row_span > 1 and printed and id(cell) not in seen:
                    # a grouping cell ("DOMAINES", even one letter a line)
                    grouped_until = max(grouped_until, index + cell.row_span - 1)
                seen.add(id(cell))
                if len(units) == 1 and _is_label(units[0].text) and cell.row_span <= 1:
                    label = units[0]
                continue
            said = [u for u in units if _is_statement(u.text)]
            statements.extend(said)
            filled += bool(said)
        if label is not None and filled >= 2:
            found.append((label, statements, index <= grouped_until))
    if any(grouped for _, _, grouped in found):
        found = [entry for entry in found if entry[2]]
    return [(label, statements) for label, statements, _ in found]


def _is_label(text: str) -> bool:
    return len(text) <= _LABEL and not ends_sentence(text)


def _is_statement(text: str) -> bool:
    """A sentence ("Argumentation efficace."), or a long line that lost its stop."""
    words = len(text.split())
    return words >= _LONG or (ends_sentence(text) and words >= _WORDS)
