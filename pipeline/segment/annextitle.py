"""The title an annex prints under its part heading ("Article Annexe 1" over
the annex's own name, as Légifrance heads every annex), read by
:mod:`.certification` when nothing else names the certification."""

from __future__ import annotations

import re
from dataclasses import replace

from .draft import Context, Unit
from .titlehits import clean_title, intitule_text, title_like, wrapped_title


def annex_title(ctx: Context, preamble: list[Unit]) -> str | None:
    """The first line of the preamble after a ``document-part`` heading, when
    it is printed as a name outside any table (a grid's header cell names a
    column) and names an award (``title-award``: an annex titled by its
    content names no certification): the annex's title without its asides (``title-aside``, also
    on the line it wraps onto: "… HOSPITALIÈRE. - DOCUMENT 3"), with the line it
    wraps onto ("… GESTES" / "ET SOINS …"). A line too long for a
    title may print the award's name, a full stop, then the document's kind
    ("BREVET D'… DES SPORTS. RÉFÉRENTIEL DU DIPLÔME …"): its first sentence is the title."""
    for index, unit in enumerate(preamble):
        if ctx.rules.first("document-part", unit.text) is None:
            continue
        below = preamble[index + 1 : index + 3]
        if below and not title_like(ctx, below[0]):
            below[0] = _first_sentence(below[0])
        if not below or below[0].cell is not None or not title_like(ctx, below[0]):
            return None
        if ctx.rules.first("title-award", below[0].text) is None:
            return None
        name = intitule_text(ctx, clean_title(below[0].text))
        return intitule_text(ctx, wrapped_title(ctx, below[1:], name)) if name else None
    return None


_SENTENCE_END = re.compile(r"\.\s+(?=[^\W\d_])")


def _first_sentence(unit: Unit) -> Unit:
    """``unit`` cut to its first sentence when it prints two or more."""
    parts = _SENTENCE_END.split(unit.text, maxsplit=1)
    return replace(unit, text=parts[0]) if len(parts) > 1 else unit
