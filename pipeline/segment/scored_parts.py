"""The part of an assessment a critères table scores, named just above it.

An assessment form may split a note into parts, each stated with its points
on the line above the table of its critères ("Production écrite : 10 points."
over « CRITÈRES D'APPRÉCIATION | NOTE OBTENUE »): that part is a modality of
the unit's evaluation. A total printed after the table ("Note obtenue : 10
points.") heads no table and is no part.
"""

from __future__ import annotations

import re

from .draft import TableView, Unit

_PART = re.compile(
    r"^[^\W\d_][^:]{1,60}?\s*:\s*\d{1,3}(?:[.,]\d{1,2})?\s*(?:points?|pts?)\.?$", re.I
)


def scored_part(view: TableView, before: Unit | None) -> str | None:
    """The line ``before`` a table of critères when it names a part of the
    evaluation with its points, else None."""
    if before is None or before.table is not None or "criteres" not in view.roles:
        return None
    text = " ".join(before.text.split())
    return text if _PART.match(text) else None
