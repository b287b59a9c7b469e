"""Column roles told by what the columns hold, under a header that names none.

A learning-outcomes table may head its columns with lead-ins no column rule
names (a sentence ending on a colon over each column) and list abilities in
two of them: an ability statement on the left, standing beside (merged over,
or repeated on) the several results that show it on the right, with a short
label column between (a level word). The columns' content tells the roles:
two columns of action statements, the left one holding fewer statements than
the right one, each left statement beside at least one right one; the left
column states the compétences, the right one the critères that judge them.
"""

from __future__ import annotations

from ..docmodel import Block, Row
from ..nlp import is_action
from .draft import Context, TableView, cell_units, norm_text, positions

_HEAD_WORDS = 16  # a header cell longer than this is content, not a head
_MIN_BODY = 1


def ability_view(ctx: Context, block: Block) -> TableView | None:
    """The view reading ``block`` by the roles its columns' content tells, if any."""
    if not ctx.options.use_nlp or len(block.rows) < 1 + _MIN_BODY:
        return None
    head, body = block.rows[0], block.rows[1:]
    width = block.grid_width
    if not _head_row(head, width):
        return None
    statements = [_statements(body, column) for column in range(width)]
    actions = [c for c in range(width) if statements[c] is not None]
    if len(actions) != 2:  # noqa: PLR2004
        return None
    left, right = actions
    owned, owners = statements[left], statements[right]
    assert owned is not None and owners is not None
    if not 0 < len(owned) < len(owners) or not _paired(body, left, right):
        return None
    roles: list[str | None] = [None] * width
    roles[left], roles[right] = "competence", "criteres"
    view = TableView(block, roles, list(body), ctx.new_source())
    view.completes_heads = True
    return view


def _head_row(row: Row, width: int) -> bool:
    """A first row of short heads, one per column, none an action statement."""
    cells = [cell for _, cell in positions(row)]
    if len(cells) != width or width < 2:  # noqa: PLR2004
        return False
    for cell in cells:
        text = " ".join(cell.text.split())
        if not text or len(text.split()) > _HEAD_WORDS or is_action(text):
            return False
    return True


def _statements(body: list[Row], column: int) -> list[str] | None:
    """The distinct statements of a column when every filled cell of it opens
    on an action (None otherwise, or when it holds none)."""
    seen: list[str] = []
    for row in body:
        for at, cell in positions(row):
            if at != column:
                continue
            units = cell_units(cell)
            if not units:
                continue
            if not is_action(units[0].text):
                return None
            text = norm_text(" ".join(u.text for u in units))
            if text not in seen:
                seen.append(text)
    return seen or None


def _paired(body: list[Row], left: int, right: int) -> bool:
    """Every left statement stands beside at least one right one."""
    for row in body:
        cells = dict(positions(row))
        mine, theirs = cells.get(left), cells.get(right)
        if mine is not None and mine.text.strip() and (theirs is None or not theirs.text.strip()):
            return False
    return True
