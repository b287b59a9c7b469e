"""Results run together in one cell, cut where each opens on its own lead-in.

A learning-outcomes table lists under "… sera capable :" results that each
open on the infinitive lead-in ``de`` / ``d'`` the head asks for. A cell the
layout left whole may run them together, a new one starting mid-line right
after the last word of the one before ("… (résistance, condensateur, bobine)
d'appliquer les lois …"). A ``de`` before an infinitive, right after a noun,
an adjective, a participle, a number or a closing bracket (not after a
conjunction, an adverb or a verb that asks for it: "et de résoudre", "afin de
réaliser"; not inside brackets) opens the next result (French grammar, no
document's wording).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..docmodel import Block, Cell, Kind, Row
from ..nlp import INFINITIVE_ENDINGS, is_infinitive, model
from .draft import cell_units, positions

if TYPE_CHECKING:
    from spacy.tokens import Token

_LEAD_INS = frozenset({"de", "d'", "d’"})
_ENDS_PHRASE = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
_CLOSING = frozenset({")", "]"})
_SHORT_WORD = 4  # letters: "faire" and longer


def split_results(body: list[Row], column: int) -> list[Row]:
    """``body`` with each cell of ``column`` holding one item per result."""
    cut: dict[int, Cell] = {}
    out: list[Row] = []
    for row in body:
        cells = []
        for at, cell in positions(row):
            if at == column and id(cell) not in cut:
                cut[id(cell)] = _cut_cell(cell)
            cells.append(cut.get(id(cell), cell) if at == column else cell)
        out.append(replace(row, cells=cells))
    return out


def _cut_cell(cell: Cell) -> Cell:
    """The cell with its run-together results as items, or itself."""
    units = cell_units(cell)
    pieces = [piece for unit in units for piece in _results(unit.text)]
    if len(pieces) <= len(units):
        return cell
    first = cell.blocks[0]
    blocks = [
        Block(Kind.LIST_ITEM, text, first.page, first.line, bbox=first.bbox) for text in pieces
    ]
    return Cell(blocks, cell.col_span, cell.row_span)


def _results(text: str) -> list[str]:
    """``text`` cut before each lead-in that opens a result of its own."""
    doc = model()(text)
    starts = [0]
    for token in doc[1:]:
        if token.lower_ not in _LEAD_INS and not token.lower_.startswith(("d'", "d’")):
            continue
        verb = token.nbor(1) if token.i + 1 < len(doc) else None
        if token.lower_ in _LEAD_INS:
            if verb is None or not (is_infinitive(verb) or _spelt_verb(verb)):
                continue
        elif not _glued_infinitive(token):
            continue
        before = doc[token.i - 1]
        inside = text.count("(", 0, token.idx) > text.count(")", 0, token.idx)
        if inside:
            continue  # an aside in brackets goes on
        if before.pos_ in _ENDS_PHRASE or before.text in _CLOSING or _participle(before):
            starts.append(token.idx)
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def _spelt_verb(token: Token) -> bool:
    """A word spelt as an infinitive right before a determiner ("de quantifier
    les …", whatever the model tags it): a noun after "de" takes none there."""
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (
        len(token.text) > _SHORT_WORD
        and token.lower_.endswith(INFINITIVE_ENDINGS)
        and after is not None
        and after.pos_ == "DET"
    )


def _glued_infinitive(token: Token) -> bool:
    """A token "d'appliquer" the model left whole: the word after the apostrophe."""
    word = token.text[2:]
    return bool(word) and word.lower().endswith(INFINITIVE_ENDINGS)


def _participle(token: Token) -> bool:
    return "Part" in token.morph.get("VerbForm", [])
