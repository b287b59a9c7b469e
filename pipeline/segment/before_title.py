"""Stage ``before-title``: the rows a document prints above its own title.

A handbook prints its annexes one after the other: an annex's title may stand
mid-page, under the last rows of the annex before it (another certification's
référentiel, in the same grid). Those rows are not this référentiel's: they end
the series the title closes. The title is the heading the certification stage
reads the intitulé from (a heading outside any table, a title rule naming the
certification); the role tables printed before it are set aside when

* their rows name no bloc (no bloc heading before the title: they would make an
  unnamed bloc, the tail of another one; the key column of a table of
  modalités keyed by unit names the unit each row assesses, no bloc of its
  own), and
* the numbering starts again after the title: the first activité (or
  compétence, or modalités table's unit key) code after it is not past the
  last one before it (``3.4.3``, then ``1.1``; ``Compétence 5``, then
  ``Compétence 1``), so the rows above do not lead into the body.

Set aside, they make no element; their text stays in the stream the
``unplaced`` stage reads (``Context.aside``), an ``UNPLACED_TEXT`` warning each,
as any other text printed before a document's title that no element takes.
"""

from __future__ import annotations

import re

from ..docmodel import Kind
from .activities import code_hit
from .content import competence_code
from .draft import Context, Unit, cell_units, norm_text, positions, role_cells
from .keyed_modalites import KEY
from .state import is_bloc_heading
from .titlehits import clean_title, title_hits

_NUMBER = re.compile(r"\d+")
#: the columns whose codes make the numbering: activités, compétences, the
#: units a modalités table is keyed by ("Compétence 5")
_CODED = ("activite", "competence", KEY)


def before_title(ctx: Context) -> None:
    """Set aside the role tables printed above the document's own title when
    they name no bloc and the numbering starts again under the title."""
    index = _title_index(ctx)
    if index is None:
        return
    before, after = ctx.units[:index], ctx.units[index + 1 :]
    tables = [unit for unit in before if unit.table is not None]
    if not tables or any(is_bloc_heading(ctx, text) for text in _texts(before)):
        return
    for role in _CODED:
        last = _codes(ctx, tables, role)[-1:]
        first = _codes(ctx, [u for u in after if u.table is not None], role)[:1]
        if last and first:
            if first[0] > last[0]:
                return  # the body goes on with the numbering of the rows above
            aside = {id(unit) for unit in tables}
            ctx.aside.extend(tables)
            ctx.units = [unit for unit in ctx.units if id(unit) not in aside]
            return


def _title_index(ctx: Context) -> int | None:
    """The index of the heading naming the certification the draft names: a
    heading outside any table a title rule reads, printing the intitulé."""
    intitule = norm_text(ctx.draft.intitule or "")
    if not intitule:
        return None
    for index, unit in enumerate(ctx.units):
        if unit.kind is not Kind.HEADING or unit.table is not None or unit.cell is not None:
            continue
        if intitule in norm_text(unit.text) and title_hits(ctx, clean_title(unit.text)):
            return index
    return None


def _texts(units: list[Unit]) -> list[str]:
    """The units' texts, each table cell's first line instead of a table, but
    for the cells of a unit-key column: they name the units a modalité is of
    (a reference to a bloc), not a bloc of these rows."""
    texts = []
    for unit in units:
        if unit.table is None:
            texts.append(unit.text)
            continue
        roles = unit.table.roles
        for row in unit.table.block.rows:
            texts.extend(
                found[0].text
                for column, cell in positions(row)
                if (column >= len(roles) or roles[column] != KEY) and (found := cell_units(cell))
            )
    return texts


def _codes(ctx: Context, tables: list[Unit], role: str) -> list[tuple[int, ...]]:
    """The numbers of the codes opening the cells of the tables' ``role``
    column, in order ("C.3.4.1" → (3, 4, 1))."""
    codes = []
    for unit in tables:
        view = unit.table
        if view is None:
            continue
        for row in view.body:
            for cell in role_cells(view, row, role):
                units = cell_units(cell)
                code = _code(ctx, role, units[0].text) if units else None
                if code:
                    codes.append(tuple(int(n) for n in _NUMBER.findall(code)))
    return codes


def _code(ctx: Context, role: str, text: str) -> str | None:
    """The code opening a cell of the ``role`` column: a unit key is all code
    (the table was read as keyed because each key cell is one)."""
    if role == KEY:
        return text
    read = code_hit if role == "activite" else competence_code
    hit = read(ctx, text)
    return hit.group("code") if hit is not None else None
