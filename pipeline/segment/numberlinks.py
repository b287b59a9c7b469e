"""Stage ``number-links``: compétences linked to the activité their number extends.

A grid "Activités | Compétences" links an activité to the compétences printed
on its row; the rows after it that leave the activité cell empty, and the
second compétence of a cell, belong to it too. When the compétences are
numbered under the activités ("1.1.1", "1.1.2" under "1.1") and every link the
rows made agrees with that numbering, the numbering is the link: each
compétence still unlinked is linked to the activité whose code its own code
extends by one level.
"""

from __future__ import annotations

import re

from .draft import Context, DCompetence

_CODE = re.compile(r"^\d{1,2}(?:\.\d{1,2})+$")  # a decimal code with a parent ("2.4.3")


def number_links(ctx: Context) -> None:
    """Link each unlinked numbered compétence to the activité its code extends,
    when the links made by the rows all follow that numbering."""
    activites = {a.code for a in ctx.draft.activites if a.code and _CODE.match(a.code)}
    if not activites:
        return
    comps = list(dict.fromkeys(c.canonical() for b in ctx.draft.blocs for c in b.competences))
    numbered = [(c, parent) for c in comps if (parent := _parent(c)) in activites]
    linked = [(c, parent) for c, parent in numbered if c.activites]
    if not linked or any(c.activites != [parent] for c, parent in linked):
        return
    if any(c.activites and _parent(c) is None for c in comps):
        return  # some links follow no numbering: the rows, not the numbers, link
    for comp, parent in numbered:
        if not comp.activites:
            comp.activites.append(parent)


def _parent(comp: DCompetence) -> str | None:
    """The code one level above the compétence's printed code ("2.4" for "2.4.3")."""
    code = comp.codes[0][0].strip().rstrip(".") if comp.codes else ""
    if not _CODE.match(code):
        return None
    return code.rsplit(".", 1)[0]
