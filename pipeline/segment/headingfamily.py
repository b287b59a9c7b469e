"""The family a form's heading names, when the title line names none.

A registration form prints its subject in a heading above its fields ("…
pour l'inscription du titre professionnel au répertoire …"), then the name
alone after its label ("Intitulé : secrétaire comptable."): the name gives the
intitulé and no family. The headings before the blocs — units that are neither
items nor sentences — naming exactly one family of the contract's list after a
link word ("du", "des", "de la" …) give the type; several families give none.
"""

from __future__ import annotations

import re

from ..models import CERTIFICATION_TYPES
from ..textclean import ends_sentence
from .draft import Context, Unit
from .titlehits import hit_family

# where a family is named inside a line, plural links included ("des", "aux", "dans les")
FAMILY_LINK = re.compile(r"\b(?:du|au|aux|des|les|de\s+la|de\s+l['’])\s*", re.IGNORECASE)


def linked_families(ctx: Context, text: str) -> set[str]:
    """The contract's families the title rules read after a link word of ``text``."""
    kinds: set[str] = set()
    for link in FAMILY_LINK.finditer(text):
        hit = next(ctx.rules.hits("title", text[link.end() :]), None)
        kind = hit_family(hit) if hit is not None else ""
        if kind in CERTIFICATION_TYPES:
            kinds.add(kind)
    return kinds


def heading_family(ctx: Context, units: list[Unit]) -> str | None:
    """The one family the headings among ``units`` name after a link word."""
    kinds: set[str] = set()
    for unit in units:
        if unit.is_item or ends_sentence(unit.text):
            continue
        kinds |= linked_families(ctx, unit.text)
    return kinds.pop() if len(kinds) == 1 else None
