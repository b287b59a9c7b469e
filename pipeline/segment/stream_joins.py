"""Lines the reader split that the stream joins again (stage ``units``).

A heading's number printed alone on the next line, a list item's wrapped line
left as a paragraph, a layout cell's paragraph going on with the one before
it: each is the rest of the line before.
"""

from __future__ import annotations

import re

from .. import hyphens
from ..docmodel import Kind
from ..rules import RuleSet
from ..textclean import ends_sentence, fold, starts_lower
from .draft import Unit, wraps_on

_NUMBER_ALONE = re.compile(r"^n\s*[°º]\s*\d{1,2}(?:\.\d{1,2})*$", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^\d{1,2}$")


def join_numbers(units: list[Unit], rules: RuleSet) -> list[Unit]:
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
            last.text = hyphens.join_wrapped(last.text, unit.text, hyphens.FRENCH)
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


def join_wrapped(units: list[Unit]) -> list[Unit]:
    """A list item's wrapped line that the reader left as a paragraph (lower-case
    start, the item's sentence unfinished, the item long enough to have filled its
    line) is the rest of that item; so is a paragraph's rest after a page break
    (:func:`_cut_by_page`)."""
    out: list[Unit] = []
    for unit in units:
        last = out[-1] if out else None
        if last is not None and _cut_by_page(last, unit):
            last.text = hyphens.join_wrapped(last.text, unit.text, hyphens.FRENCH)
            continue
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
            last.text = hyphens.join_wrapped(last.text, unit.text, hyphens.FRENCH)
            continue
        out.append(unit)
    return out


def _cut_by_page(last: Unit, unit: Unit) -> bool:
    """Whether paragraph ``unit``, opening a page in lower case, is the rest of
    paragraph ``last`` whose last word the page break cut with a hyphen
    ("… disponibles et facile-" / "ment accessibles, …")."""
    return (
        last.kind is Kind.PARAGRAPH
        and unit.kind is Kind.PARAGRAPH
        and last.page is not None
        and unit.page is not None
        and unit.page == last.page + 1
        and last.table is None
        and unit.table is None
        and not last.heading_like
        and not unit.heading_like
        and starts_lower(unit.text)
        and hyphens.ends_with_hyphen(last.text.rstrip())
    )


def join_cell_lines(units: list[Unit]) -> list[Unit]:
    """A layout cell's paragraph that goes on with the one before it (lower-case
    start after an unfinished sentence: a line the cell wrapped) joins it, as
    in the cells of a table read by role (:func:`.draft.cell_units`)."""
    out: list[Unit] = []
    for unit in units:
        last = out[-1] if out else None
        if last is not None and last.table is None and unit.table is None and wraps_on(last, unit):
            last.text = hyphens.join_wrapped(last.text, unit.text, hyphens.FRENCH)
            continue
        out.append(unit)
    return out
