"""The rest of a page's last item, read lower down the next page (stage ``streams``).

When a table's columns are read one after the other a page at a time, a cell
the page break cut resumes in its column's chunk on the next page, after the
chunks of the columns before it; the walker joins the first column's rest
at the top of the page (:meth:`.interleaved._Walker._continue_taches`). The
page's last unit is the last column's item: when its sentence is unfinished
(no closing mark), its rest is the next page's *last* resumption — the column
order of the page read again — a paragraph in lower case after a unit that
closed its sentence, or a lower-case clause the reader glued to the end of a
unit of another column, after the sentence or quotation that unit closed
("… sous-traitants." + "politique …"). The rest must close the sentence; the
first unit of the page is the first column's, never the last one's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..docmodel import Kind
from ..hyphens import FRENCH, join_wrapped
from ..textclean import ends_sentence, starts_lower
from .draft import Unit

#: a clause in lower case glued after a closed sentence or quotation
_GLUED = re.compile(r"(?<=[.!?…»])\s+(?=[a-zà-ÿœ])")


def rejoin_page_rests(units: list[Unit]) -> list[Unit]:
    """``units`` with each cut last item of a page given its rest from the next page."""
    out = list(units)
    for index, unit in enumerate(out):
        if not _cut(out, index):
            continue
        page = [i for i in range(index + 1, len(out)) if out[i].page == (unit.page or 0) + 1]
        found = _last_rest(out, page[1:])
        if found is None:
            continue
        at, start = found
        host = out[at]
        out[index] = replace(unit, text=join_wrapped(unit.text, host.text[start:], FRENCH))
        out[at] = replace(host, text=host.text[:start].rstrip())
    return [u for u in out if u.text]


def _cut(units: list[Unit], index: int) -> bool:
    """Whether ``units[index]`` is an item ending its page mid-sentence."""
    unit = units[index]
    after = units[index + 1] if index + 1 < len(units) else None
    return (
        unit.is_item
        and unit.table is None
        and unit.page is not None
        and after is not None
        and after.page != unit.page
        and not ends_sentence(unit.text)
    )


def _last_rest(units: list[Unit], indexes: list[int]) -> tuple[int, int] | None:
    """The last resumption among ``units[indexes]``: the unit's index and
    where the rest starts in its text (0 for a whole paragraph)."""
    for at in reversed(indexes):
        unit = units[at]
        if unit.table is not None:
            continue
        starts = [m.end() for m in _GLUED.finditer(unit.text)]
        whole = (
            unit.kind is Kind.PARAGRAPH
            and starts_lower(unit.text)
            and ends_sentence(units[at - 1].text)
        )
        start = 0 if whole else (starts[-1] if starts else None)
        if start is not None:
            return (at, start) if ends_sentence(unit.text) else None
    return None
