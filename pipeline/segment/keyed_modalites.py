"""A table of modalités keyed by bare unit codes (stage ``units``, placed at ``modalites``).

A règlement may sum up how each unit is assessed in a small table whose
header names the modalités column and whose other headers name nothing the
rules know ("UNITÉS professionnelles | MODALITÉS D'ÉVALUATION | ÉVALUATEURS").
The header may name nothing and the heading above it the modalités ("Modalités
d'évaluation des compétences …" over "| Évaluation des compétences": a CQP's
annex). The evidence that it concerns the units is its content: one column
holds, on each row, a bare code (``UEP1``), a unit's level word and number
(``Compétence 1``) or nothing — a cell left empty under a code continues it
(a merged cell whose span the text format lost). Each row's modalités cell
is a modality of the unit so coded: kept as a link, placed once the blocs are
read (:func:`.modalites.place_modalites` matches a bloc by its code).
The other columns (who assesses, a duration) are the modality's data: no element.
"""

from __future__ import annotations

import re

from ..docmodel import Block, Row
from ..rules import RuleSet
from .draft import Context, TableView, cell_text, cell_units, positions

KEY = "unit-key"
#: a bare code ("UEP1") or a unit named by its level word and number ("Compétence 1")
_CODE = re.compile(r"^(?:(?-i:[A-Z]{1,5})\s?\d{1,3}|(?-i:[A-ZÀ-Ý])[a-zà-ÿ]+\s\d{1,2})$")
_MIN_CODES = 2  # distinct codes the key column needs


def keyed_view(
    block: Block, rules: RuleSet, source: int, caption: str | None = None
) -> TableView | None:
    """A view of ``block`` when its first row names exactly one modalités column
    (or, under a heading naming the modalités, holds one filled cell naming no
    role) and one other column holds bare codes (or nothing) on every row below,
    the first of them a code; None otherwise."""
    if len(block.rows) < 1 + _MIN_CODES:
        return None
    head, body = block.rows[0], block.rows[1:]
    named = [column for column, cell in positions(head) if _names_modalites(cell_text(cell), rules)]
    if not named and caption is not None and _names_modalites(caption, rules):
        filled = [column for column, cell in positions(head) if cell_text(cell).strip()]
        unnamed = [
            c for c in filled if rules.first("column", cell_text(dict(positions(head))[c])) is None
        ]
        named = unnamed if len(filled) == 1 else []
    if len(named) != 1:
        return None
    for column in range(block.grid_width):
        if column != named[0] and _key_column(block, body, column):
            roles: list[str | None] = [None] * block.grid_width
            roles[column], roles[named[0]] = KEY, "modalites"
            return TableView(block, roles, body, source)
    return None


def _names_modalites(text: str, rules: RuleSet) -> bool:
    hit = rules.first("column", text)
    return hit is not None and hit.rule.value == "modalites"


def _key_column(block: Block, body: list[Row], column: int) -> bool:
    """Whether every body row's cell in ``column`` is a bare code or empty, the
    first one a code, with at least two distinct codes."""
    texts = []
    for row in body:
        cell = dict(positions(row)).get(column)
        texts.append(cell_text(cell).strip() if cell else "")
    if not texts or not texts[0]:
        return False
    if not all(not text or _CODE.match(text) for text in texts):
        return False
    return len({text for text in texts if text}) >= _MIN_CODES


def read_keyed(ctx: Context, view: TableView) -> None:
    """Keep each row's modality with the code of its unit (the last code above
    when the row's key cell is empty)."""
    key_column = view.roles.index(KEY)
    code = ""
    for row in view.body:
        for column, cell in positions(row):
            texts = [u.text for u in cell_units(cell)]
            if column == key_column and texts:
                code = " ".join(texts)
            elif view.roles[column] == "modalites" and texts and code:
                ctx.draft.modalite_links.append((" ".join(texts), [code]))
