"""A critère that leads in dash items printed inside its own line.

A critère "Prise en compte :" over items "– des … ;" / "– des … ." that the
reader kept in the critère's paragraph (dashes set inside a bullet's text, not
list items of their own) is one lead-in and its items: the lead-in, its colon
kept, is the critère, each dash item one of its indicateurs — as a lead-in
critère over list items is read (:mod:`.leadins`, the corpus convention).
"""

from __future__ import annotations

import re

from ..textclean import DASHES

#: a dash standing between spaces: an item's bullet, never a word's hyphen
_DASH_ITEM = re.compile(rf"\s+[{re.escape(DASHES)}]\s+")
_MIN_ITEMS = 2  # one dash after a colon may be an aside ("Durée : – 2 h")


def dashed_lead_in(text: str) -> tuple[str, list[str]] | None:
    """The lead-in (up to its colon) and the dash items of a critère line
    that glues two dash items or more right after its first colon; None when
    the line reads otherwise."""
    head, colon, rest = text.partition(":")
    if not colon or not head.strip() or _DASH_ITEM.search(head):
        return None
    parts = _DASH_ITEM.split(f" {rest}")
    if parts[0].strip() or len(parts) - 1 < _MIN_ITEMS:
        return None
    items = [part.strip() for part in parts[1:]]
    if not all(items):
        return None
    return text[: len(head) + 1].strip(), items
