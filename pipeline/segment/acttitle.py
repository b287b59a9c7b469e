"""The name a collective agreement's act heading is printed under.

A convention collective prints each accord under its act heading ("Accord no
51 du 10 juin 1999", rules ``document-part.act``), the certification the
accord creates named on the heading line right above it. When nothing else
names the certification, that line, printed as a name, is its intitulé, and
the family the rule gives (what a branch's act creates) is its type.
"""

from __future__ import annotations

from ..docmodel import Kind
from .draft import Context, Unit
from .titlehits import clean_title, intitule_text, title_like


def act_family(ctx: Context, preamble: list[Unit]) -> str | None:
    """The family the first act heading of ``preamble`` creates (its rule's value)."""
    for unit in preamble:
        hit = ctx.rules.first("document-part", unit.text)
        if hit is not None and hit.rule.id == "document-part.act":
            return hit.rule.value
    return None


def act_subject(ctx: Context, preamble: list[Unit]) -> str | None:
    """The heading right above the first act heading of ``preamble``, when it
    is printed as a name; None when the act heading comes first or is none."""
    for index, unit in enumerate(preamble):
        hit = ctx.rules.first("document-part", unit.text)
        if hit is None or hit.rule.id != "document-part.act":
            continue
        above = preamble[index - 1] if index else None
        if above is None or above.kind is not Kind.HEADING or not title_like(ctx, above):
            return None
        return intitule_text(ctx, clean_title(above.text)) or None
    return None
