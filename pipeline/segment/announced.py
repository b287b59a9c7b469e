"""Blocs a lead-in announces by their count, printed without a code.

A certification may list its blocs de compétences under a lead-in that counts
them ("… est constitué de 3 blocs de compétences optionnels :"), the items
then naming each bloc by its title alone. Under an open bloc these uncoded
items would read as its compétences. When the lead-in counts exactly the items
that follow it, and they are set as the item that opened the open bloc (a list
item at the same level: the blocs listed before), each is a bloc of its own.
"""

from __future__ import annotations

from .draft import Context, Unit
from .state import State, open_bloc

#: a count spelt in words (the rule reads up to ten)
_WORDS = ("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix")


def announced_blocs(ctx: Context, state: State, units: list[Unit], index: int) -> int | None:
    """The number of items after the lead-in ``units[index]`` read as the blocs
    it announces (each opened, uncoded); None when the line announces none."""
    unit, bloc = units[index], state.bloc
    if bloc is None or unit.is_item or unit.table is not None:
        return None
    hit = ctx.rules.first("bloc-count", unit.text)
    if hit is None:
        return None
    count = _count(hit.group("count") or "")
    items = units[index + 1 : index + 1 + count]
    after = units[index + 1 + count : index + 2 + count]
    opener = _opener(units[:index], bloc.where.page, bloc.where.line)
    if (
        count < 2
        or len(items) != count
        or (after and after[0].is_item)
        or opener is None
        or not opener.is_item
        or any(not _alike(item, opener) or state.bloc_hit(ctx, item.text) for item in items)
    ):
        return None
    for item in items:
        open_bloc(ctx, state, [item], "stream.announced-bloc", any_text=True)
    return count


def _count(word: str) -> int:
    """The count a lead-in prints, in digits or in words."""
    if word.isdigit():
        return int(word)
    return _WORDS.index(word.lower()) + 2 if word.lower() in _WORDS else 0


def _opener(before: list[Unit], page: int | None, line: int | None) -> Unit | None:
    """The unit the open bloc was opened from (its page and line)."""
    return next((u for u in reversed(before) if u.page == page and u.line == line), None)


def _alike(item: Unit, opener: Unit) -> bool:
    """A list item set as the bloc's own item: same kind and level."""
    return item.is_item and item.table is None and item.level == opener.level
