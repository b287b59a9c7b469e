"""What the units of an outline series hold, read from the lines under them.

A series nobody named (an unknown level word, a bare numbering) is a level of
the référentiel when its units hold abilities — list items, action statements
— rather than prose: sections of the document hold prose, or whole role
tables of another level. Units whose items say what the holder does ("il
agit …") are activités listing tâches, not blocs (``Outline.activites``); a
bare numbering restarting on a list that is not the units' is cut there.
"""

from __future__ import annotations

from ..docmodel import Kind
from ..nlp import is_action, is_task
from .draft import Context, TableView, Unit, cell_units, role_cells
from .numbering import numbered
from .outline_series import CONTENT, PAIR, Series
from .spanning import group_rows

_FOLLOWING = 30  # units looked at under a mention for the abilities it holds
_SECTION_TITLE = 160  # characters: a section title is one short line
_LOOKED_AT = 4  # of which this many are read by the language model


def ability_pair(ctx: Context, series: Series, mentions: list[Unit]) -> bool:
    """Two units numbered with no level word, each mentioned once, whose titles
    state abilities ("1. Préparer des chantiers", "2. Conduire …") and which
    each hold abilities: a référentiel of two units in plain paragraphs (the
    titres professionnels' RNCP summaries), though nothing sets them apart."""
    if series.word or series.roman or series.lettered or not ctx.options.use_nlp:
        return False
    if len(series.numbers) != PAIR or len(series.mentions) != PAIR:
        return False
    return _states_abilities(mentions, series.mentions) and holds_abilities(ctx, series, mentions)


def _states_abilities(mentions: list[Unit], run: list[tuple[int, tuple[int, ...]]]) -> bool:
    """Whether most titles of a run of numbered mentions are ability statements."""
    titles = [numbered(mentions[index].text) for index, _ in run]
    return sum(bool(t and is_action(t.title)) for t in titles) * 2 > len(run)


def holds_abilities(ctx: Context, series: Series, mentions: list[Unit]) -> bool:
    """Whether most units of a series nobody named hold abilities — list
    items, or action statements (spaCy, on the first few lines) — rather than
    prose: then they are units of the référentiel, not sections of the document.
    A unit named by a word ("UE 3") holds them when one of its mentions does:
    the others (a summary table, a calendar naming it week after week) only
    refer to it. A last unit the document's end cuts short (an excerpt) is
    not counted. Bare numbers ("1.", "2.") are counted mention by mention: the
    same numbers start unrelated lists."""
    ends = [index for index, _ in series.mentions[1:]] + [len(mentions)]
    holding: list[tuple[int, ...]] = []
    stated = _table_competences(ctx)
    for (index, number), end in zip(series.mentions, ends, strict=True):
        under = mentions[index + 1 : min(end, index + 1 + _FOLLOWING)]
        if any(u.kind is Kind.LIST_ITEM or u.text in stated for u in under) or (
            ctx.options.use_nlp and any(is_action(u.text) for u in under[:_LOOKED_AT])
        ):
            holding.append(number)
    if series.word:
        last, end = series.mentions[-1][0], len(mentions)
        cut = end - last <= CONTENT and series.mentions[-1][1] not in holding  # excerpt's end
        return len(set(holding)) * 2 > len(_sectioned(series, mentions)) - cut
    return len(holding) * 2 > len(series.mentions)


def holds_items(series: Series, mentions: list[Unit]) -> bool:
    """Whether most mentions of a series are followed by list items before its
    next mention: the units that govern the référentiel's abilities, not a
    column of a classification grid ("échelon A", "échelon B" beside job
    names, named again row after row, with no list under any)."""
    ends = [index for index, _ in series.mentions[1:]] + [len(mentions)]
    holding = sum(
        any(
            u.kind is Kind.LIST_ITEM for u in mentions[index + 1 : min(end, index + 1 + _FOLLOWING)]
        )
        for (index, _), end in zip(series.mentions, ends, strict=True)
    )
    return holding * 2 > len(series.mentions)


def lists_tasks(ctx: Context, series: Series, mentions: list[Unit]) -> bool:
    """Whether the units of a numbering with no level word list tâches: most
    of the items right under their mentions say what the holder does ("il
    agit …", :func:`~referentiel.nlp.is_task`), not abilities — the units are
    activités, not blocs. So are the units of a numbering printed inside the
    section the document names its référentiel d'activités, every one of them."""
    if series.word:
        return False
    if _inside_activites(ctx, [mentions[index] for index, _ in series.mentions]):
        return True
    if not ctx.options.use_nlp:
        return False
    ends = [index for index, _ in series.mentions[1:]] + [len(mentions)]
    items: list[str] = []
    for (index, _), end in zip(series.mentions, ends, strict=True):
        for unit in mentions[index + 1 : end]:
            if unit.kind is not Kind.LIST_ITEM:
                break
            items.append(unit.text)
    return bool(items) and sum(is_task(text) for text in items) * 2 > len(items)


def _inside_activites(ctx: Context, units: list[Unit]) -> bool:
    """Whether every unit lies after a section title opening the activités
    (``section`` rules: "RÉFÉRENTIEL D'ACTIVITÉS") and before any other part's
    title (the outline is read before the ``sections`` stage tags the units)."""
    wanted = {id(unit) for unit in units}
    current: str | None = None
    for unit in ctx.units:
        if unit.table is None and len(unit.text) < _SECTION_TITLE:
            hit = ctx.rules.first("section", unit.text)
            current = hit.rule.value if hit is not None else current
        if id(unit) in wanted:
            if current != "activites":
                return False
            wanted.discard(id(unit))
    return bool(units) and not wanted


def restarted_mentions(ctx: Context, series: Series, mentions: list[Unit]) -> list[int]:
    """The mentions of a bare numbering ("1.", "2.") that restarts from its first
    number ("1. 2. 3." then "1. 2. 3." again) and are not the level's units: each
    restart opens another list, and a run whose titles are not ability
    statements (a following list of savoirs, of the document's sections) is not
    a run of units when another run's are — when no run's titles are, a run
    whose titles stand over no abilities is not, when another run's stand over
    some; the blocs end there. Runs of
    abilities all stay (an option's units numbered again are units too)."""
    if series.word or series.roman or series.lettered or not ctx.options.use_nlp:
        return []
    runs: list[list[tuple[int, tuple[int, ...]]]] = []
    for mention in series.mentions:
        if not runs or mention[1] <= runs[-1][-1][1]:
            runs.append([])
        runs[-1].append(mention)
    abilities = [run for run in runs if _states_abilities(mentions, run)] or [
        run for run in runs if _runs_over_abilities(series, mentions, run)
    ]
    if len(runs) < 2 or not abilities:
        return []
    return [index for run in runs if not any(run is a for a in abilities) for index, _ in run]


def _runs_over_abilities(
    series: Series, mentions: list[Unit], run: list[tuple[int, tuple[int, ...]]]
) -> bool:
    """Whether most lines under a run's titles state abilities (an infinitive):
    titles naming their group ("1. En matière de coordination") over
    compétences, not over savoirs ("1. Disciplinaires" over noun phrases)."""
    starts = sorted(index for index, _ in series.mentions)
    stated = read = 0
    for index, _ in run:
        end = next((at for at in starts if at > index), len(mentions))
        under = mentions[index + 1 : end][:_LOOKED_AT]
        read += len(under)
        stated += sum(1 for unit in under if is_action(unit.text))
    return read > 0 and stated * 2 > read


def holds_groups(ctx: Context, series: Series, mentions: list[Unit]) -> bool:
    """Whether one unit of a numbering with no level word holds several group
    rows of role tables (units of a level of their own, e.g. the activités
    types of a critères grid): a unit of a level does not hold several units
    of the level above its compétences, so "1 …, 2 …, 3 …" numbers the
    document's own sections ("3 Dispositif d'évaluation …"), not its units."""
    tables = _tables(ctx)
    ends = [index for index, _ in series.mentions[1:]] + [len(mentions)]
    for (index, _), end in zip(series.mentions, ends, strict=True):
        views = {id(view): view for at, view in tables if index < at < end}
        if sum(group_rows(view, ctx.rules) for view in views.values()) >= 2:
            return True
    return False


def _tables(ctx: Context) -> list[tuple[int, TableView]]:
    """Where each role table starts among the flat units (as ``flat_units``
    with a cell's heading only), with its view."""
    out: list[tuple[int, TableView]] = []
    at = 0
    for unit in ctx.units:
        if unit.table is None:
            at += 1
            continue
        out.append((at, unit.table))
        seen: set[int] = set()
        for row in unit.table.block.rows:
            for cell in row.cells:
                if id(cell) not in seen:
                    seen.add(id(cell))
                    at += min(1, len(cell_units(cell)))
    return out


def _sectioned(series: Series, mentions: list[Unit]) -> set[tuple[int, ...]]:
    """The numbers of a worded series that head a section of their own (a
    mention outside a table's cells); all of them when none does. A unit only
    named in a summary table's cells (an excerpt leaving its section out)
    refers to a unit, it holds nothing here."""
    own = {number for index, number in series.mentions if mentions[index].cell is None}
    return own or set(series.numbers)


def _table_competences(ctx: Context) -> set[str]:
    """The first lines of the compétence cells of the tables read by column
    role: a unit over such a table holds the abilities it lists."""
    stated: set[str] = set()
    for unit in ctx.units:
        view = unit.table
        if view is None or "competence" not in view.roles:
            continue
        for row in view.body:
            for cell in role_cells(view, row, "competence"):
                units = cell_units(cell)
                if units:
                    stated.add(units[0].text)
    return stated
