"""Where elements stand in the document: the box of an element's block, and the place
of each string of its lists (indicateurs, connaissances, tâches…).

The segmenter records where each element starts; the strings of its lists are found
again afterwards: the first block, from the element's own place on, whose text holds
the string's start (the next string is searched from there, as lists are read in
order), else anywhere in the document. A string found nowhere (joined from several
cells, reworded by OCR correction) gets an empty provenance.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from itertools import chain

from rapidfuzz import fuzz

from .docmodel import BBox as DocBox
from .docmodel import Document, Kind
from .models import BBox, Provenance
from .segment.draft import Where
from .textclean import clean

_LIBELLE_REACH = 2  # lines below an element's own where its libellé may stand
_SAME_TEXT = 90  # rapidfuzz partial ratio from which a block holds the libellé
_NEEDLE = 60  # characters of a string's start that place it
_FUZZY_REACH = 80  # blocks after the cursor searched with a fuzzy match


@dataclass(frozen=True)
class _Placed:
    """One text block of the document, in reading order."""

    text: str  # cleaned, case-folded
    page: int | None
    line: int
    box: BBox | None
    table: bool


class Places:
    """The document's blocks by place, to give elements and their strings a provenance."""

    def __init__(self, document: Document) -> None:
        self._blocks: list[_Placed] = []
        self._at: dict[tuple[int | None, int], list[int]] = {}
        self._reached: list[tuple[int, int]] = []  # furthest (page, line) up to each block
        for block in document.walk():
            if block.line is None:
                continue
            box = rounded(block.bbox) if block.bbox is not None else None
            placed = _Placed(
                clean(block.text).casefold(), block.page, block.line, box, block.kind is Kind.TABLE
            )
            self._at.setdefault((block.page, block.line), []).append(len(self._blocks))
            self._blocks.append(placed)
            key = (block.page or 0, block.line)
            self._reached.append(max(self._reached[-1], key) if self._reached else key)

    def provenance(self, where: Where, text: str) -> Provenance:
        """Page, line, rule and box of an element whose libellé is ``text``."""
        if where.bbox is not None:
            box: BBox | None = rounded(where.bbox)
        else:
            box = self._find(where.page, where.line, clean(text).casefold())
        return Provenance(page=where.page, line=where.line, rule=where.rule or None, bbox=box)

    def items(self, where: Where, lists: dict[str, list[str]]) -> dict[str, list[Provenance]]:
        """One provenance per string of each non-empty list, found from ``where`` on."""
        start = self._start(where)
        found: dict[str, list[Provenance]] = {}
        for name, texts in lists.items():
            if not texts:
                continue
            cursor = start
            places = []
            for text in texts:
                index = self._search(clean(text).casefold()[:_NEEDLE], cursor)
                if index is None:
                    places.append(Provenance())
                    continue
                cursor = index
                block = self._blocks[index]
                places.append(Provenance(page=block.page, line=block.line, bbox=block.box))
            found[name] = places
        return found

    def _start(self, where: Where) -> int:
        """Index of the element's own block (or of the first block after its place)."""
        if where.line is None:
            return 0
        exact = self._at.get((where.page, where.line))
        if exact:
            return exact[0]
        index = bisect_left(self._reached, (where.page or 0, where.line))
        return index if index < len(self._blocks) else 0

    def _search(self, needle: str, cursor: int) -> int | None:
        """The first non-table block from ``cursor`` on (then from the start) holding
        ``needle``; else the best fuzzy match just after ``cursor``."""
        if not needle:
            return None
        for index in chain(range(cursor, len(self._blocks)), range(cursor)):
            block = self._blocks[index]
            if not block.table and needle in block.text:
                return index
        best, best_score = None, float(_SAME_TEXT)
        for index in range(cursor, min(cursor + _FUZZY_REACH, len(self._blocks))):
            block = self._blocks[index]
            if block.table or not block.text:
                continue
            score = fuzz.partial_ratio(needle, block.text)
            if score >= best_score:
                best, best_score = index, score
        return best

    def _find(self, page: int | None, line: int | None, text: str) -> BBox | None:
        """The box of the block holding ``text`` at this line or just below (a code
        printed above or beside its libellé), else of the block at this line."""
        if page is None or line is None:
            return None
        scored = []
        for offset in range(_LIBELLE_REACH + 1):
            found = [self._blocks[i] for i in self._at.get((page, line + offset), [])]
            found = [b for b in found if b.box is not None]
            for block in [b for b in found if not b.table] or found:
                assert block.box is not None
                score = fuzz.partial_ratio(text, block.text) if text else 0.0
                scored.append((score >= _SAME_TEXT, -offset, score, block.box))
        if not scored:
            return None
        return max(scored, key=lambda s: s[:3])[3]


def rounded(box: DocBox) -> BBox:
    """A box for the output, to the hundredth of a point."""
    return BBox(
        x0=round(box.x0, 2), top=round(box.top, 2), x1=round(box.x1, 2), bottom=round(box.bottom, 2)
    )
