"""Stages ``units`` and ``sections``: the document as a flat stream of units.

Tables whose header cells name column roles (rules labelled ``column``) stay
whole, as a :class:`TableView` read by role later; any other table (a layout
table) is opened up and its cells' blocks join the stream in reading order,
each merged cell once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..docmodel import Block, Cell, Kind, Row
from ..rules import RuleSet
from ..textclean import ends_sentence, fold, starts_lower
from .boldhead import bold_headed
from .checks import SCORE, check_columns, mark_columns, name_columns
from .columnmajor import column_view, pair_view
from .draft import (
    Context,
    Headers,
    TableView,
    Unit,
    cell_units,
    coded_title,
    positions,
    wraps_on,
)
from .glued import glued_view
from .grouped import grouped_view
from .groupings import groups_activites
from .headers import header_roles
from .headunits import head_view
from .modalites import epreuve_links
from .splithead import joined_heads
from .state import is_bloc_heading, outline_hit
from .subheads import column_head, repeated_header, row_shape
from .unitcolumn import code_column_view, unit_view


def units(ctx: Context) -> None:
    """Fill ``ctx.units`` from the document's blocks."""
    out: list[Unit] = []
    for block in joined_heads(ctx.document.blocks):
        _add(ctx, block, out)
    ctx.units = _join_wrapped(_join_numbers(out, ctx.rules))


_NUMBER_ALONE = re.compile(r"^n\s*[°º]\s*\d{1,2}(?:\.\d{1,2})*$", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^\d{1,2}$")


def _join_numbers(units: list[Unit], rules: RuleSet) -> list[Unit]:
    """A heading's number printed alone on the next line ("FICHE ACTIVITÉ
    TYPE" / "N° 2"; "Activité-type" / "1" when the heading is a level word
    and nothing else) is part of that heading; a number in the next cell of
    its table row is not."""
    out: list[Unit] = []
    for unit in units:
        last = out[-1] if out else None
        if (
            last is not None
            and last.table is None
            and unit.table is None
            and last.heading_like
            and not any(c.isdigit() for c in last.text)
            and not _beside(last, unit)
            and (
                _NUMBER_ALONE.match(unit.text)
                or (_BARE_NUMBER.match(unit.text) and _level_word(last.text, rules))
            )
        ):
            last.text = f"{last.text} {unit.text}"
            continue
        out.append(unit)
    return out


def _beside(last: Unit, unit: Unit) -> bool:
    """Two cells of one layout-table row: a number in the next cell heads its
    own column ("CAS CONCRETS" | "n°1" | "n°2"), it does not number the heading."""
    return unit.cell is not None and unit.cell != last.cell and unit.where == last.where


def _level_word(text: str, rules: RuleSet) -> bool:
    """Whether ``text`` is only a word that numbers units (a bloc or compétence level)."""
    bare = fold(text.strip())
    hit = rules.first("level-word", bare)
    return hit is not None and hit.rule.value != "other" and hit.match.end() == len(bare)


_FULL_LINE = 40  # characters: a shorter item did not wrap (what follows is something else)


def _join_wrapped(units: list[Unit]) -> list[Unit]:
    """A list item's wrapped line that the reader left as a paragraph (lower-case
    start, the item's sentence unfinished, the item long enough to have filled its
    line) is the rest of that item."""
    out: list[Unit] = []
    for unit in units:
        last = out[-1] if out else None
        if (
            last is not None
            and last.is_item
            and len(last.text) >= _FULL_LINE
            and last.table is None
            and unit.table is None
            and unit.kind is Kind.PARAGRAPH
            and not unit.heading_like
            and starts_lower(unit.text)
            and (not ends_sentence(last.text) or last.text.count("(") > last.text.count(")"))
        ):
            last.text = f"{last.text} {unit.text}"
            continue
        out.append(unit)
    return out


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
    continued = _continued_view(ctx, block, out)
    if continued is not None:
        out.append(Unit(Kind.TABLE, "", block.page, block.line, table=continued, block=block))
        return
    epreuve_links(ctx, block)
    captioned = _captioned_view(ctx, block, out[-1] if out else None)
    if captioned is not None:
        out.append(Unit(Kind.TABLE, "", block.page, block.line, table=captioned, block=block))
        return
    columns = _column_view(ctx, block, out[-1] if out else None)
    if columns is not None:
        out.append(Unit(Kind.TABLE, "", block.page, block.line, table=columns, block=block))
        return
    coded = (
        unit_view(block, ctx.rules, ctx.new_source())
        or code_column_view(block, ctx.rules, ctx.new_source())
        or head_view(block, ctx.rules, ctx.new_source())
        or grouped_view(block, ctx.new_source(), ctx.rules)
    )
    if coded is not None:
        out.append(Unit(Kind.TABLE, "", block.page, block.line, table=coded, block=block))
        return
    if _keyed(block):
        for row in block.rows:
            key, value = (cell_units(c) for c in row.cells if c.blocks)
            out.append(replace(key[0], text=f"{key[0].text} {' '.join(u.text for u in value)}"))
        return
    seen: set[int] = set()
    shapes = [_filled(row) for row in block.rows]
    plain = _bold_runs(block)
    for at, row in enumerate(block.rows):
        inside = 0 < at < len(shapes) - 1 and shapes[at - 1] == shapes[at] == shapes[at + 1]
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
                unit.bold = unit.bold and id(cell) not in plain
            out.extend(_join_cell_lines(mine))


_BODY_ROWS = 3  # bold cells running down a column for bold to be its body type


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
            text = " ".join(u.text for u in cell_units(cell))
            named = ctx.rules.first("epreuve-form", text) or ctx.rules.first("epreuve-nature", text)
            if view.roles[column] is None and named:
                view.roles[column] = "modalites"


def _filled(row: Row) -> frozenset[int]:
    """The columns of a row whose cells hold text."""
    return frozenset(i for i, cell in enumerate(row.cells) if cell.text.strip())


def _join_cell_lines(units: list[Unit]) -> list[Unit]:
    """A layout cell's paragraph that goes on with the one before it (lower-case
    start after an unfinished sentence: a line the cell wrapped) joins it, as
    in the cells of a table read by role (:func:`.draft.cell_units`)."""
    out: list[Unit] = []
    for unit in units:
        last = out[-1] if out else None
        if last is not None and last.table is None and unit.table is None and wraps_on(last, unit):
            last.text = f"{last.text} {unit.text}"
            continue
        out.append(unit)
    return out


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


def _captioned_view(ctx: Context, block: Block, caption: Unit | None) -> TableView | None:
    """A table with no header row under a heading that names its columns in
    order ("Liste des activités types et des compétences professionnelles"):
    the text columns take the roles the heading names; a column of numbers
    only is the code of the activité printed next to it (a number before any
    other role is left out)."""
    if caption is None or caption.table is not None or not caption.heading_like:
        return None
    if len(caption.text) > 160 or not block.rows:
        return None
    named = caption_roles(caption.text, ctx.rules)
    if len(named) < 2:
        return None
    width = max(len(row.cells) for row in block.rows)
    if any(max(1, c.col_span) != 1 for row in block.rows for c in row.cells):
        return None  # merged cells: the columns cannot be told apart safely
    numbers: list[bool] = []
    for column in range(width):
        texts = [
            " ".join(u.text for u in cell_units(row.cells[column]))
            for row in block.rows
            if column < len(row.cells)
        ]
        filled = [t for t in texts if t]
        if not filled:
            return None
        numbers.append(all(ctx.rules.first("code-only", t) for t in filled))
    text_columns = [c for c in range(width) if not numbers[c]]
    if len(text_columns) != len(named):
        return None
    roles: list[str | None] = [None] * width
    for column, role in zip(text_columns, named, strict=True):
        roles[column] = role
    body = [_with_codes(row, numbers, roles) for row in block.rows]
    return TableView(block, roles, body, ctx.new_source())


_WEIGHT = re.compile(r"^\d{1,3}(?:[.,]\d+)?\s*%?$")


def _continued_view(ctx: Context, block: Block, out: list[Unit]) -> TableView | None:
    """A table with no header at the top of a page, after a table read by role
    that ended the page before (only that page's leftovers between them), or
    right after it with as many columns (a table split in two, nothing between):
    the same table going on, read under the same roles when its text stands in
    columns that have one (bare numbers, a form's weights, may stand elsewhere)."""
    last = next((i for i in range(len(out) - 1, -1, -1) if out[i].table is not None), None)
    if last is None or not block.rows:
        return None
    before = out[last]
    view = before.table
    if view is None:
        return None
    width = max(sum(max(1, c.col_span) for c in row.cells) for row in block.rows)
    split = last == len(out) - 1 and width == len(view.roles)
    if not split and (block.page is None or before.page is None or block.page != before.page + 1):
        return None
    if any(u.page != before.page for u in out[last + 1 :]):
        return None
    roled = False
    for row in block.rows:
        for column, cell in positions(row):
            text = cell.text.strip()
            if not text or _WEIGHT.match(text):
                continue
            if column < len(view.roles) and view.roles[column] not in (None, SCORE):
                roled = True
            elif not split:  # a split table's columns are the table's own, roled or not
                return None
    if split and not roled:
        return None
    roles = (view.roles + [None] * width)[:width]
    return TableView(block, roles, list(block.rows), view.source)


def _column_view(ctx: Context, block: Block, caption: Unit | None) -> TableView | None:
    """A table read column by column under a caption naming two levels, or
    row by row under a caption naming the activités alone (:mod:`.columnmajor`)."""
    if caption is None or caption.table is not None:
        return None
    roles = _finer_roles(list(caption_roles(caption.text, ctx.rules)), set())
    return column_view(block, caption, roles, ctx.new_source) or pair_view(
        block, caption, roles, ctx.new_source
    )


def _with_codes(row: Row, numbers: list[bool], roles: list[str | None]) -> Row:
    """``row`` with a number cell's text put before the activité next to it."""
    cells = list(row.cells)
    for column in range(len(cells) - 1):
        if not numbers[column] or roles[column + 1] != "activite":
            continue
        code, target = cells[column].text.strip(), cells[column + 1]
        if code and target.blocks and target.blocks[0].text:
            first = target.blocks[0]
            joined = Block(first.kind, f"{code} {first.text}", page=first.page, line=first.line)
            cells[column + 1] = Cell([joined, *target.blocks[1:]], target.col_span, target.row_span)
    return Row(cells, row.header)


def caption_roles(text: str, rules: RuleSet) -> list[str]:
    """The column roles a caption names, in order, wherever they start."""
    roles: list[str] = []
    position = 0
    for word in re.finditer(r"(?<![^\s/])\S", text):  # "fonctions/activités": two words
        if word.start() < position:
            continue
        hit = rules.first("column", text[word.start() :])
        if hit is not None and hit.rule.value not in (None, "evaluation", SCORE):
            if hit.rule.value not in roles:
                roles.append(hit.rule.value)
            position = word.start() + hit.match.end()
    return roles


def table_views(
    block: Block, rules: RuleSet, new_source: Callable[[], int], headers: Headers
) -> list[TableView]:
    """Recognise the header rows of a table: one view per run of rows under the
    same column roles (a repeated header continues the view, a header naming
    other roles starts a new one). Empty when the table names no roles.
    ``headers`` are the header rows of the tables before: a header row that
    repeats one of them with a cell left blank takes its roles."""
    block = bold_headed(block, lambda row: header_roles(row, rules)) or block
    width = max((sum(max(1, c.col_span) for c in row.cells) for row in block.rows), default=0)
    views: list[TableView] = []
    captions: list[Row] = []  # full-width rows above the first header ("CP1.1 : …", "T1.1 | …")
    previous_header = False
    checks, marks = frozenset(check_columns(block)), frozenset(mark_columns(block))
    header_cells: set[int] = set()  # the cells of the last header row
    for row in block.rows:
        named = header_roles(row, rules, checks, marks)
        if named is not None:
            headers.setdefault(row_shape(row, width), named)
        elif headers:
            named = repeated_header(row_shape(row, width), headers)
        if named is None and previous_header and header_cells & {id(c) for c in row.cells}:
            continue  # a header cell merged down over this row: the header goes on
        below = column_head(row, views[-1], rules, width) if named is None and views else None
        if below is not None:
            views.append(TableView(block, below, [], new_source()))
            previous_header = False
            continue
        if named is None:
            if views and not (row.header and previous_header):
                views[-1].body.append(row)
            elif not views and (
                len({id(c) for c in row.cells if c.blocks}) == 1 or coded_title(row, rules)
            ):
                captions.append(row)
            previous_header = previous_header and row.header
            continue
        roles: list[str | None] = [None] * width
        if previous_header and views:
            roles = list(views[-1].roles)  # a second header row refines the first
        for column, role in named.items():
            if column < width and (roles[column] is None or role != "evaluation"):
                roles[column] = role
        roles = _finer_roles(roles, _spanned(row))
        roles = _conditions_left(_abilities_between(roles, row), row)
        repeated = not previous_header and bool(views) and views[-1].roles == roles
        if previous_header and views:
            views[-1].roles = roles
        elif not views or views[-1].roles != roles:
            views.append(TableView(block, roles, [] if views else captions, new_source()))
        name_columns(views[-1], row, repeated)
        previous_header = True
        header_cells = {id(c) for c in row.cells}
    return views


def _spanned(row: Row) -> set[int]:
    """The columns a merged header cell covers after its first one."""
    return {
        column + offset
        for column, cell in positions(row)
        for offset in range(1, max(1, cell.col_span))
    }


def _finer_roles(roles: list[str | None], spanned: set[int]) -> list[str | None]:
    """Roles as the columns hold them: an "Indicateurs (de performance)"
    column with no critères column beside it holds the critères, one per line
    (diplomas, contract); a "Fonctions" column is the activités when the
    activités beside it hold their tâches ("Fonctions | Activités"), and a
    grouping of no element of its own when a tâches column follows, or when
    the table names compétences and no activité ("Fonctions | Capacités |
    Compétences terminales": the certification's units grouped); of two
    activité columns the second holds the first one's tâches (not when one
    merged header cell names both: "A1 | PRÉPARATION" are code and title)."""
    out = list(roles)
    if "indicateurs" in out and "criteres" not in out:
        out = ["criteres" if role == "indicateurs" else role for role in out]
    if "fonction" in out:
        work = {"activite", "taches"} & set(out)
        grouping = work == {"activite", "taches"} or (not work and "competence" in out)
        out = [("activite" if not grouping else None) if r == "fonction" else r for r in out]
    named = [i for i, role in enumerate(out) if role == "activite" and i not in spanned]
    if len(named) == 2 and "taches" not in out:
        out[named[1]] = "taches"
    return out


_JUDGED = ("criteres", "resultats", "indicateurs")


def _conditions_left(roles: list[str | None], row: Row) -> list[str | None]:
    """The one headed column no rule names, in a grid of compétences and of
    what judges them, holds the conditions of the performance (diplomas,
    contract: the third column of "Données / Actions / Indicateurs", whatever
    its publisher calls it: "Ressources", "Mise en situation"). One after a
    rating scale is the form's weight or total column ("0 | 1/3 | … | Poids")."""
    if "competence" not in roles or "conditions" in roles or not set(_JUDGED) & set(roles):
        return roles
    unnamed = _unnamed(roles, row)
    if len(unnamed) != 1 or sum(r is not None for r in roles) < 2:
        return roles
    if SCORE in roles[: unnamed[0]]:
        return roles
    out = list(roles)
    out[unnamed[0]] = "conditions"
    return out


def _unnamed(roles: list[str | None], row: Row) -> list[int]:
    """The columns of a header row whose filled cell names no role."""
    return [
        column
        for column, cell in positions(row)
        if cell.text.strip() and column < len(roles) and roles[column] is None
    ]


def _abilities_between(roles: list[str | None], row: Row) -> list[str | None]:
    """The one headed column no rule names, standing between the conditions
    ("Données") and what judges the work ("Indicateurs", "Critères") in a grid
    naming no compétence column, lists the unit's abilities (diplomas,
    contract: the middle column of "Données / Actions / Indicateurs", whatever
    its publisher calls it: "Savoir agir")."""
    unnamed = _unnamed(roles, row)
    if "competence" in roles or len(unnamed) != 1:
        return roles
    column = unnamed[0]
    if "conditions" not in roles[:column] or not set(_JUDGED) & set(roles[column + 1 :]):
        return roles
    out = list(roles)
    out[column] = "competence"
    return out


def sections(ctx: Context) -> None:
    """Tag every unit with the section it lies in (activités, compétences,
    évaluation). Section titles one after the other list the parts (an annex's
    contents): the first of them is the part that follows. An annex's label
    ("Annexe II") is no part: the title after it opens the annex's part."""
    current: str | None = None
    listed = False
    for index, unit in enumerate(ctx.units):
        if unit.table is None and ctx.rules.first("annex-label", unit.text) is not None:
            current, listed = "other", False  # the annex's label: its title opens the part
            unit.starts_section = unit.section = current
            continue
        if unit.table is None and len(unit.text) < 160:
            hit = ctx.rules.first("section", unit.text)
            if hit is not None:
                current = current if listed else hit.rule.value
                unit.starts_section, listed = current, True
                unit.section = current
                continue
            if (
                current == "activites"
                and is_bloc_heading(ctx, unit.text)
                and not groups_activites(ctx, index)
            ):
                current = "competences"  # the blocs follow the activités without a heading
        listed = False
        unit.section = current
    if ctx.outline.activites:
        _outline_activites(ctx)


def _outline_activites(ctx: Context) -> None:
    """The outline's units that list tâches are activités: each mention and
    the list items under it lie in the activités section."""
    inside = False
    for unit in ctx.units:
        if unit.table is None and outline_hit(ctx.outline.bloc, unit.text) is not None:
            inside = True
        elif unit.kind is not Kind.LIST_ITEM:
            inside = False
        if inside:
            unit.section = "activites"
