"""The mentions of an outline level that only refer to its units.

A summary or a table of contents names the units of a level in one run of
lines with nothing between them; the body names each again with its content.
Such a run refers to the units, it opens none (:func:`reference_mentions`);
a run naming every unit of a worded series in order shows the level's units
even when the document details only one of them (:func:`listed`).
"""

from __future__ import annotations

from .draft import Unit
from .numbering import numbered
from .outline_series import CONTENT, LONG_UNKNOWN_SERIES, Series
from .schedule import schedule_rows


def _runs(series: Series) -> list[list[tuple[int, tuple[int, ...]]]]:
    """The series' mentions in runs with nothing (or a line or two) between them."""
    runs: list[list[tuple[int, tuple[int, ...]]]] = []
    for mention in series.mentions:
        if runs and mention[0] - runs[-1][-1][0] <= CONTENT - 1:
            runs[-1].append(mention)
        else:
            runs.append([mention])
    return runs


def listed(series: Series) -> bool:
    """Whether one run of mentions names every unit of a worded series, in
    order (a summary list "CP01 … CP07" before the body): then one unit
    detailed after it, as in an excerpt, shows the list names units of the
    document's own. Bare numbers ("1.", "2.") restart in every list: no unit."""
    numbers = sorted(series.numbers)
    return (
        bool(series.word)
        and len(numbers) >= LONG_UNKNOWN_SERIES
        and any([n for _, n in run][: len(numbers)] == numbers for run in _runs(series))
    )


def reference_mentions(
    series: Series, mentions: list[Unit], owner: Series | None = None
) -> list[int]:
    """The mentions that only refer to units: a run of mentions with nothing
    between them (a summary, a table of contents), when each unit it names is
    mentioned again elsewhere — out of a table, or in a table with its
    content (a table row naming the unit beside its hours does not hold it);
    and a schedule's rows (:mod:`.schedule`). Under an ``owner`` level whose
    units each number their own from 1 (:func:`_owned_keys`), a unit is its
    owner's code and its number, and only a titled mention names it again."""
    out: list[int] = []
    owning = series.owning(len(mentions))
    keys = _owned_keys(series, owner, mentions)
    for run in _runs(series):
        if len(run) < 2:
            continue
        inside = {index for index, _ in run}
        elsewhere = {
            keys.get(index, n)
            for index, n in series.mentions
            if index not in inside
            and (mentions[index].cell is None or index in owning)
            and (not keys or _titled(mentions[index]))
        }
        if all(keys.get(index, number) in elsewhere for index, number in run):
            out.extend(inside)
    return out + schedule_rows(series.mentions, mentions)


def _titled(unit: Unit) -> bool:
    """Whether a mention gives its unit's title (not a bare code "OI 111.")."""
    hit = numbered(unit.text)
    return hit is None or bool(hit.title.strip(" .:"))


def _owned_keys(series: Series, owner: Series | None, mentions: list[Unit]) -> dict[int, object]:
    """Each mention's unit as its owner unit's printed code and its own number,
    when the numbers restart under the owner ("OI 11" under "UEG1" and again
    under "UEP1", each with another title); empty otherwise."""
    if owner is None:
        return {}
    starts = sorted(
        (index, (hit.word, hit.number))
        for index, _ in owner.mentions
        if (hit := numbered(mentions[index].text))
    )
    keys: dict[int, object] = {}
    titles: dict[tuple[int, ...], set[object]] = {}
    for index, number in series.mentions:
        above = [code for at, code in starts if at < index]
        if not above:
            return {}
        keys[index] = (above[-1], number)
        titles.setdefault(number, set()).add(above[-1])
    return keys if any(len(owners) > 1 for owners in titles.values()) else {}
