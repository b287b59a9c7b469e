"""Units printed as one repeated rubric template: a répertoire's fiches métier.

A fiche of a répertoire des métiers (the RIME of the State's ministries) prints
each métier as an unnumbered heading over the same rubric labels in the same
order ("Définition du métier", "Activités principales", "Savoir-faire",
"Connaissances"), each label a short paragraph of its own over one paragraph per
item. Nothing numbers or sets the units apart: the labels are told from the
headings by repetition. A short title printed under every unit is a rubric; a
title printed once, right before the first rubric, names its unit. Two units
or more, each over the same rubrics, one of them read as compétences by the
zone rules, make a level (contract, "No bloc level": the top units printed are
the blocs):

- each unit is a bloc (no code, its heading as printed);
- a compétences rubric ("Savoir-faire") lists the bloc's compétences, each its
  own even when another unit states the same words;
- a connaissances rubric lists the bloc's connaissances;
- an activités rubric (rule label ``activities-rubric``) lists activités of
  the référentiel d'activités, read by the activités stage
  (:mod:`.rubric_activites`);
- any other rubric (the métier's definition) is no element, and the
  certification's description is none of its paragraphs: they describe a unit.
"""

from __future__ import annotations

from ..textclean import fold
from .content import add_competence
from .draft import Context, DBloc, Unit, Where
from .plainheads import is_title

RULE = "rubrics.unit"
_MIN_UNITS = 2  # a template printed once is no level
_MIN_RUBRICS = 2  # a unit over one label is a heading over a list


def rubric_units(ctx: Context) -> bool:
    """Read the units of a repeated rubric template as blocs; whether any were."""
    sections = _sections(ctx)
    if not sections:
        return False
    source = ctx.new_source()
    described: set[str] = set()
    for head, rubrics in sections:
        bloc = DBloc(None, head.text.strip(), Where(head.page, head.line, RULE))
        for label, items in rubrics:
            role = _role(ctx, label)
            for unit in items:
                if role == "competences":
                    add_competence(ctx, bloc, unit, source, from_list=True, rule=RULE, own=True)
                elif role == "connaissances":
                    bloc.connaissances.append(unit.text.strip())
                elif role is None:
                    described.add(fold(unit.text))
        ctx.draft.blocs.append(bloc)
    if fold(ctx.draft.description or "") in described:
        ctx.draft.description = None  # a unit's definition, not the certification's
    first = sections[0][0]
    ctx.warn(
        "LOW_CONFIDENCE_STRUCTURE",
        f"no bloc level found: {len(sections)} units over one repeated rubric template"
        " kept as blocs",
        first.page,
        first.line,
    )
    return True


Rubric = tuple[Unit, list[Unit]]  # a rubric label and the items below it


def _sections(ctx: Context) -> list[tuple[Unit, list[Rubric]]]:
    """Each unit heading and its rubrics, or [] when the document repeats no
    rubric template under two headings or more."""
    plain = [u for u in ctx.units if u.table is None]
    titles = [u for u in plain if is_title(ctx, u)]
    counts: dict[str, int] = {}
    for unit in titles:
        counts[fold(unit.text)] = counts.get(fold(unit.text), 0) + 1
    sections: list[tuple[Unit, list[Rubric]]] = []
    head: Unit | None = None
    for unit in plain:
        if is_title(ctx, unit) and counts[fold(unit.text)] == 1:
            head = unit
            sections.append((unit, []))
        elif is_title(ctx, unit):
            if head is not None:
                sections[-1][1].append((unit, []))
        elif sections and sections[-1][1]:
            sections[-1][1][-1][1].append(unit)
    sections = [(h, r) for h, r in sections if r]
    shapes = {tuple(fold(label.text) for label, _ in rubrics) for _, rubrics in sections}
    if len(sections) < _MIN_UNITS or len(shapes) != 1:
        return []
    labels = [label for label, _ in sections[0][1]]
    if len(labels) < _MIN_RUBRICS or all(_role(ctx, u) != "competences" for u in labels):
        return []
    return sections


def _role(ctx: Context, label: Unit) -> str | None:
    """What a rubric's items are: ``competences``, ``connaissances``,
    ``activites``, or None (no element)."""
    if ctx.rules.first("activities-rubric", label.text):
        return "activites"
    hit = ctx.rules.first("zone", label.text)
    value = hit.rule.value if hit is not None else None
    return value if value in ("competences", "connaissances") else None
