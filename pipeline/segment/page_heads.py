"""A page's head printed again on a later page (stage ``streams``).

A table read one column after the other may print its header again on a
later page (where a new bloc starts): the column names and the lines that
describe them, too few pages for the reader to drop them as running headers.
The names are cues the walker reads (they say what the next chunk is); the
descriptions under them are prose, and one in lower case would be read as the
wrapped rest of the last unit of the page before. A page's *head* is its
units before its first list item; a paragraph of a head whose text was read
in the head of an earlier page, not printed as a heading, is that page's
header read again and is left out.
"""

from __future__ import annotations

from .draft import Unit, norm_text


def drop_page_heads(units: list[Unit]) -> list[Unit]:
    """``units`` without the paragraphs of a page's head read again in a later page's head."""
    seen: set[str] = set()  # the texts of earlier pages' heads
    current: set[str] = set()
    out: list[Unit] = []
    page: int | None = None
    head = False
    for unit in units:
        if unit.page != page:
            seen |= current
            current = set()
            page, head = unit.page, unit.page is not None
        head = head and not unit.is_item and unit.table is None
        if not head:
            out.append(unit)
            continue
        key = norm_text(unit.text)
        if key in seen and not unit.heading_like:
            continue
        current.add(key)
        out.append(unit)
    return out
