"""Units heading a table's columns: one row names a unit per column and the
cells below each head list that unit's items.

A table whose header names no role may still print a unit level across one
row, each unit over its own column: "RT1 Administrer | RT2 Connecter | RT3
Programmer" over cells of "AC0113 | …" lines (a B.U.T. fiche), "Gérer le
patrimoine informatique | Répondre aux incidents … | …" over cells of bulleted
abilities (a synthesis form). The row is a unit level when its heads are

* coded as a series (rule ``head-unit``: the same letters, numbers following
  each other), or
* all action statements (an infinitive opens each, :func:`..nlp.is_action`),

and a later row, a few rows down at most, holds under every head a list of
items: coded compétences, or action statements printed as list items. The
heads are blocs (contract, "No bloc level"; B.U.T.: each compétence is a
bloc), the items their compétences; under a bloc a heading opened, the heads
are its compétences and the items their details. Every other cell of the
table is no element (its text is reported unplaced). A table printed again
(one fiche per ressource) names the same units: the ``merge`` stage keeps each
once, and an item cited again by its code under the same head is the same
compétence, titled by the wording most citations print (summaries are references).
"""

from __future__ import annotations

from dataclasses import replace

from ..docmodel import Block, Cell, Row
from ..nlp import is_action
from ..rules import RuleSet
from ..textclean import ends_sentence, label_text
from .competence_cells import opened_by_heading
from .content import add_competence, competence_code
from .draft import Context, DBloc, TableView, Unit, Where, cell_units, code_key, positions
from .state import State

ROLE = "head-unit"
_RULE = "head-unit"
_OPENED = "table.head-unit"  # provenance of a bloc a head opened
_MIN_HEADS = 3  # units a row must head
_MAX_GAP = 4  # rows between the heads and their items (coefficients, a level's name)
_TITLE_MAX = 120  # characters: a head is a short title


def head_view(block: Block, rules: RuleSet, source: int) -> TableView | None:
    """A view of ``block`` whose first body row is a row of unit heads and
    whose other body rows hold their items; None when no row heads units."""
    rows = [row for row in block.rows if row.cells]
    width = max((sum(max(1, c.col_span) for c in row.cells) for row in rows), default=0)
    for index, row in enumerate(rows):
        heads = _heads(row, rules)
        if heads is None:
            continue
        items = _item_rows(rows[index + 1 : index + 2 + _MAX_GAP], heads, rules)
        if not items:
            continue
        roles: list[str | None] = [None] * width
        for column in heads:
            roles[column] = ROLE
        return TableView(block, roles, [row, *items], source)
    return None


def is_head_view(view: TableView) -> bool:
    return ROLE in view.roles


def _heads(row: Row, rules: RuleSet) -> dict[int, Cell] | None:
    """The widest run of adjacent one-column cells of ``row`` that head units
    (a coded series, or action statements), by column; None under three."""
    runs: list[list[tuple[int, Cell, str]]] = [[]]
    for column, cell in positions(row):
        title = _title(cell) if cell.col_span <= 1 else None
        if title is None:
            runs.append([])
            continue
        runs[-1].append((column, cell, title))
    for run in runs:
        for size in range(len(run), _MIN_HEADS - 1, -1):
            for start in range(len(run) - size + 1):
                window = run[start : start + size]
                if _unit_heads([title for _, _, title in window], rules):
                    return {column: cell for column, cell, _ in window}
    return None


def _title(cell: Cell) -> str | None:
    """A cell's text when it is a short title on one line (a head)."""
    units = cell_units(cell)
    if len(units) != 1 or len(units[0].text) > _TITLE_MAX or ends_sentence(units[0].text):
        return None
    return units[0].text


def _unit_heads(titles: list[str], rules: RuleSet) -> bool:
    """Whether the titles are a coded series or all action statements."""
    hits = [rules.first(_RULE, title) for title in titles]
    if all(hit is not None for hit in hits):
        letters = {hit.group("letters") for hit in hits if hit is not None}
        numbers = [int(hit.group("number") or 0) for hit in hits if hit is not None]
        steps = {b - a for a, b in zip(numbers, numbers[1:], strict=False)}
        return len(letters) == 1 and steps == {1}
    return not any(hits) and all(is_action(title) for title in titles)


def _item_rows(rows: list[Row], heads: dict[int, Cell], rules: RuleSet) -> list[Row]:
    """The first run of rows whose cells under the heads list items (one of
    them may be empty), the rows between the heads and the run skipped."""
    found: list[Row] = []
    for row in rows:
        if _lists_items(row, heads, rules):
            found.append(row)
        elif found:
            break
    return found


def _lists_items(row: Row, heads: dict[int, Cell], rules: RuleSet) -> bool:
    """Whether each head's column holds, in ``row``, its own cell of items."""
    cells = {column: cell for column, cell in positions(row) if column in heads}
    if set(cells) != set(heads) or any(cells[c] is heads[c] for c in heads):
        return False
    if any(cell.col_span > 1 for cell in cells.values()):
        return False
    filled = [cell_units(cell) for cell in cells.values() if cell.text.strip()]
    return len(filled) >= len(heads) - 1 and all(_items(units, rules) for units in filled)


def _items(units: list[Unit], rules: RuleSet) -> bool:
    """Every line a coded compétence, or every line a list item stating an action."""
    if all(rules.first("code-competence", u.text) for u in units):
        return True
    return all(u.is_item and is_action(u.text) for u in units)


def read_heads(ctx: Context, view: TableView, state: State) -> None:
    """Each head a bloc (or a compétence of the bloc a heading opened), the
    items under it its compétences (or that compétence's details)."""
    head, *items = view.body
    owner = state.bloc if opened_by_heading(ctx, state.bloc) else None
    for column, cell in positions(head):
        if view.roles[column] != ROLE:
            continue
        cells = [c for row in items for at, c in positions(row) if at == column]
        below = [u for c in cells for u in cell_units(c)]
        unit = cell_units(cell)[0]
        hit = ctx.rules.first(_RULE, unit.text)
        code = hit.group("code") if hit else None
        libelle = label_text((hit.group("libelle") if hit else unit.text) or "")
        if owner is not None:
            _head_competence(ctx, owner, replace(unit, text=libelle), code, below, view.source)
            continue
        bloc = DBloc(code, libelle, Where(unit.page, unit.line, _OPENED))
        ctx.draft.blocs.append(bloc)
        source = ctx.new_source()
        for item in below:
            if not _cited_again(ctx, bloc, item):
                comp = add_competence(ctx, bloc, item, source, from_list=True, rule=_OPENED)
                if comp is not None:
                    comp.wordings[comp.libelle] += 1
        state.close()
        state.bloc = bloc


def _head_competence(
    ctx: Context, bloc: DBloc, unit: Unit, code: str | None, below: list[Unit], source: int
) -> None:
    """A head under a bloc a heading opened: a compétence of it (its code
    kept), the items under the head its details."""
    comp = add_competence(ctx, bloc, unit, source, from_list=False, rule=_OPENED)
    if comp is None:
        return
    if code and not comp.codes:
        comp.codes.append((code, source))
    comp.details.extend(label_text(u.text) for u in below)


def _cited_again(ctx: Context, bloc: DBloc, item: Unit) -> bool:
    """Whether ``item`` cites, by its code, a compétence a head of the same
    code listed before (the same unit in another fiche): then its wording is
    one more vote, the libellé the wording most citations print."""
    hit = competence_code(ctx, item.text)
    if hit is None or bloc.code is None:
        return False
    code, libelle = code_key(hit.group("code") or ""), label_text(hit.group("libelle") or "")
    for other in ctx.draft.blocs:
        if other is bloc or other.where.rule != _OPENED or other.code is None:
            continue
        if code_key(other.code) != code_key(bloc.code):
            continue
        for comp in other.competences:
            if any(code_key(printed) == code for printed, _ in comp.codes) and libelle:
                comp.wordings[libelle] += 1
                comp.libelle = comp.wordings.most_common(1)[0][0]
                return True
    return False
