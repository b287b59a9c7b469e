"""A numbering that a list goes on with is the list's, not an outline level.

"1. De prendre en charge une personne :", "2. …", "3. …" printed as plain
lines, then a list whose items are numbered "4." … "7." (a lead-in between,
"Par ailleurs, il doit être en mesure :"): the list continues the numbering,
so the seven statements are one list of abilities — the first ones only set
apart because they lead in to sub-items — and the bare numbers are no level
of the document's outline (read by :mod:`.outline`).
"""

from __future__ import annotations

from .draft import Unit
from .outline_series import Series
from .subitems import label_numbers


def continued_by_list(series: Series, mentions: list[Unit]) -> bool:
    """Whether the first numbered list item after a bare numbering's last
    mention carries the number after that mention's."""
    if series.word or not series.mentions:
        return False
    last, number = series.mentions[-1]
    if len(number) != 1:
        return False
    for unit in mentions[last + 1 :]:
        if unit.is_item and (digits := label_numbers(unit)):
            return digits == (number[0] + 1,)
    return False
