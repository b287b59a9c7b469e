"""Running headers, footers and page numbers: detected across pages and removed.

A line in the top or bottom margin band of a page is *running* when the same
text (digits ignored, so "Page 3 / 12" matches "Page 4 / 12") stands at the
same distance from the page edge on many pages. A margin line that is only a
page number ("3", "- 3 -", "Page 3 sur 12") is dropped even when it appears once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .pdf_words import Line, Word, group_lines

_MARGIN = 0.12  # share of the page height searched at the top and at the bottom
_SAME_PLACE = 6.0  # points: a repeated line may move this much between pages
_PAGE_NUMBER = re.compile(
    r"^[-–—(\[]?\s*(page|p\.)?\s*#+\s*((/|sur|of|de)\s*#+)?\s*[-–—)\]]?$", re.IGNORECASE
)


@dataclass
class MarginLine:
    """A line in a page's margin band, with what identifies it across pages."""

    page: int
    line: Line
    zone: str  # "top" | "bottom"
    distance: float  # from the page edge of its zone
    key: str  # text with digits folded


def _key(text: str) -> str:
    """What identifies a margin line across pages: its text, numbers folded in page numbers."""
    key = " ".join(text.lower().split())
    folded = re.sub(r"\d+", "#", key)
    return folded if _PAGE_NUMBER.match(folded) or "page" in folded else key


def margin_lines(page: int, words: list[Word], height: float) -> list[MarginLine]:
    """The lines of a page lying in its top or bottom margin band."""
    found = []
    for line in group_lines(words):
        if line.bottom <= height * _MARGIN:
            found.append(MarginLine(page, line, "top", line.top, _key(line.text)))
        elif line.top >= height * (1 - _MARGIN):
            found.append(MarginLine(page, line, "bottom", height - line.bottom, _key(line.text)))
    return found


def running_words(candidates: list[MarginLine], n_pages: int) -> set[int]:
    """``id()`` of every word that belongs to a running header, footer or page number."""
    groups: dict[tuple[str, str], list[MarginLine]] = defaultdict(list)
    for found in candidates:
        groups[(found.zone, found.key)].append(found)
    needed = max(2, (n_pages + 1) // 2)
    drop: set[int] = set()
    for (_, key), group in groups.items():
        if _PAGE_NUMBER.match(key):
            keep = group
        else:
            keep = _same_place(group)
            if len({found.page for found in keep}) < needed:
                continue
        drop.update(id(w) for found in keep for w in found.line.words)
    return drop


def _same_place(group: list[MarginLine]) -> list[MarginLine]:
    """The members of ``group`` standing where most of them stand."""
    distances = sorted(found.distance for found in group)
    middle = distances[len(distances) // 2]
    return [found for found in group if abs(found.distance - middle) <= _SAME_PLACE]
