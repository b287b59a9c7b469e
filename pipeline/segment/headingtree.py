"""A référentiel printed as a tree of unnumbered headings.

An APC référentiel kept as a text document (Markdown, a Word outline) may
print no number, no code and no level word: its heading levels are its
levels. The top headings state the compétences ("Modéliser un processus …",
"Résoudre un problème …"), the deepest headings the abilities that make them
up, each followed by its own short lines (the courses that train it, the
national blocs it serves: no ability, reported unplaced); a level between
them groups those abilities, as a B.U.T.'s niveaux group its apprentissages
critiques. Like a numbered outline (:mod:`.outline`), the tree is read only
when the bloc vocabulary finds no bloc, and it is the document's outline when

* it has two heading levels or more, none of its headings numbered or coded
  (a numbered outline is :mod:`.outline`'s),
* the document opens on a top heading, and there are two of them or more,
  every one an action statement (an infinitive opens it, :func:`..nlp.is_action`),
* each top heading holds deepest headings, most of which (three in four)
  are action statements too.

The top headings are the blocs (contract: an APC compétence is a bloc, as in
the B.U.T.), the deepest headings their compétences.
"""

from __future__ import annotations

from ..docmodel import Kind
from ..nlp import is_action
from ..textclean import label_text
from .content import competence_code
from .draft import Context, Outline, Unit
from .numbering import numbered

_MIN_UNITS = 2  # fewer top headings are a title over a document, not a level
_ACTION_SHARE = 3 / 4  # share of the deepest headings that state an action


def heading_tree(ctx: Context) -> Outline | None:
    """The outline of a document whose unnumbered heading levels are its
    levels (top headings → blocs, deepest headings → compétences), or None."""
    if not ctx.options.use_nlp:
        return None
    headings = [u for u in ctx.units if u.kind is Kind.HEADING and u.table is None]
    levels = sorted({u.level for u in headings})
    if len(levels) < 2 or any(_numbered(ctx, u) for u in headings):
        return None
    top, deepest = levels[0], levels[-1]
    sections = _sections(ctx.units, top)
    if len(sections) < _MIN_UNITS or ctx.units[0] is not sections[0][0]:
        return None  # a line before the first top heading: a title or prose the tree leaves out
    items = [u for _, body in sections for u in body if _is_heading(u, deepest)]
    if any(not any(_is_heading(u, deepest) for u in body) for _, body in sections):
        return None
    if not all(is_action(label_text(head.text)) for head, _ in sections):
        return None
    actions = sum(1 for u in items if is_action(label_text(u.text)))
    if actions < _ACTION_SHARE * len(items):
        return None
    return Outline(
        heads=frozenset(id(head) for head, _ in sections),
        headed=frozenset(id(u) for u in items),
    )


def _numbered(ctx: Context, unit: Unit) -> bool:
    """Whether a heading opens on a number or a code: a bare number, a roman
    numeral, a letter, a level word ("Compétence 2") or a compétence code — not
    a number inside a sentence ("Réaliser en équipe de 3 à 5 personnes …")."""
    hit = numbered(unit.text)
    if hit is not None and (
        not hit.word or hit.roman or hit.lettered or ctx.rules.level(hit.word) != "unknown"
    ):
        return True
    return competence_code(ctx, unit.text) is not None


def _is_heading(unit: Unit, level: int) -> bool:
    return unit.kind is Kind.HEADING and unit.table is None and unit.level == level


def _sections(units: list[Unit], top: int) -> list[tuple[Unit, list[Unit]]]:
    """Each top heading with the units up to the next one."""
    sections: list[tuple[Unit, list[Unit]]] = []
    for unit in units:
        if _is_heading(unit, top):
            sections.append((unit, []))
        elif sections:
            sections[-1][1].append(unit)
    return sections
