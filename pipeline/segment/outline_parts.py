"""Parts numbered by ordinals over restarting numbered units: a two-level outline.

Légifrance annexes of training référentiels print their units as parts numbered
by ordinals ("1re Partie : LE FEU …", "2e Partie : …"), each over its own
numbered units ("SEQUENCE 1", "SEQUENCE 2" …) whose numbering starts again at 1
in every part. "Partie" usually numbers the text, not its units (a
``level-word`` of another kind); a series of parts whose numbering another
series restarts under is not the text's division but its outline: the parts are
the blocs, the restarting units their compétences (structure, not wording).
"""

from __future__ import annotations

from collections.abc import Iterable

from .outline_series import Series

_MIN_RESTARTS = 2  # parts under which the child numbering starts again at 1


def restarting_parts(
    series: Iterable[Series], roles: dict[tuple[str, int, bool, bool], str]
) -> tuple[Series, Series] | None:
    """The (parts, units) pair of an ordinal series of another word's role and a
    worded series of one depth restarting at 1 under at least two of its parts."""
    every = list(series)
    for parts in every:
        if not parts.ordinal or roles[parts.key] != "other" or not parts.consecutive:
            continue
        starts = sorted(index for index, _ in parts.mentions)
        for child in every:
            if child is parts or not child.word or child.depth != 1 or child.ordinal:
                continue
            if _restarts(starts, child) >= _MIN_RESTARTS:
                return parts, child
    return None


def _restarts(starts: list[int], child: Series) -> int:
    """Under how many parts the child's numbers run 1, 2, … from 1."""
    groups: dict[int, list[int]] = {}
    for index, number in child.mentions:
        above = [start for start in starts if start < index]
        if above:
            groups.setdefault(above[-1], []).append(number[0])
    return sum(numbers == list(range(1, len(numbers) + 1)) for numbers in groups.values())
