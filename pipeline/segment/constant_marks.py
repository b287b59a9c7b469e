"""A list mark printed as a character: one digit or small letter repeated.

A typesetter that lacks the dingbat font of a list prints its marks in the
text font: the check mark of ZapfDingbats comes out as the digit ``3``, its
white circle as the letter ``m`` ("3 Identifier …", "3 Disposer …",
"m Questionnement …"). Such a character heads item after item unchanged — a
numbering counts, a mark does not — and is followed by a capital, where a
one-letter word of running text is followed by anything. A run of three or
more such paragraphs (a footnote or a page's running line may stand between
two of them) shows the character is a mark: every paragraph of the document
it heads, before a capital, becomes a list item labelled with the bullet it
stands for, its character dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..docmodel import Kind
from .draft import Unit

#: the glyphs the marks stand for: a digit marks items, a small letter sub-items
_ITEM, _SUB = "•", "◦"
#: a digit or a small letter alone before a capital; never "a" nor "y", French
#: one-letter words that may open a sentence's line
_MARKED = re.compile(r"^(?P<mark>\d|[b-xz])\s+(?=[A-ZÀ-ÝŒ])")
_RUN = 3  # paragraphs headed by one mark, for a list
_GAP = 1  # other paragraphs that may stand between two of them


def unmarked(units: list[Unit]) -> list[Unit]:
    """The stream with the paragraphs a repeated one-character mark heads read as list items."""
    marks = {units[run[0]].text[0] for run in _runs(units)}
    if not marks:
        return units
    out: list[Unit] = []
    for unit in units:
        mark = _mark(unit)
        if mark in marks:
            text = _MARKED.sub("", unit.text, count=1)
            label = _SUB if mark.isalpha() else _ITEM
            unit = replace(unit, kind=Kind.LIST_ITEM, text=text, label=label)
        out.append(unit)
    return out


def _runs(units: list[Unit]) -> list[list[int]]:
    """The indices of each run of paragraphs headed by the same mark."""
    runs: list[list[int]] = []
    current: list[int] = []
    mark = ""
    gap = 0
    for index, unit in enumerate(units):
        found = _mark(unit)
        if found and found == mark:
            current.append(index)
            gap = 0
            continue
        if not found and current and gap < _GAP:
            gap += 1
            continue
        if len(current) >= _RUN:
            runs.append(current)
        current, mark, gap = ([index], found, 0) if found else ([], "", 0)
    if len(current) >= _RUN:
        runs.append(current)
    return runs


def _mark(unit: Unit) -> str:
    """The one-character mark heading a paragraph, or ''."""
    if unit.table is not None or unit.kind is not Kind.PARAGRAPH or unit.label:
        return ""
    found = _MARKED.match(unit.text)
    return found.group("mark") if found else ""
