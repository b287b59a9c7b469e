"""The details a listed ability prints under it, for :mod:`.implicit`.

A list of abilities may detail one of its items: "2. D'apporter des
connaissances structurées." over "2.1. En utilisant …", "2.2. En explorant …"
(numbers extending the item's), or a lead-in item "4. De réaliser les gestes
… face à une personne :" over the situations that complete it, each a list
item or a numbered line ("victime d'un saignement abondant ;"). Such details
do not state an action of their own (a gérondif, a noun phrase), yet the
document lists them as abilities of the unit: they are compétences, in
reading order after their item, each with the code it prints (contract,
"No bloc level": every ability listed in the unit is one of its compétences).
Only the whole stretch between an ability and the next is taken, and only
when every line of it is such a detail.
"""

from __future__ import annotations

import re

from ..textclean import ends_lead_in
from .draft import Context, Unit
from .numbering import numbered

_MAX_DETAILS = 12  # a longer stretch between two abilities is no list of details
_SHORT = 250  # a longer line is prose, not a listed detail
#: a line led by a numbering of digits only, its parts joined by spaces, dots or
#: hyphens ("2.1. En …", "1 4-. victime …"): the code, then the statement
_DIGIT_CODE = re.compile(r"^(?P<code>\d{1,2}(?:[\s.\-]{1,2}\d{1,2})*-?)\.?\s+(?P<text>[^\W\d_].*)$")


def detail_code(unit: Unit) -> tuple[str | None, str]:
    """The digit code a detail line is led by (a list item's number stays on
    its label), if any, and the statement past it."""
    hit = _DIGIT_CODE.match(unit.text)
    if unit.is_item or hit is None:
        return None, unit.text
    return " ".join(hit.group("code").rstrip(".").split()), hit.group("text")


def with_details(ctx: Context, abilities: list[Unit]) -> list[Unit]:
    """``abilities`` with, after each, the details it prints under it."""
    where = {id(unit): index for index, unit in enumerate(ctx.units)}
    out: list[Unit] = []
    for position, unit in enumerate(abilities):
        out.append(unit)
        start = where[id(unit)] + 1
        if position + 1 < len(abilities):
            end = where[id(abilities[position + 1])]
        else:
            end = start
            while end < len(ctx.units) and _detail(unit, ctx.units[end]):
                end += 1
        stretch = ctx.units[start:end]
        if 0 < len(stretch) <= _MAX_DETAILS and all(_detail(unit, line) for line in stretch):
            out.extend(stretch)
    return out


def _detail(parent: Unit, line: Unit) -> bool:
    """Whether ``line`` details ``parent``: a short line outside tables, set
    as body text, numbered under it or completing its lead-in."""
    if line.table is not None or line.heading_like or len(line.text) > _SHORT:
        return False
    if _numbered_under(parent, line):
        return True
    return ends_lead_in(parent.text) and (line.is_item or detail_code(line)[0] is not None)


def _numbered_under(parent: Unit, line: Unit) -> bool:
    """Whether ``line``'s number extends ``parent``'s ("2.1" under "2.")."""
    own = _number(parent)
    hit = numbered(line.text) if not line.is_item else None
    if not own or hit is None or hit.word or hit.roman or hit.lettered:
        return False
    return len(hit.number) > len(own) and hit.number[: len(own)] == own


def _number(unit: Unit) -> tuple[int, ...]:
    """The number an ability is printed with: its list label ("2.") or the
    bare number its line opens with."""
    if unit.is_item:
        return label_numbers(unit)
    hit = numbered(unit.text)
    if hit is None or hit.word or hit.roman or hit.lettered:
        return ()
    return tuple(hit.number)


def label_numbers(unit: Unit) -> tuple[int, ...]:
    """The numbers a list item's label prints ("2.1." → (2, 1)); () for none."""
    return tuple(int(d) for d in re.findall(r"\d+", unit.label or ""))
