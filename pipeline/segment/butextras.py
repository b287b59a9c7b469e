"""B.U.T. extra fields read by where they stand on a compétence's page.

A B.U.T. compétence page prints, besides its apprentissages critiques, the
compétence's situations professionnelles (a list beside or under its label)
and its niveaux (a "Niveau N" label, or a level word, over the level's name,
beside the box of that level's apprentissages critiques). The contract keeps
them as extra fields ('Families and levels', B.U.T. row): the bloc's
``situations_professionnelles`` and ``niveaux``, each apprentissage's
``niveau``. Only a page whose apprentissages belong to one bloc is read: an
overview page naming every compétence side by side repeats what their own
pages print.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..docmodel import BBox
from .draft import Context, DBloc, DCompetence, Unit, norm_text, units_text

_GLYPH = re.compile(r"\(cid:\d+\)")  # a bullet drawn by a glyph the text layer cannot name
_ALIGN = 3.0  # points: items of one list start at the same left edge


def but_extras(ctx: Context) -> None:
    """Fill the extra fields of every B.U.T. bloc from its compétence pages."""
    if ctx.draft.type != "BUT":
        return
    pages: dict[int, list[Unit]] = defaultdict(list)
    for unit in ctx.units:
        if unit.page is not None and unit.bbox is not None:
            pages[unit.page].append(unit)
    for page, bloc in _owners(ctx).items():
        units = pages.get(page, [])
        if not bloc.situations:
            bloc.situations = _situations(ctx, units)
        if not bloc.niveaux:
            _niveaux(ctx, units, bloc, page)


def _owners(ctx: Context) -> dict[int, DBloc]:
    """The pages whose apprentissages critiques all belong to one bloc."""
    owners: dict[int, set[int]] = defaultdict(set)
    blocs = {id(bloc): bloc for bloc in ctx.draft.blocs}
    for bloc in ctx.draft.blocs:
        for comp in bloc.competences:
            if comp.where.page is not None:
                owners[comp.where.page].add(id(bloc))
    return {page: blocs[next(iter(ids))] for page, ids in owners.items() if len(ids) == 1}


def _box(units: list[Unit]) -> BBox:
    boxes = [u.bbox for u in units if u.bbox is not None]
    return BBox(
        min(b.x0 for b in boxes),
        min(b.top for b in boxes),
        max(b.x1 for b in boxes),
        max(b.bottom for b in boxes),
    )


def _label(ctx: Context, units: list[Unit]) -> BBox | None:
    """The box of the page's situations label, printed on one line or wrapped
    over two ("Situations" / "professionnelles")."""
    for index in range(len(units)):
        for size in (1, 2):
            lines = units[index : index + size]
            text = units_text(lines)
            hit = ctx.rules.first("zone", text)
            if len(lines) == size and hit is not None and hit.rule.id == "zone.situations":
                return _box(lines)
    return None


def _situations(ctx: Context, units: list[Unit]) -> list[str]:
    """The list the situations label heads: the lines beside it (the run of
    lines right of it that reaches its height), else the lines under it, in
    its column."""
    label = _label(ctx, units)
    if label is None:
        return []
    texts = [u for u in units if _GLYPH.sub("", u.text).strip(" •-–")]
    line = label.bottom - label.top
    beside = [
        u
        for u in texts
        if _b(u).x0 > label.x1
        and _b(u).bottom > label.top - line / 2
        and _b(u).top < label.bottom + line / 2
    ]
    if beside:
        seed = min(beside, key=lambda u: _b(u).top)
        column = [u for u in texts if abs(_b(u).x0 - _b(seed).x0) <= _ALIGN]
        return _run(column, seed, line)
    under = [
        u for u in texts if abs(_b(u).x0 - label.x0) <= _ALIGN and _b(u).top >= label.bottom - 1
    ]
    if not under:
        return []
    return _run(under, min(under, key=lambda u: _b(u).top), line)


def _run(column: list[Unit], seed: Unit, line: float) -> list[str]:
    """The lines of ``column`` that follow one another with ``seed``, each
    less than a line's height from the next."""
    ordered = sorted(column, key=lambda u: _b(u).top)
    start = end = ordered.index(seed)
    while start > 0 and _b(ordered[start]).top - _b(ordered[start - 1]).bottom < line:
        start -= 1
    while end + 1 < len(ordered) and _b(ordered[end + 1]).top - _b(ordered[end]).bottom < line:
        end += 1
    return [_GLYPH.sub("", u.text).strip() for u in ordered[start : end + 1]]


def _niveaux(ctx: Context, units: list[Unit], bloc: DBloc, page: int) -> None:
    """The page's level labels with the names printed under them, and each
    apprentissage's level: the apprentissages right of the labels, from the
    first label's row down, split into as many rows as there are labels at
    their widest gaps."""
    labels = sorted(
        (u for u in units if ctx.rules.first("niveau", u.text)), key=lambda u: _b(u).top
    )
    if not labels:
        return
    named = [(label.text, _name(label, units, labels)) for label in labels]
    bloc.niveaux = named
    right = max(_b(label).x1 for label in labels)
    first = _b(labels[0])
    top = first.top - 2 * (first.bottom - first.top)  # the rows start at the first label
    placed: list[tuple[BBox, DCompetence]] = []
    for comp in bloc.competences:
        box = comp.where.bbox or _printed(comp, units)
        if comp.where.page == page and box is not None and box.x0 > right and box.top >= top:
            placed.append((box, comp))
    placed.sort(key=lambda p: p[0].top)
    if len(placed) < len(labels):
        return
    gaps = sorted(
        range(1, len(placed)),
        key=lambda i: placed[i][0].top - placed[i - 1][0].bottom,
        reverse=True,
    )
    cuts = [0, *sorted(gaps[: len(labels) - 1]), len(placed)]
    for (level, name), start, end in zip(named, cuts, cuts[1:], strict=False):
        for _, comp in placed[start:end]:
            comp.niveau = f"{level} - {name}" if name else level


def _printed(comp: DCompetence, units: list[Unit]) -> BBox | None:
    """The box of the page's line the apprentissage was read from: the first
    line its wording starts with (or that starts with it), else its line."""
    head = norm_text(comp.libelle)
    for unit in units:
        text = norm_text(unit.text)
        if text and (head.startswith(text) or text.startswith(head)):
            return unit.bbox
    for unit in units:
        if unit.line == comp.where.line:
            return unit.bbox
    return None


def _name(label: Unit, units: list[Unit], labels: list[Unit]) -> str:
    """The level's name: the lines centred under its label, down to the next
    label of its column, each near the line above it."""
    box = _b(label)
    line = box.bottom - box.top
    below = sorted(
        (
            u
            for u in units
            if u not in labels
            and _b(u).top >= box.bottom - 1
            and box.x0 <= (_b(u).x0 + _b(u).x1) / 2 <= box.x1
        ),
        key=lambda u: _b(u).top,
    )
    column = [o for o in labels if _b(o).top > box.top and _b(o).x0 < box.x1 and _b(o).x1 > box.x0]
    stop = min((_b(o).top for o in column), default=float("inf"))
    lines: list[str] = []
    bottom = box.bottom
    for unit in below:
        if _b(unit).top >= stop or _b(unit).top - bottom > 2.5 * line:
            break
        lines.append(unit.text)
        bottom = _b(unit).bottom
    return " ".join(lines)


def _b(unit: Unit) -> BBox:
    assert unit.bbox is not None  # the page lists hold boxed units only
    return unit.bbox
