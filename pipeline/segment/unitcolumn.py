"""A column of coded units: a table's first column that numbers its rows.

A table whose header names no known role (an épreuves grid headed
"CAPACITÉS", a questionnaire headed "Modules") may still carry the
référentiel's units: each body row's first cell states one or more coded
units ("C 1 : …<br/>C 2 : …", "O1 : …"), their numbers a series down the
column (1, 2, 3 — an excerpt may skip one). Such a column is a unit level,
whatever its header word: its units are the blocs when the document prints
no bloc above them (contract, "No bloc level"), else the compétences of the
open bloc. The other columns are the units' data (épreuve, coefficient…):
no element; their text is reported unplaced.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..docmodel import Block, Cell, Row
from ..rules import Hit, RuleSet
from ..textclean import label_text
from .content import IMPLICIT_BLOC, add_competence
from .draft import Context, DBloc, TableView, Unit, Where, cell_units, units_text
from .state import State

ROLE = "unit"
_RULE = "code-unit"
_OPENED = "table.unit"  # provenance of a bloc this column opened
_MIN_UNITS = 3  # coded units the column needs
_MIN_ROWS = 2  # rows they are spread over
_MAX_STEP = 2  # a number may skip one unit (an excerpt leaves one out)
#: a code's letters and separator, as in the ``code-unit`` rule ("C 2 : ", "O3 - ")
_NEXT_CODE = r"(?<=[.;!?])\s*(?=(?-i:{prefix})\s?\d{{1,2}}\s*[:.)\-–—]\s)"


def unit_view(block: Block, rules: RuleSet, source: int) -> TableView | None:
    """A view of ``block`` reading its first column as a unit level, from the
    first row that states coded units; None when the column holds no series.
    A second column whose codes extend the unit's number by one digit ("C1 -
    …" | "C11 …", "C12 …") holds the units' children: their compétences."""
    rows = [row for row in block.rows if row.cells]
    coded = [_coded(row.cells[0], rules) for row in rows]
    first = next((i for i, hits in enumerate(coded) if hits), None)
    width = block.grid_width
    if first is None or width < 2:
        return None
    run = coded[first:]
    end = next((i for i, hits in enumerate(run) if not hits), len(run))
    if any(run[end:]):  # coded rows must follow each other
        return None
    by_cell: dict[int, list[Hit]] = {}  # a merged first cell counts once
    for row, row_hits in zip(rows[first : first + end], run, strict=False):
        by_cell.setdefault(id(row.cells[0]), row_hits)
    codes = [_letters_number(hit) for hits in by_cell.values() for hit in hits]
    if len(by_cell) < _MIN_ROWS or len(codes) < _MIN_UNITS:
        return None
    if not all(_follows(a, b) for a, b in zip(codes, codes[1:], strict=False)):
        return None
    roles: list[str | None] = [ROLE] + [None] * (width - 1)
    if _children(rows[first : first + end], rules):
        roles[1] = "competence"
    return TableView(block, roles, rows[first:], source)


def _letters_number(hit: Hit) -> tuple[str, int]:
    """A unit's code letters and number ("O", 1 of "O1 : …")."""
    letters = "".join(c for c in (hit.group("code") or "") if c.isalpha())
    return letters, int(hit.group("number") or 0)


def _follows(a: tuple[str, int], b: tuple[str, int]) -> bool:
    """Whether unit ``b`` follows unit ``a`` down the column: the next number
    of the same letters (one may be skipped), or a higher number in letters of
    their own (another series goes on with the numbering: the certiphyto's
    objective "O1", then the spécialité's "C2" or "U4", numbered by its place
    in the référentiel de formation)."""
    step = b[1] - a[1]
    return 0 < step <= _MAX_STEP if a[0] == b[0] else step > 0


_LEADING = re.compile(r"^\s*[A-Za-z]{1,3}\s?(\d{1,3})\b")


def _children(rows: list[Row], rules: RuleSet) -> bool:
    """Whether every row's second cell starts with a code that extends its
    first cell's unit number by one digit (C1 → C11, C12)."""
    for row in rows:
        if len(row.cells) < 2:
            return False
        parent = _coded(row.cells[0], rules)
        units = cell_units(row.cells[1])
        child = _LEADING.match(units[0].text) if units else None
        if not parent or child is None:
            return False
        number = parent[-1].group("number") or ""
        if len(child.group(1)) != len(number) + 1 or not child.group(1).startswith(number):
            return False
    return True


def unit_lines(cell: Cell, rules: RuleSet) -> list[Unit]:
    """The lines of a first cell, a line that runs several coded units
    together split before each ("C1 : … citoyenne. C2 : … société."): after a
    sentence's end, the same code letters and the next number start a unit."""
    out: list[Unit] = []
    for unit in cell_units(cell):
        hit = rules.first(_RULE, unit.text)
        prefix = "".join(c for c in (hit.group("code") or "") if c.isalpha()) if hit else ""
        if not prefix:
            out.append(unit)
            continue
        parts = re.split(_NEXT_CODE.format(prefix=re.escape(prefix)), unit.text)
        out.extend(replace(unit, text=part.strip()) for part in parts if part.strip())
    return out


def _coded(cell: Cell, rules: RuleSet) -> list[Hit]:
    """The coded units a first cell states (its first line must be one; an
    activité code is another level's: no unit of this one)."""
    hits: list[Hit] = []
    for unit in unit_lines(cell, rules):
        hit = rules.first(_RULE, unit.text)
        if hit is None or rules.first("code-activite", unit.text):
            if not hits:
                return []
            continue
        hits.append(hit)
    return hits


def read_units(ctx: Context, state: State, cell: Cell, source: int) -> None:
    """Each coded unit of ``cell``: a compétence of the bloc a heading or a
    bloc column opened (or of an unnamed bloc when the document prints its
    blocs elsewhere), else a bloc of its own; a line with no code continues
    the unit above it."""
    owner = state.bloc
    if owner is not None and owner.where.rule == _OPENED:
        owner = None
    if owner is None and state.bloc_label == "bloc":  # the document prints its blocs
        owner = DBloc(None, "", Where(None, None, IMPLICIT_BLOC))
        ctx.draft.blocs.append(owner)
        state.bloc = owner
    if owner is None and _printed_elsewhere(ctx):
        return  # a later grid (the épreuves) over the units the document has read
    last: DBloc | None = None
    for unit in unit_lines(cell, ctx.rules):
        hit = ctx.rules.first(_RULE, unit.text)
        if hit is None:
            if last is not None:
                last.libelle = f"{last.libelle} {label_text(unit.text)}"
            continue
        code = " ".join((hit.group("code") or "").split())
        libelle = label_text(hit.group("libelle") or "")
        if owner is not None:
            _competence(ctx, owner, unit, code, libelle, source, hit.rule.id)
            continue
        last = DBloc(code, libelle, Where(unit.page, unit.line, _OPENED))
        ctx.draft.blocs.append(last)
        state.close()
        state.bloc = last
        state.source = ctx.new_source()


def _printed_elsewhere(ctx: Context) -> bool:
    """Whether the document has opened blocs of its own before the column (a
    heading, an outline): a column of units after them, no bloc open, is
    another grid over them (the épreuves and their units), no level of its own."""
    return any(not _column_made(b) for b in ctx.draft.blocs)


def _column_made(bloc: DBloc) -> bool:
    """Whether a unit column (of coded titles or of bare codes) opened ``bloc``."""
    return bloc.where.rule in (_OPENED, _CODED)


def _competence(
    ctx: Context, bloc: DBloc, unit: Unit, code: str, libelle: str, source: int, rule: str
) -> None:
    comp = add_competence(
        ctx, bloc, replace(unit, text=libelle), source, from_list=False, rule=rule
    )
    if comp is not None and not comp.codes:
        comp.codes.append((code, source))


CODE_ROLE, TITLE_ROLE = "unit-code", "unit-title"
_CODED = "table.unit-code"  # provenance of a bloc a code column opened
_FOOTNOTE_CALL = re.compile(r"\s*\(\s*\**\s*\)")


def code_column_view(block: Block, rules: RuleSet, source: int) -> TableView | None:
    """A view of ``block`` reading a column of bare unit codes ("U1", "U2" …,
    one per row, a series of the same letters) as the units, titled by the
    row's cell in the column that prints the most text (an examination grid:
    "E 1 : Langue française …" | "U1" | coefficient | forms). None when no
    column holds such a series."""
    rows = [row for row in block.rows if row.cells]
    width = max((len(row.cells) for row in rows), default=0)
    for column in range(width):
        run = _code_run(rows, column, rules)
        if run is None:
            continue
        first, end = run
        body = rows[first:end]
        title = _title_column(body, column)
        if title is None:
            return None
        roles: list[str | None] = [None] * width
        roles[column], roles[title] = CODE_ROLE, TITLE_ROLE
        return TableView(block, roles, body, source)
    return None


def _code_run(rows: list[Row], column: int, rules: RuleSet) -> tuple[int, int] | None:
    """The rows (first, end) whose cells in ``column`` print a bare code each,
    the same letters numbered as a series (each number one or two above the
    last); None under three of them. A row printed empty in every cell (a
    spacer) breaks no series."""
    best: tuple[int, int] | None = None
    at = 0
    while at < len(rows):
        numbers: list[int] = []
        prefix = None
        end = at
        while end < len(rows):
            if numbers and not any(cell.blocks for cell in rows[end].cells):
                end += 1
                continue
            code = _bare_unit(rows[end], column, rules)
            if code is None or (prefix is not None and code[0] != prefix):
                break
            if numbers and not 0 < code[1] - numbers[-1] <= _MAX_STEP:
                break
            prefix = code[0]
            numbers.append(code[1])
            end += 1
        if len(numbers) >= _MIN_UNITS and (best is None or end - at > best[1] - best[0]):
            best = (at, end)
        at = max(end, at + 1)
    return best


def _bare_unit(row: Row, column: int, rules: RuleSet) -> tuple[str, int] | None:
    """The letters and number of a bare code alone in the row's cell."""
    if column >= len(row.cells) or row.cells[column].col_span > 1:
        return None
    hit = rules.first("code-bare", row.cells[column].text.strip())
    if hit is None:
        return None
    return hit.group("letters") or "", int(hit.group("number") or 0)


_WORD = re.compile(r"[^\W\d_]{3,}")


def _title_column(rows: list[Row], code: int) -> int | None:
    """The column, other than the code's, whose cells print the most text,
    when each of them prints a word (a grid of codes has no title)."""
    totals: dict[int, int] = {}
    for row in rows:
        for column, cell in enumerate(row.cells):
            if column != code and cell.col_span <= 1:
                totals[column] = totals.get(column, 0) + len(cell.text.strip())
    best = max(totals, key=lambda c: totals[c], default=None)
    if best is None or not all(_WORD.search(row.cells[best].text) for row in rows):
        return None
    return best


def read_coded_title(ctx: Context, state: State, code: str, cell: Cell, source: int) -> None:
    """A unit of a code column: a bloc coded ``code``, titled by ``cell`` (its
    own leading code and footnote calls dropped); a compétence of the open
    bloc when the document printed its blocs above the table."""
    units = cell_units(cell)
    if not units:
        return
    text = _FOOTNOTE_CALL.sub("", units_text(units)).strip()
    hit = ctx.rules.first(_RULE, text)
    libelle = label_text((hit.group("libelle") or "") if hit else text)
    owner = state.bloc
    if owner is not None and not _column_made(owner):
        _competence(ctx, owner, units[0], code, libelle, source, _CODED)
        return
    if owner is None and _printed_elsewhere(ctx):
        return
    bloc = DBloc(code, libelle, Where(units[0].page, units[0].line, _CODED))
    ctx.draft.blocs.append(bloc)
    state.close()
    state.bloc = bloc
    state.source = ctx.new_source()
