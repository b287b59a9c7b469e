"""The title of a fiche of France compétences' répertoires (RNCP, RS).

The register prints every fiche on the same page layout: the certification's
name first, then its status and the fiche's number ("N° de fiche" over
"RNCP36135", or "Code de la fiche : RNCP38822", rules ``fiche-number``). The
name carries no family word when the certification is a title its
certificateur registered: the number line names the register, an RNCP number
makes it a title registered in the RNCP (type ``TITRE RNCP``); an RS number
(répertoire spécifique) names no family of the contract.
"""

from __future__ import annotations

import re

from .draft import Context, Unit

_HEAD = 8  # units before the number line: the name, the status, the page's widgets
_NAME_MAX = 200  # characters of a certification's name
_NUMBER = re.compile(r"^(RNCP|RS)\s*\d{3,6}$")


def fiche_title(ctx: Context, preamble: list[Unit]) -> tuple[str | None, str | None]:
    """The intitulé and the type a fiche's head gives, (None, None) for no fiche."""
    for index, unit in enumerate(preamble[:_HEAD]):
        hit = ctx.rules.first("fiche-number", unit.text)
        if hit is None:
            continue
        code = hit.group("code") or _number_below(preamble, index)
        if code is None:
            return None, None
        first = preamble[0].text.strip()
        name = first if index > 0 and _name_shaped(first) else None
        return name, "TITRE RNCP" if code.upper().startswith("RNCP") else None
    return None, None


def _number_below(preamble: list[Unit], index: int) -> str | None:
    below = preamble[index + 1 : index + 2]
    return below[0].text.strip() if below and _NUMBER.match(below[0].text.strip()) else None


def _name_shaped(text: str) -> bool:
    """A name: a capital first, no sentence nor label end, not a code."""
    return (
        text[:1].isupper()
        and len(text) <= _NAME_MAX
        and not text.endswith((".", ":"))
        and not _NUMBER.match(text)
    )
