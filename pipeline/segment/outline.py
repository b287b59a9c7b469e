"""Stage ``outline``: the document's own numbered levels, whatever their word.

Référentiels number their units: "Compétence 1 … 6", "Module 1. – … Module 8",
"FICHE ACTIVITÉ TYPE N° 1" then "FICHE COMPÉTENCE PROFESSIONNELLE N° 1 … 4",
"CP1.1 … CP2.7", "UC 1 … UC 4". A *series* is every line that starts with the
same level word (case, accents, "fiche" and "N°" folded away) and a number of
the same depth; a series whose numbers follow each other (1, 2, … — or 5 … 8
in an excerpt) is a level of the document's outline, and its members are
every mention of those units — a synthesis table or a table of contents names
the same units as the body. When no series is a level, a known bloc word's
units printed with gaps ("Module 3", "Module 8": the grids of two modules),
each once as a heading over its own content, are (:mod:`.outline_gaps`).

The level words are priors, not gates (``rules/outline.yaml``, label
``level-word``): a word known as a bloc level ranks first, then a word known as
a compétence level (with no bloc level printed, its units are the blocs), then
a word nobody listed, if its series is long and printed as headings. Words
known to number something else (articles, pages, annexes…) never make a level.

Éducation nationale diplomas may glue a unit's number to its parent's:
capacité "C1", its compétences "C11, C12 …" (no dot; the child code is the
parent code plus one digit). When the codes of one prefix ("C", printed alone
or after a level word: "Capacité C5") extend codes of the same prefix printed
in the document, they are read as two levels: "C1" (1) and "C11" (1, 1)
(:mod:`.outline_series`).

A numbering with no level word ("1.", "II. -", "B. -") is a series too. One
whose single unit holds every unit of another series of the same depth ("A."
to "D." under "3. …") numbers the document's sections, not its units. Two
units make a level when the typography sets each mention apart (bold,
capitals, italics: "_1. Piloter …_"); an unknown word's series needs three
otherwise. Units whose items say what the holder does ("il agit …") are
activités listing tâches, not blocs (``Outline.activites``).

The chosen levels become rules of this document (``ctx.outline``): the bloc
level (``outline.bloc``) and, under it, a compétence level
(``outline.competence``) — e.g. a REAC's fiches compétence under its fiche
activité type. The outline is only built when the rules' bloc vocabulary
("Bloc de compétences 2", "BC03"…) finds no bloc in the document.

This module decides the levels; the evidence it weighs has modules of its
own: the series and how they are printed (:mod:`.outline_series`), which
series nests in which (:mod:`.outline_nesting`), what the units hold
(:mod:`.outline_holds`), the summaries that only refer to them
(:mod:`.outline_refs`), and the rule a level becomes (:mod:`.outline_rule`).
"""

from __future__ import annotations

from .continued import continued_by_list
from .draft import Context, Outline, Unit, flat_units
from .headingtree import heading_tree
from .namedheads import named_heads
from .nested import extends, groups_units
from .numbering import numbered
from .outline_gaps import gapped_heads
from .outline_holds import (
    ability_pair,
    holds_abilities,
    holds_groups,
    holds_items,
    lists_tasks,
    restarted_mentions,
)
from .outline_nesting import holds_level, is_extended, shallowest
from .outline_parts import restarting_parts
from .outline_refs import listed, reference_mentions
from .outline_rule import level_rule
from .outline_sections import names_parts
from .outline_series import LONG_UNKNOWN_SERIES, PAIR, Series, mention_series
from .owner import shared_qualifier
from .qualified import qualified_kin, qualified_stem
from .records import titled_records
from .restarts import restarts
from .siblings import joined, lettered, siblings
from .spelled import coded_parent, spelled_parent
from .state import bloc_label
from .unittitle import unit_title

_RANK = {"bloc": 0, "competence": 1, "unknown": 2}


def outline(ctx: Context) -> None:
    """Find the document's numbered levels and keep the bloc and compétence
    ones, unless the bloc vocabulary names the blocs already; a tree of
    unnumbered headings is an outline of its own (:mod:`.headingtree`)."""
    if bloc_label(ctx) == "bloc":
        return
    tree = heading_tree(ctx)
    if tree is not None:
        ctx.outline = tree
        return
    mentions = flat_units(ctx, whole_cells=False)  # plus each role-table cell's heading
    series = mention_series(ctx, mentions)
    total = len(mentions)
    roles = {key: _role(ctx, s) for key, s in series.items()}
    levels = [
        s
        for key, s in series.items()
        if roles[key] != "other"
        and s.consecutive
        and (
            _is_level(s, roles[key])
            or ability_pair(ctx, s, mentions)
            or (roles[key] == "bloc" and is_extended(s, series.values()))
        )
        and s.owners(total) >= (1 if listed(s) else min(2, len(s.numbers)))
    ]
    if all(roles[s.key] == "unknown" for s in levels):
        # a few units of a known level, their numbers with gaps (:mod:`.outline_gaps`)
        levels += gapped_heads(series.values(), roles, total)
    levels = [s for s in levels if s.word or not holds_groups(ctx, s, mentions)]
    levels = [s for s in levels if not names_parts(ctx, s, mentions)]  # :mod:`.outline_sections`
    levels = [s for s in levels if not continued_by_list(s, mentions)]  # :mod:`.continued`
    levels = [s for s in levels if not any(holds_level(s, other, total) for other in levels)]
    levels = [s for s in levels if not groups_units(s, levels, roles)]
    if all(roles[s.key] == "unknown" for s in levels):
        # no known level word: a series nobody named, if its units hold abilities
        titled = titled_records(ctx)  # the units are records titled in their rows
        levels = [s for s in levels if not titled and holds_abilities(ctx, s, mentions)]
    parts = restarting_parts(series.values(), roles)  # "1re Partie" over "SEQUENCE 1 …"
    if parts is not None:
        ctx.outline = Outline(
            level_rule("outline.bloc", parts[0]),
            level_rule("outline.competence", parts[1]),
            worded=True,
        )
        return
    extended = {id(s) for s in levels if is_extended(s, series.values())}
    bloc = min(
        levels,
        key=lambda s: (
            s.depth,
            id(s) not in extended,
            _RANK[roles[s.key]],
            not holds_items(s, mentions),
            s.first,
        ),
        default=None,
    )
    if bloc is None:
        bloc = _lone_unit(ctx, list(series.values()), roles, mentions)
    if bloc is None:
        bloc = _coded_parent(ctx, list(series.values()), mentions)
    if bloc is None:
        found = restarts(ctx.units)  # no numbered line: list numbers restarting per unit
        if found is not None:
            ctx.outline = Outline(heads=found.heads, items=found.items)
        else:  # a numbered list naming units opened by their names (:mod:`.namedheads`)
            ctx.outline = named_heads(ctx.units) or ctx.outline
        return
    below = [  # numbered within their unit: "OI 11, OI 111 …" need not follow each other
        s
        for key, s in series.items()
        if s is not bloc
        and s.first > bloc.first
        and (
            (roles[key] == "competence" and (_is_level(s, roles[key]) or extends(s, bloc)))
            or _spells_bloc_code(s, bloc)
        )
    ]
    competence = min(below, key=lambda s: (s.depth, s.first), default=None)
    if competence is not None:
        competence = shallowest(competence, series.values(), bloc.first)
    if roles[bloc.key] == "competence" and (title := unit_title(ctx, bloc, mentions)):
        # one unit named by its title line, its objectives numbered (:mod:`.unittitle`)
        rule = level_rule("outline.competence", bloc, any_depth=True)
        ctx.outline = Outline(competence=rule, heads=frozenset({id(title)}))
        return
    parent = spelled_parent(list(series.values()), bloc)
    if parent is not None:  # "C111.1" codes spell "Activité 1": its compétences (:mod:`.spelled`)
        bloc, competence = parent, bloc
    kin = siblings(bloc, levels, series.values())  # "CC1" and "CS1": one level (:mod:`.siblings`)
    if competence is not None and competence.word == bloc.word:
        competence = joined(competence, kin.children)
    qualified = qualified_kin(ctx.rules, bloc, levels)  # "UEG1" and "UEP1": one level
    bloc = joined(bloc, kin.series + lettered(bloc, series.values(), total) + qualified)
    owned = bloc.owning(total)
    qualifier = shared_qualifier(
        [hit.title for i, _ in bloc.mentions if i in owned and (hit := numbered(mentions[i].text))]
    )
    references = {
        id(mentions[index])
        for level, owner in ((bloc, None), (competence, bloc))
        if level is not None
        for index in reference_mentions(level, mentions, owner)
    }
    ctx.outline = Outline(
        level_rule("outline.bloc", bloc, qualifier=qualifier),
        level_rule("outline.competence", competence, any_depth=True) if competence else None,
        frozenset(references),
        restarted=frozenset(
            id(mentions[index]) for index in restarted_mentions(ctx, bloc, mentions)
        ),
        activites=competence is None and lists_tasks(ctx, bloc, mentions),
    )


def _lone_unit(
    ctx: Context,
    series: list[Series],
    roles: dict[tuple[str, int, bool, bool], str],
    mentions: list[Unit],
) -> Series | None:
    """No level found: one unit of a bloc word ("Module 1 : …" printed as a
    plain line, an excerpt of one module) whose section holds abilities; or
    one unit coded by a word nobody listed, set as a numbered section heading
    ("2. UE502 : …", an excerpt of one unit of a programme)."""
    lone = [
        s
        for s in series
        if (roles[s.key] == "bloc" or (s.sectioned and s.strong > 0 and roles[s.key] == "unknown"))
        and len(s.numbers) == 1
        and holds_abilities(ctx, s, mentions)
    ]
    return min(lone, key=lambda s: s.first, default=None)


def _coded_parent(ctx: Context, series: list[Series], mentions: list[Unit]) -> Series | None:
    """The headed series the compétence codes name as their parent unit
    ("A1T1C1" under "Activité 1"), when no level was found (:mod:`.spelled`)."""
    hits = [
        (index, hit)
        for index, unit in enumerate(mentions)
        if (hit := ctx.rules.first("code-competence", unit.text)) is not None
        and hit.group("parent")
    ]
    parents = {int(hit.group("parent") or 0) for _, hit in hits}
    return coded_parent(series, parents, hits[0][0]) if hits else None


def _spells_bloc_code(series: Series, bloc: Series) -> bool:
    """Whether the codes of ``series`` are the bloc's codes, letters included,
    plus one level ("a1.2" under "Compétence opérationnelle a1"): its
    compétences, whatever those letters number elsewhere."""
    return bool(series.word) and bloc.word.endswith(f" {series.word}") and extends(series, bloc)


def _role(ctx: Context, series: Series) -> str:
    """``bloc``, ``competence``, ``other`` (a word that numbers something else)
    or ``unknown``, from the ``level-word`` rules (the first of these a
    spelling of the series' word has)."""
    roles = {ctx.rules.level(word) for word in series.spellings | {series.word}}
    if qualified_stem(ctx.rules, series.word):  # "UEG": an unité d'enseignement (:mod:`.qualified`)
        roles.add("bloc")
    return next((role for role in ("bloc", "competence", "other") if role in roles), "unknown")


def _is_level(series: Series, role: str) -> bool:
    """A known level word needs one heading-like mention (a single unit, one
    set as a heading by its typography); an unknown one a long series printed
    as headings, or two units each mention of which its typography sets
    apart (bold, capitals, italics: not a numbered sentence of the prose)."""
    if series.glued:  # a code its children's codes extend is a level, even as plain text
        return True
    if role == "unknown":
        if len(series.numbers) == PAIR and series.strong >= len(series.mentions):
            return True  # two units, every mention set apart from the body by its typography
        return len(series.numbers) >= LONG_UNKNOWN_SERIES and series.headed >= len(series.numbers)
    if len(series.numbers) == 1:
        return series.strong >= 1
    return series.headed >= 1
