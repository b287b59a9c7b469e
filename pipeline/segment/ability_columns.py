"""Column roles told by what the columns hold, under a header that names none.

A learning-outcomes table may head its columns with lead-ins no column rule
names (a sentence ending on a colon over each column) and list abilities in
two of them: an ability statement on the left, standing beside (merged over,
or repeated on) the several results that show it on the right, with a short
label column between (a level word). The columns' content tells the roles:
two columns of action statements, the others holding labels only (no
module titles beside them), the left one holding fewer statements than
the right one, each left statement beside at least one right one; the left
column states the compétences, the right one the critères that judge them.
A part of such a table with no head of its own, right after it with as many
columns (split by a page break), goes on under the same roles. Results run
together in one cell, each opening on its own infinitive lead-in ("… bobine)
d'appliquer …"), are cut apart (:mod:`.ability_items`).
"""

from __future__ import annotations

from dataclasses import replace

from ..docmodel import Block, Row
from ..hyphens import FRENCH, join_wrapped
from ..nlp import is_action
from ..textclean import ends_sentence, starts_lower
from .ability_items import split_results
from .draft import Context, TableView, Unit, cell_text, cell_units, norm_text, positions, units_text

_HEAD_WORDS = 16  # a header cell longer than this is content, not a head
_LABEL_WORDS = 3  # a cell of the other columns longer than this titles something


def ability_view(ctx: Context, block: Block, out: list[Unit]) -> TableView | None:
    """The view reading ``block`` by the roles its columns' content tells, if any."""
    if not ctx.options.use_nlp or not block.rows:
        return None
    width = block.grid_width
    before = out[-1].table if out else None
    continued = before is not None and before.completes_heads and len(before.roles) == width
    if continued and before is not None and not _head_row(block.rows[0], width):
        return _view(ctx, block, list(before.roles), list(block.rows))  # the rest of the above
    if len(block.rows) < 2 or not _head_row(block.rows[0], width):  # noqa: PLR2004
        return None
    body = block.rows[1:]
    if continued and before is not None:
        body = _rest_joined(before, body)
    statements = [_statements(body, column) for column in range(width)]
    actions = [c for c in range(width) if statements[c] is not None]
    if len(actions) != 2:  # noqa: PLR2004
        return None
    left, right = actions
    if not all(_labels(body, c) for c in range(width) if c not in actions):
        return None
    roles: list[str | None] = [None] * width
    roles[left], roles[right] = "competence", "criteres"
    body = split_results(body, right)
    owned, owners = statements[left], _statements(body, right, whole=False)
    if not owned or not owners or len(owned) >= len(owners) or not _paired(body, left, right):
        return None
    return _view(ctx, block, roles, body)


def _view(ctx: Context, block: Block, roles: list[str | None], body: list[Row]) -> TableView:
    right = roles.index("criteres")
    view = TableView(block, roles, split_results(body, right), ctx.new_source())
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


def _statements(body: list[Row], column: int, whole: bool = True) -> list[str] | None:
    """The distinct statements of a column when most filled cells of it open
    on an action (None otherwise): each cell's text
    when ``whole``, else each of its items. A row whose other
    cells are empty is the rest of a cell the page break cut: not counted."""
    seen: list[str] = []
    others = 0  # cells opening on no action
    for row in body:
        cells = dict(positions(row))
        if sum(bool(c.text.strip()) for c in cells.values()) < 2:  # noqa: PLR2004
            continue
        units = cell_units(cells[column]) if column in cells else []
        if not units:
            continue
        if not is_action(units[0].text):
            others += 1
            continue
        for text in [units_text(units)] if whole else [u.text for u in units]:
            if norm_text(text) not in seen:
                seen.append(norm_text(text))
    return seen if len(seen) > others else None


def _labels(body: list[Row], column: int) -> bool:
    """Whether a column holds labels only (a level word, a number), no titles."""
    return all(
        len(cell.text.split()) <= _LABEL_WORDS
        for row in body
        for at, cell in positions(row)
        if at == column
    )


def _paired(body: list[Row], left: int, right: int) -> bool:
    """Every left statement stands beside at least one right one."""
    for row in body:
        cells = dict(positions(row))
        mine, theirs = cells.get(left), cells.get(right)
        if mine is not None and mine.text.strip() and (theirs is None or not theirs.text.strip()):
            return False
    return True


def _rest_joined(before: TableView, body: list[Row]) -> list[Row]:
    """``body`` without its first row when that row only holds the rest of the
    last result of the table part above (a result the page break cut, the
    heads printed again between): the rest is joined to that result."""
    if not body or not before.body:
        return body
    right = before.roles.index("criteres")
    filled = [(at, c) for at, c in positions(body[0]) if c.text.strip()]
    if len(filled) != 1 or filled[0][0] != right:
        return body
    rest = cell_text(filled[0][1])
    if not starts_lower(rest) or is_action(rest):
        return body
    cells = [dict(positions(row)).get(right) for row in before.body]
    cell = next((c for c in reversed(cells) if c is not None and c.blocks), None)
    if cell is None or ends_sentence(cell.blocks[-1].text):
        return body
    cell.blocks[-1] = replace(
        cell.blocks[-1], text=join_wrapped(cell.blocks[-1].text, rest, FRENCH)
    )
    return body[1:]
