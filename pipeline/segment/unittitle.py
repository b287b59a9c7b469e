"""A unit named only by its title line: a document certifying one unit.

An annex may state a single unit with no number: a line printed in capitals
that opens with a bloc word ("UNITE CAPITALISABLE COMPLEMENTAIRE de la
spécialité …"), then the unit's objectives numbered with a compétence word
("OI 1", "OI 1.1"). The outline then finds only the compétence word's series,
whose units would be the blocs of a document printing no bloc level; but the
title line names the unit certified as a whole (contract, "Families and
levels"): it is the one bloc, and that series, at every depth, lists its
compétences. Read by :mod:`.outline`.
"""

from __future__ import annotations

from ..textclean import is_upper
from .draft import Context, Unit
from .numbering import numbered
from .outline_series import Series

_SHORT = 200  # characters: a longer line is prose, not a unit's title


def unit_title(ctx: Context, level: Series, mentions: list[Unit]) -> Unit | None:
    """The one line before the first mention of ``level`` (a compétence
    word's series) that names a unit with no number: outside tables, short,
    opening with a bloc word printed in capitals. None when there is no such
    line, or several."""
    found = [
        unit
        for unit in mentions[: level.first]
        if unit.table is None and len(unit.text) <= _SHORT and _names_unit(ctx, unit.text)
    ]
    return found[0] if len(found) == 1 else None


def _names_unit(ctx: Context, text: str) -> bool:
    """Whether ``text`` opens with a bloc word in capitals and no number follows it."""
    hit = ctx.rules.first("level-word", text)
    if hit is None or hit.rule.value != "bloc" or numbered(text) is not None:
        return False
    printed = text.split()[: len(hit.match.group().split())]
    return is_upper(" ".join(printed))
