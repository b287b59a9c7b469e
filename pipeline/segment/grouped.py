"""Tables whose leading columns group the rows below them ("filled down").

A cell merged over several rows is printed either as one cell spanning them
(a rowspan) or as a cell filled on the group's first row and left empty on
the rows below (a rowspan written out as empty cells, as converted HTML and
Word tables have it); either way the group *opens* on its first row. When a
table's header names no column role, or when it has no header row at all (its
first row is content: a sentence, a list, or a cell merged down over the rows
below), its leading run of such group columns is the table's own hierarchy,
read from the layout: each group column's groups nest in those of the column
before it and a column after the run is filled on every row. By the
contract's logic ("Families and levels": the bloc is the unit assessed as a
whole, the compétences the abilities listed inside it):

* the compétences are the first column, after the first one, whose cells are
  sentences (most end with a full stop) — a group column of them (an
  objective spanning the rows of its details) or the first column filled on
  every row; group columns of titles before it group them; with no column
  of sentences, the innermost group column;
* the bloc is the group column before it whose every cell opens with a bloc
  level word ("Module juridique": ``level-word`` rules), otherwise the group
  column right before the compétences.

Group columns before the bloc are groupings above it, those between the bloc
and its compétences group compétences inside it, and the columns after the
compétences detail each one: none makes an element (their text stays a
warning, never lost).
"""

from __future__ import annotations

from ..docmodel import Block, Cell, Row
from ..rules import RuleSet
from .draft import TableView, cell_units
from .headers import holds_content

_MIN_BODY = 4  # body rows for a grouping to be seen
_MIN_GROUPS = 2  # groups the compétence column must open


def grouped_view(block: Block, source: int, rules: RuleSet) -> TableView | None:
    """A view of ``block`` reading its group columns as blocs and compétences,
    under a header row of filled labels or with no header; None when the
    table has no such run."""
    if not block.rows:
        return None
    first = block.rows[0]
    header = None if _content(first) else first
    body = block.rows[1:] if header is not None else block.rows
    if len(body) < _MIN_BODY:
        return None
    width = len(block.rows[0].cells)
    if not all(_plain(row.cells, width) for row in block.rows):
        return None  # a plain grid: one cell per column, none merged
    if header is not None and not all(_filled(cell) for cell in header.cells):
        return None
    levels = _levels(body, width, rules)
    if levels is None:
        return None
    roles: list[str | None] = [None] * width
    roles[levels[0]], roles[levels[1]] = "bloc", "competence"
    return TableView(block, roles, body, source, statements=True)


def _levels(body: list[Row], width: int, rules: RuleSet) -> tuple[int, int] | None:
    """The bloc and compétence columns of a body whose leading columns group its rows."""
    filled = [_opened(body, column) for column in range(width)]
    run = 0
    while run < width and filled[run][0] and not all(filled[run]):
        run += 1
    if run == 0 or run == width or not all(filled[run]):
        return None
    levels = [c for c in range(run + 1) if not _absent(body, filled[0], c)]
    sentences = [c for c in levels[1:] if _sentences(body, c)]
    if sentences:
        competence = sentences[0]
        while competence + 1 in sentences and competence + 1 < run:
            competence += 1  # sentences grouping sentences: a heading over the objectives
    else:  # the innermost group column after the first; after an absent one, the next
        competence = max((c for c in levels if 1 <= c < run), default=run if run > 1 else 0)
    if competence < 1 or sum(filled[competence]) < _MIN_GROUPS:
        return None
    above = [c for c in levels if c < competence]
    worded = [c for c in above if _worded(body, c, rules)]
    bloc = worded[0] if worded else max(above, default=competence - 1)
    for outer, inner in zip(filled[:bloc], filled[1 : bloc + 1], strict=True):
        if any(o and not i for o, i in zip(outer, inner, strict=True)):
            return None  # a group that opens no group on its right: no nesting
    if any(b and not c for b, c in zip(filled[bloc], filled[competence], strict=True)):
        return None  # a bloc opening no compétence
    return bloc, competence


def _absent(body: list[Row], outer: list[bool], column: int) -> bool:
    """Whether a column is empty on a row where the first column opens a group:
    groups nest, so there its emptiness cannot continue the cell above — the
    column has nothing for that group and is no level of the hierarchy."""
    return any(
        opens and not _filled(row.cells[column]) for opens, row in zip(outer, body, strict=True)
    )


def _content(row: Row) -> bool:
    """Whether a table's first row is content, not a header: a cell holds
    content (:func:`.headers.holds_content`: a list or a sentence), or a cell
    is merged down over rows another cell of the row is not (a group of the
    rows below)."""
    spans = {max(1, c.row_span) for c in row.cells}
    return len(spans) > 1 or any(holds_content(cell_units(c)) for c in row.cells)


def _opened(body: list[Row], column: int) -> list[bool]:
    """Row by row, whether a column's cell opens there: filled, and not the
    same merged cell as on the row above (a rowspan opens on its first row)."""
    out: list[bool] = []
    above: Cell | None = None
    for row in body:
        cell = row.cells[column]
        out.append(_filled(cell) and cell is not above)
        above = cell
    return out


def _sentences(body: list[Row], column: int) -> bool:
    """Whether most filled cells of a column end as sentences do (a full stop)."""
    texts = _texts(body, column)
    return 2 * sum(text.endswith(".") for text in texts) > len(texts)


def _worded(body: list[Row], column: int, rules: RuleSet) -> bool:
    """Whether every filled cell of a column opens with a bloc level word."""
    texts = _texts(body, column)
    return bool(texts) and all(rules.level(text) == "bloc" for text in texts)


def _texts(body: list[Row], column: int) -> list[str]:
    """The texts of a column's filled cells, row by row."""
    return [row.cells[column].text.strip() for row in body if _filled(row.cells[column])]


def _plain(cells: list[Cell], width: int) -> bool:
    """Whether a row has one cell of its own per column."""
    return len({id(c) for c in cells}) == width and all(c.col_span <= 1 for c in cells)


def _filled(cell: Cell) -> bool:
    """Whether the cell prints a word (a lone dot or dash is no content)."""
    return any(c.isalpha() for c in cell.text)
