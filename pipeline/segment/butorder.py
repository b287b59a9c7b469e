"""B.U.T. compétence pages read heading first.

On a B.U.T. page given to one compétence ("Compétence RT1" and its statement),
its composantes essentielles may be set in a box at the top right, above the
heading's line, so the reading order puts them before the heading that opens
the compétence's bloc. They belong to that page's compétence (contract,
'Families and levels': each compétence heads a page, its composantes are its
critères): they are read right after the heading and its statement.
"""

from __future__ import annotations

from collections import defaultdict

from ..docmodel import Kind
from ..textclean import label_text
from .content import is_composante
from .draft import Context, Unit
from .state import bloc_headings


def heading_first(ctx: Context, units: list[Unit]) -> list[Unit]:
    """``units`` with the composantes read before the only bloc heading of
    their page moved after that heading and the heading lines under it."""
    if ctx.draft.type != "BUT":
        return units
    headings: dict[int, list[int]] = defaultdict(list)
    for index, _hit in bloc_headings(ctx, units):
        page = units[index].page
        if page is not None:
            headings[page].append(index)
    moved: dict[int, list[Unit]] = {}  # index of the heading → the composantes read after it
    taken: set[int] = set()
    for page, found in headings.items():
        if len(found) != 1:
            continue
        head = found[0]
        before = [
            i
            for i in range(head)
            if units[i].page == page and is_composante(ctx, label_text(units[i].text))
        ]
        if before:
            moved[_after_title(units, head)] = [units[i] for i in before]
            taken.update(before)
    if not moved:
        return units
    out: list[Unit] = []
    for index, unit in enumerate(units):
        if index not in taken:
            out.append(unit)
        out.extend(moved.get(index, []))
    return out


def _after_title(units: list[Unit], head: int) -> int:
    """The index of the last heading line of the run the bloc heading opens
    (the heading, its statement and the lines the statement wrapped onto)."""
    last = head
    while last + 1 < len(units) and units[last + 1].kind is Kind.HEADING:
        if units[last + 1].page != units[head].page:
            break
        last += 1
    return last
