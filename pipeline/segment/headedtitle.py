"""The name a cover prints as its heading, over a family line naming nothing.

A dossier's cover may print the certification's name as its heading, then the
family in body text ("Préparateur Réparateur de véhicules de loisirs" over
"Certificat de qualification professionnelle"), then a subtitle naming the
document. The outline tells them apart: the name is the heading, the family
line and the subtitle below it are not. Read by :mod:`.certification` when a
family line has nothing after it and the line below it is no title of its own.
"""

from __future__ import annotations

from ..docmodel import Kind
from .draft import Context, Unit
from .titlehits import clean_title, title_hits, title_like


def heading_above(ctx: Context, preamble: list[Unit], index: int) -> str | None:
    """The heading right above the family line ``preamble[index]`` when that
    line and the next one are body text (no heading) and the heading is
    name-shaped and names no family itself; else None."""
    if index == 0 or preamble[index].kind is Kind.HEADING:
        return None
    above = preamble[index - 1]
    below = preamble[index + 1] if index + 1 < len(preamble) else None
    if above.kind is not Kind.HEADING or not title_like(ctx, above):
        return None
    if below is not None and below.kind is Kind.HEADING:
        return None  # the name is the heading below the family line
    text = clean_title(above.text)
    if ctx.rules.first("title-noise", text) or ctx.rules.first("section", text):
        return None
    return None if title_hits(ctx, text) else text or None
