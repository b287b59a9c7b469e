"""Stage ``units``: the document as a flat stream of units.

Tables whose header cells name column roles (rules labelled ``column``) stay
whole, as a :class:`TableView` read by role later; any other table (a layout
table) is opened up and its cells' blocks join the stream in reading order,
each merged cell once; the statement of a row whose other cells hold only
marks or scores ("X", "0", "3": the points of an evaluation grid) is marked
``scored``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..docmodel import Block, Cell, Kind, Row
from ..textclean import is_mark
from .ability_columns import ability_view
from .coded_parts import coded_part
from .constant_marks import unmarked
from .draft import Context, TableView, Unit, cell_text, cell_units, positions
from .formheads import form_heads
from .glued import glued_view
from .grouped import grouped_view
from .headless_views import captioned_view, column_major_view, continued_view
from .headunits import head_view
from .keyed_modalites import keyed_view
from .modalites import epreuve_links
from .splithead import joined_heads
from .stream_joins import join_cell_lines, join_numbers, join_wrapped
from .stream_members import split_members
from .stream_splits import split_glued
from .table_roles import table_views
from .unitcolumn import CODE_ROLE, TITLE_ROLE, code_column_view, unit_view
from .zone_grid import savoirs_grid_view


def units(ctx: Context) -> None:
    """Fill ``ctx.units`` from the document's blocks."""
    out: list[Unit] = []
    for block in joined_heads(ctx.document.blocks):
        _add(ctx, block, out)
    ctx.units = unmarked(split_members(split_glued(join_wrapped(join_numbers(out, ctx.rules)))))


def _add(ctx: Context, block: Block, out: list[Unit]) -> None:
    if block.kind is not Kind.TABLE:
        unit = Unit.of(block)
        if unit.text:
            out.append(unit)
        return
    views = table_views(block, ctx.rules, ctx.new_source, ctx.headers)
    if views:
        for view in views:
            view = glued_view(view) or view
            _code_column(ctx, view)
            out.append(Unit(Kind.TABLE, "", block.page, block.line, table=view, block=block))
        return
    abilities = ability_view(ctx, block, out)
    if abilities is not None:
        out.append(Unit(Kind.TABLE, "", block.page, block.line, table=abilities, block=block))
        return
    continued = savoirs_grid_view(ctx, block, out) or continued_view(ctx, block, out)
    if continued is not None:
        out.append(Unit(Kind.TABLE, "", block.page, block.line, table=continued, block=block))
        return
    epreuve_links(ctx, block)
    captioned = captioned_view(ctx, block, out[-1] if out else None)
    if captioned is not None:
        out.append(Unit(Kind.TABLE, "", block.page, block.line, table=captioned, block=block))
        return
    columns = column_major_view(ctx, block, out[-1] if out else None)
    if columns is not None:
        out.append(Unit(Kind.TABLE, "", block.page, block.line, table=columns, block=block))
        return
    coded = (
        keyed_view(block, ctx.rules, ctx.new_source(), _caption(out))
        or unit_view(block, ctx.rules, ctx.new_source())
        or code_column_view(block, ctx.rules, ctx.new_source())
        or head_view(block, ctx.rules, ctx.new_source())
        or grouped_view(block, ctx.new_source(), ctx.rules)
    )
    if coded is not None and CODE_ROLE in coded.roles and TITLE_ROLE in coded.roles:
        coded_part(coded, CODE_ROLE, TITLE_ROLE, out, ctx.rules)
    if coded is not None:
        out.append(Unit(Kind.TABLE, "", block.page, block.line, table=coded, block=block))
        return
    if _keyed(block):
        for row in block.rows:
            key, value = (cell_units(c) for c in row.cells if c.blocks)
            out.append(replace(key[0], text=f"{key[0].text} {' '.join(u.text for u in value)}"))
        return
    seen: set[int] = form_heads(block)  # a form's blank columns: their heads state nothing
    shapes = [_filled(row) for row in block.rows]
    plain = _bold_runs(block)
    for at, row in enumerate(block.rows):
        inside = 0 < at < len(shapes) - 1 and shapes[at - 1] == shapes[at] == shapes[at + 1]
        scored = _scored(row)
        for column, cell in enumerate(row.cells):
            if id(cell) in seen:
                continue
            seen.add(id(cell))
            mine: list[Unit] = []
            for inner in cell.blocks:
                _add(ctx, inner, mine)
            first = inside and column == min(shapes[at], default=-1)
            band = column == 0 and cell.row_span > 1
            for unit in mine:
                unit.cell = unit.cell or id(cell)
                unit.frame = unit.frame or id(block)
                unit.between_rows = unit.between_rows or first
                unit.band = band and unit.block is not None and "sideways" in unit.block.features
                unit.row_label = column == 0 and len(shapes[at]) > 1  # beside its values
                unit.bold = unit.bold and id(cell) not in plain
                unit.scored = scored and unit.table is None
            out.extend(join_cell_lines(mine))


_BODY_ROWS = 3  # bold cells running down a column for bold to be its body type


def _scored(row: Row) -> bool:
    """A row of one statement followed by cells holding only marks or scores,
    at least one of them filled ("Les urgences sont identifiées" | 0 | 1 | 2 | 3)."""
    texts = [cell.text.strip() for cell in row.cells]
    filled = [text for text in texts if text]
    return (
        len(filled) > 1
        and texts[0] == filled[0]
        and not is_mark(filled[0])
        and all(is_mark(text) for text in filled[1:])
    )


def _bold_runs(block: Block) -> set[int]:
    """The cells (ids) of a layout table that stand in a run of at least three
    bold cells down one column, one cell after another. Bold is then the
    column's body type (a grid printed bold throughout), no heading over the
    lines below; a header cell in another type above the run stays apart."""
    plain: set[int] = set()
    width = max((len(row.cells) for row in block.rows), default=0)
    for column in range(width):
        run: list[int] = []
        for row in block.rows:
            cell = row.cells[column] if column < len(row.cells) else Cell()
            if run and id(cell) == run[-1] or not cell.text.strip():
                continue
            if all(b.bold for b in cell.blocks if b.text.strip()):
                run.append(id(cell))
                continue
            plain.update(run if len(run) >= _BODY_ROWS else [])
            run = []
        plain.update(run if len(run) >= _BODY_ROWS else [])
    return plain


_ELEMENTS = frozenset({"bloc", "unit", "activite", "competence", "transversales"})


def _code_column(ctx: Context, view: TableView) -> None:
    """A table whose header names no element column (an examination grid:
    "Epreuves | Unité | Coeff | Forme") may still number its units in a
    column of bare codes (:func:`.unitcolumn.code_column_view`): that column
    and the row titles beside it take the unit's roles."""
    if _ELEMENTS & set(view.roles):
        return
    coded = code_column_view(view.block, ctx.rules, view.source)
    if coded is None:
        return
    epreuves = "modalites" in view.roles
    for column, role in enumerate(coded.roles):
        if role is not None and column < len(view.roles):
            view.roles[column] = role
    if epreuves:
        _epreuve_forms(ctx, view)


def _epreuve_forms(ctx: Context, view: TableView) -> None:
    """Under an "Épreuves" header, the columns headed by one of the épreuve's
    attributes naming its form ("Forme", once per candidate route) hold the
    modalities of the unit on each row."""
    first = view.block.rows.index(view.body[0]) if view.body else 0
    for row in view.block.rows[:first]:
        for column, cell in positions(row):
            text = cell_text(cell)
            named = ctx.rules.first("epreuve-form", text) or ctx.rules.first("epreuve-nature", text)
            if view.roles[column] is None and named:
                view.roles[column] = "modalites"


def _filled(row: Row) -> frozenset[int]:
    """The columns of a row whose cells hold text."""
    return frozenset(i for i, cell in enumerate(row.cells) if cell.text.strip())


_KEY = re.compile(r"^[^\W\d_]{1,4}\s*\d[\d.]*\b.{0,12}$")


def _keyed(block: Block) -> bool:
    """A layout table whose every row is a code and its text ("UC 1 EC" |
    "De concevoir un projet…"): each row reads as one line."""
    for row in block.rows:
        cells = [c for c in row.cells if c.blocks]
        if len(cells) != 2 or len({id(c) for c in cells}) != 2:
            return False
        key = cell_units(cells[0])
        if len(key) != 1 or not _KEY.match(key[0].text) or not cell_units(cells[1]):
            return False
    return len(block.rows) >= 2


def _caption(out: list[Unit]) -> str | None:
    """The heading just above a table, if the last unit is one."""
    last = out[-1] if out else None
    return last.text if last is not None and last.table is None and last.heading_like else None
