"""A cell's own code series: statements numbered by a code no rule knows.

A grid may number each column's items with a prefix of its own ("XY1.1.",
"XY1.2." … down one column, "ZW1.1." … down the next). No code rule names
such a prefix; the series itself is the evidence: three lines or more of a
cell opening on the same letters and the same parent number, their last
numbers rising. A line holding one of those codes alone cites an item of
the series again (the grid refers back to it in a later row): no statement.
"""

from __future__ import annotations

import re

from .draft import Unit

#: a code of capital letters and a dotted number, its trailing period, then the statement
_CODED = re.compile(
    r"(?P<code>(?P<prefix>[A-Z]{1,4})(?P<parent>\d{1,2}(?:\.\d{1,2})*)\.(?P<last>\d{1,2}))"
    r"\.?(?:\s+(?P<libelle>\S.*))?",
    re.DOTALL,
)
_MIN_SERIES = 3  # numbered statements that make a series


def cell_series(units: list[Unit]) -> dict[int, tuple[str, str]] | None:
    """The statements of a cell's code series: id of the unit → its code and
    statement (a citation, a code of the series alone, left out). None when
    the cell holds no series, or a line that is neither."""
    hits = [_CODED.fullmatch(u.text.strip()) for u in units]
    if not all(hits):
        return None
    stated = [h for h in hits if h is not None and h.group("libelle")]
    keys = {(h.group("prefix"), h.group("parent")) for h in hits if h is not None}
    lasts = [int(h.group("last")) for h in stated]
    if len(stated) < _MIN_SERIES or len(keys) != 1 or lasts != sorted(set(lasts)):
        return None
    if {int(h.group("last")) for h in hits if h is not None} - set(lasts):
        return None  # a bare code citing no statement of the series
    return {
        id(unit): (hit.group("code"), hit.group("libelle"))
        for unit, hit in zip(units, hits, strict=True)
        if hit is not None and hit.group("libelle")
    }
