"""Header rows: the column roles a table row names (rules labelled ``column``)."""

from __future__ import annotations

import re

from ..docmodel import Kind, Row
from ..rules import RuleSet
from .checks import CHECKS, SCORE, is_check
from .draft import Unit, cell_units, positions, units_text


def header_roles(
    row: Row,
    rules: RuleSet,
    checks: frozenset[int] = frozenset(),
    marks: frozenset[int] = frozenset(),
) -> dict[int, str] | None:
    """Column roles if the filled cells of ``row`` name them (one cell of three or
    more may be unreadable, e.g. garbled by OCR; in a row the reader saw printed
    again on every page of the table, a header for sure, any cell may name no role
    once two do: columns of the publisher's own), else None. A cell over a column
    of check marks (``checks``) names a modality, one over marks no role (:mod:`.checks`),
    and the fonctions over marks only (activités × fonctions, "X" where an
    activité serves a fonction) name none: a mapping, no column of units;
    a box to tick names nothing (a body row of a grid to fill in), and the heads
    of a rating scale over boxes ("TI | I | S | TS") make the row beside one
    label a header."""
    roles: dict[int, str] = {}
    filled = unknown = scale = 0
    for column, cell in positions(row):
        texts = [u.text for u in cell_units(cell)]
        if not texts:
            continue
        if len(texts) == 1 and is_check(texts[0]):
            continue  # a box to tick is filled in, it names nothing
        filled += 1
        named = [] if holds_content(cell_units(cell)) else _cell_roles(" ".join(texts), rules)
        if column in checks and named != [SCORE]:
            for offset in range(max(1, cell.col_span)):
                roles[column + offset] = CHECKS
            continue
        span = max(1, cell.col_span)
        if named == ["fonction"] and all(c in marks for c in range(column, column + span)):
            named = []  # the fonctions over marks only ("FONCTIONS" over "X"): a mapping, no unit
        if not named:
            unknown += column not in marks
            continue
        if named == [SCORE]:
            filled -= 1  # a rating scale's head: beside the header, not part of it
            scale += column in checks  # over boxes to tick: the scale of a grid to fill in
        if len(named) != span:
            named = named[:1] * span  # one role over a merged header cell
        for offset, role in enumerate(named):
            roles[column + offset] = role
    spare = filled - 2 if row.header else 1 if filled >= 3 else 0
    lone = filled < 2 and not row.header and scale < _SCALE
    if not set(roles.values()) - {SCORE} or unknown > spare or lone:
        return None
    return roles


_SCALE = 3  # heads of a scale over boxes ("TI | I | S | TS") beside one label: a header row
_STATEMENT_WORDS = 3  # a header label ending with a stop is short ("Réf.", "N° d'ordre.")


def holds_content(units: list[Unit]) -> bool:
    """Whether a cell holds content, not a label: a list, or a sentence of
    several words ended by a full stop ("Savoir résoudre un conflit.")."""
    if any(u.kind is Kind.LIST_ITEM for u in units):
        return True
    text = units_text(units).rstrip()
    return text.endswith(".") and len(text.split()) >= _STATEMENT_WORDS


def _cell_roles(text: str, rules: RuleSet) -> list[str]:
    """The roles a header cell names, in order: usually one; several when two
    header cells were read as one ("MODALITÉS … CRITÈRES …")."""
    first = rules.first("column", text)
    if first is None or first.rule.value is None:
        named = rules.closest("column-name", text)
        return [named.value] if named is not None and named.value else []
    roles = [first.rule.value]
    position = first.match.end()
    for word in re.finditer(r"(?<!\S)\S", text):
        if word.start() < position:
            continue
        hit = rules.first("column", text[word.start() :])
        if hit is not None and hit.rule.value not in (None, "evaluation", SCORE):
            roles.append(hit.rule.value)
            position = word.start() + hit.match.end()
    return roles
