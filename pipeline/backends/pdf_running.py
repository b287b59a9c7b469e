"""Running text a ruled table is drawn over, taken back out of its cells.

A table whose last row runs on past the page's footer rule (the rule crossing
its columns is left out of the grid, :mod:`.pdf_tables`) holds the footer's
text in that row's cells, interleaved with the row's own lines. A word of such
a cell lying beyond the crossing rule, in the page's top or bottom band, is
running text when another page prints the same word (digits folded: the page
number) at the same height beyond a rule there, outside or inside a table: it
leaves the cell and goes back to the page's words, where the furniture pass
(:mod:`.layout.furniture`) finds the footer it belongs to.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from .layout.furniture import MARGIN
from .pdf_tables import Grid
from .pdf_words import Word

_SAME_HEIGHT = 1.0  # points: a running word stands this near its height on every page
_DIGITS = re.compile(r"\d+")


def lift(
    grids: list[list[Grid]], words: list[list[Word]], heights: list[float]
) -> list[list[Word]]:
    """The running words taken out of each page's table cells (``grids``,
    ``words`` outside tables and ``heights`` of each page, in page order)."""
    tops = [
        _tops(page_grids, page_words) for page_grids, page_words in zip(grids, words, strict=True)
    ]
    lifted: list[list[Word]] = []
    for index, (page_grids, height) in enumerate(zip(grids, heights, strict=True)):
        others = [t for i, t in enumerate(tops) if i != index]
        taken: list[Word] = []
        for grid in page_grids:
            for y in grid.crossed:
                beyond = _beyond(y, height)
                if beyond is None:
                    continue
                for cell in grid.cells:
                    out = [
                        w for w in cell.words if beyond(w) and any(_stands(w, t, y) for t in others)
                    ]
                    cell.words = [w for w in cell.words if w not in out]
                    taken.extend(out)
        lifted.append(taken)
    return lifted


def _beyond(y: float, height: float) -> Callable[[Word], bool] | None:
    """Whether a word lies past the rule at ``y``, on the page edge's side
    (None when the rule is not in the top or bottom band)."""
    if y >= height * (1 - MARGIN):
        return lambda w: w.top >= y
    if y <= height * MARGIN:
        return lambda w: w.bottom <= y
    return None


def _tops(grids: list[Grid], words: list[Word]) -> dict[str, list[float]]:
    """Every word's height on a page, by its text with digits folded."""
    found: dict[str, list[float]] = defaultdict(list)
    for word in words + [w for g in grids for c in g.cells for w in c.words]:
        found[_DIGITS.sub("#", word.text)].append(word.top)
    return found


def _stands(word: Word, tops: dict[str, list[float]], y: float) -> bool:
    """Whether another page (``tops``) prints ``word`` at its height, on its side of ``y``."""
    return any(
        abs(top - word.top) <= _SAME_HEIGHT and (top >= y) == (word.top >= y)
        for top in tops.get(_DIGITS.sub("#", word.text), [])
    )
