"""Columns of check marks: which modalités d'évaluation apply to each row.

Titres professionnels' evaluation grids (and other forms) give each modality
of evaluation a column — its name in the header ("Mise en situation
professionnelle", "Entretien technique", …) — and tick, on each compétence's
row, the modalities that evaluate it (``☒`` ticked, ``☐`` not: the readers
turn symbol-font and drawn boxes into these glyphs). Such a column is known
by its body, not its header's wording: most of its cells hold a check glyph
and nothing else. Its header cell names a modality; each bloc gets the
modalities ticked on the rows of its compétences, in column order.
"""

from __future__ import annotations

from ..docmodel import Block, Row
from ..textclean import is_points
from .draft import DBloc, TableView, cell_text, positions
from .modalites import add_named

CHECKS = "checks"  # the column role of a column of check marks
SCORE = "score"  # the column role of a rating scale's heads to tick (rules/columns.yaml)
_TICKED = frozenset("☒☑✓✔✗✘■")
_EMPTY = frozenset("☐□❏")
_MIN_ROWS = 2  # a column with fewer check cells is not a column of checks
_HEAD = 3  # characters: a column head this short ("S1", "U11") names a mark column


def is_check(text: str) -> bool:
    """A cell text made of one check glyph (ticked or not)."""
    text = text.strip()
    return len(text) == 1 and text in _TICKED | _EMPTY


def ticked(text: str) -> bool:
    return text.strip() in _TICKED


def check_columns(block: Block) -> set[int]:
    """The columns (by start position) whose cells, on the rows that tick
    something, mostly hold a check glyph only (header rows, however many, and
    full-width rows are not counted)."""
    checks: dict[int, int] = {}
    texts: dict[int, int] = {}
    for row in block.rows:
        cells = [(c, cell_text(cell)) for c, cell in positions(row)]
        if not any(is_check(text) for _, text in cells):
            continue
        for column, text in cells:
            if is_check(text):
                checks[column] = checks.get(column, 0) + 1
            elif text:
                texts[column] = texts.get(column, 0) + 1
    return {c for c, n in checks.items() if n >= _MIN_ROWS and n > texts.get(c, 0)}


def is_tick(text: str) -> bool:
    """A cell text that marks rather than says: one glyph or letter ("●", "½",
    "X", "R"; a digit is a number: a coefficient, a count)."""
    text = text.strip()
    return len(text) == 1 and not text.isdigit()


def mark_columns(block: Block) -> set[int]:
    """The grid columns whose cells mostly hold a mark only (a grid ticking
    which term, savoir or épreuve each row concerns: "S1 … S6" over "●", "½",
    "R"; "S0 … S7" over "X"), or the points each row is worth ("2 points"):
    their header cells head marks, not content, and name no role of their own.
    A short head ("S1") is not counted against a column; a merged cell counts
    for every column it covers."""
    marks: dict[int, int] = {}
    texts: dict[int, int] = {}
    for row in block.rows:
        cells = [(c, cell, cell_text(cell)) for c, cell in positions(row)]
        if len(cells) < 2:
            continue
        for start, cell, text in cells:
            counts = (
                marks if is_tick(text) or is_points(text) else texts if len(text) > _HEAD else None
            )
            for column in range(start, start + max(1, cell.col_span)):
                if counts is not None:
                    counts[column] = counts.get(column, 0) + 1
    return {c for c, n in marks.items() if n >= _MIN_ROWS and n > texts.get(c, 0)}


def name_columns(view: TableView, row: Row, repeated: bool) -> None:
    """Record the header texts of a header row over the view's check columns: a
    narrower cell below names its column more precisely ("Autres modalités
    d'évaluation" over "Entretien technique"), a cell as wide goes on the name
    (a header written on several rows). A header repeated on a later page
    only names the columns still unnamed."""
    for column, cell in positions(row):
        text = cell_text(cell)
        if not text:
            continue
        span = max(1, cell.col_span)
        for index in range(column, column + span):
            if index >= len(view.roles) or view.roles[index] != CHECKS:
                continue
            known = view.names.get(index)
            if known is None:
                view.names[index] = (text, span, id(cell))
            elif repeated:
                continue
            elif span < known[1]:
                view.names[index] = (text, span, id(cell))
            elif span == known[1] and id(cell) != known[2] and text not in known[0]:
                view.names[index] = (f"{known[0]} {text}", span, id(cell))


def tick(view: TableView, bloc: DBloc | None, column: int, text: str) -> None:
    """Note a ticked cell of a check column on a row of ``bloc``."""
    if bloc is not None and ticked(text):
        view.ticked.setdefault(id(bloc), (bloc, set()))[1].add(column)


def add_ticked(view: TableView) -> None:
    """Give each bloc the modalities ticked for its compétences, in column order."""
    for bloc, columns in view.ticked.values():
        for column in sorted(columns):
            name = view.names.get(column)
            if name is None:
                continue
            add_named(bloc, name[0])
