"""Stage ``outline``: the document's own numbered levels, whatever their word.

Référentiels number their units: "Compétence 1 … 6", "Module 1. – … Module 8",
"FICHE ACTIVITÉ TYPE N° 1" then "FICHE COMPÉTENCE PROFESSIONNELLE N° 1 … 4",
"CP1.1 … CP2.7", "UC 1 … UC 4". A *series* is every line that starts with the
same level word (case, accents, "fiche" and "N°" folded away) and a number of
the same depth; a series whose numbers follow each other (1, 2, … — or 5 … 8
in an excerpt) is a level of the document's outline, and its members are
every mention of those units — a synthesis table or a table of contents names
the same units as the body.

The level words are priors, not gates (``rules/outline.yaml``, label
``level-word``): a word known as a bloc level ranks first, then a word known as
a compétence level (with no bloc level printed, its units are the blocs), then
a word nobody listed, if its series is long and printed as headings. Words
known to number something else (articles, pages, annexes…) never make a level.

Éducation nationale diplomas may glue a unit's number to its parent's:
capacité "C1", its compétences "C11, C12 …" (no dot; the child code is the
parent code plus one digit). When the codes of one prefix ("C", printed alone
or after a level word: "Capacité C5") extend codes of the same prefix printed
in the document, they are read as two levels: "C1" (1) and "C11" (1, 1).

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
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..docmodel import Kind
from ..nlp import is_action, is_task
from ..rules import Rule
from ..textclean import ends_sentence, italic
from .draft import Context, Outline, TableView, Unit, abbreviated, cell_units, flat_units
from .leadlists import leads_list
from .nested import extends, groups_units
from .numbering import Numbered, numbered
from .owner import shared_qualifier
from .records import titled_records
from .restarts import restarts
from .schedule import schedule_rows
from .siblings import joined, siblings
from .spanning import group_rows
from .spelled import coded_parent, spelled_parent
from .state import bloc_label

_FOLLOWING = 30  # units looked at under a mention for the abilities it holds
_LOOKED_AT = 4  # of which this many are read by the language model
_CODE_LETTERS = 2  # a level word's last token this short is the code's own prefix
_LONG_UNKNOWN_SERIES = 3  # an unknown word makes a level only with this many units
_PAIR = 2  # an unknown word's series this short is a level only set apart by typography
_CONTENT = 3  # a unit owns content when this many blocks follow its mention
_SHORT_LINE = 150  # a plain line this short, not ending a sentence, is a heading
_LONG_MENTION = 200  # a longer line is prose, not a mention of a unit
_GLUED_PARENTS = 10  # a glued code this high holds its parent's code and one digit
_RANK = {"bloc": 0, "competence": 1, "unknown": 2}


@dataclass
class Series:
    """Every mention of the units of one level word and numbering depth."""

    word: str  # canonical: a unit word's abbreviation stands for both its forms ("dc")
    depth: int
    roman: bool = False
    lettered: bool = False
    glued: bool = False  # "C1" / "C11": the child code is the parent code plus one digit
    spellings: set[str] = field(default_factory=set)  # the words as printed, folded
    numbers: set[tuple[int, ...]] = field(default_factory=set)
    headed: int = 0  # mentions printed as headings (bold, capitals, heading blocks, short lines)
    strong: int = 0  # mentions set apart by typography (heading block, bold, capitals, italics)
    first: int = 0  # index of the first mention in the stream
    mentions: list[tuple[int, tuple[int, ...]]] = field(default_factory=list)  # (index, number)

    def owners(self, total: int) -> int:
        """How many units have a mention followed by content (a few blocks
        before the series' next mention): the body, not a summary or a table.
        The last mention needs only one block when the document ends under it
        (an excerpt cut inside its unit)."""
        return len({number for index, number in self.mentions if index in self.owning(total)})

    def owning(self, total: int) -> set[int]:
        """The mentions (stream indexes) followed by content, as :meth:`owners` counts them."""
        ends = [index for index, _ in self.mentions[1:]] + [total]
        return {
            index
            for (index, _), end in zip(self.mentions, ends, strict=True)
            if end - index > (_CONTENT if end < total else 1)
        }

    @property
    def key(self) -> tuple[str, int, bool, bool]:
        """The series' identity: level word, numbering depth, roman or not,
        lettered or not."""
        return self.word, self.depth, self.roman, self.lettered

    @property
    def consecutive(self) -> bool:
        """Whether the units' last numbers follow each other (1, 2, 3 — or 5…8
        in an excerpt), as a level's numbering does."""
        lasts = sorted({n[-1] for n in self.numbers})
        return lasts == list(range(lasts[0], lasts[0] + len(lasts)))


def outline(ctx: Context) -> None:
    """Find the document's numbered levels and keep the bloc and compétence
    ones, unless the bloc vocabulary names the blocs already."""
    if bloc_label(ctx) == "bloc":
        return
    mentions = flat_units(ctx, whole_cells=False)  # plus each role-table cell's heading
    series = _series(ctx, mentions)
    total = len(mentions)
    roles = {key: _role(ctx, s) for key, s in series.items()}
    levels = [
        s
        for key, s in series.items()
        if roles[key] != "other"
        and s.consecutive
        and (
            _is_level(s, roles[key])
            or _ability_pair(ctx, s, mentions)
            or (roles[key] == "bloc" and _extended(s, series.values()))
        )
        and s.owners(total) >= (1 if _listed(s) else min(2, len(s.numbers)))
    ]
    levels = [s for s in levels if s.word or not _holds_groups(ctx, s, mentions)]
    levels = [s for s in levels if not any(_holds_level(s, other, total) for other in levels)]
    levels = [s for s in levels if not groups_units(s, levels, roles)]
    if all(roles[s.key] == "unknown" for s in levels):
        # no known level word: a series nobody named, if its units hold abilities
        titled = titled_records(ctx)  # the units are records titled in their rows
        levels = [s for s in levels if not titled and _holds_abilities(ctx, s, mentions)]
    extended = {id(s) for s in levels if _extended(s, series.values())}
    bloc = min(
        levels,
        key=lambda s: (s.depth, id(s) not in extended, _RANK[roles[s.key]], s.first),
        default=None,
    )
    if bloc is None:
        bloc = _coded_parent(ctx, list(series.values()), mentions)
    if bloc is None:
        found = restarts(ctx.units)  # no numbered line: list numbers restarting per unit
        if found is not None:
            ctx.outline = Outline(heads=found.heads, items=found.items)
        return
    below = [  # numbered within their unit: "OI 11, OI 111 …" need not follow each other
        s
        for key, s in series.items()
        if s is not bloc
        and roles[key] == "competence"
        and s.first > bloc.first
        and (_is_level(s, roles[key]) or extends(s, bloc))
    ]
    competence = min(below, key=lambda s: (s.depth, s.first), default=None)
    parent = spelled_parent(list(series.values()), bloc)
    if parent is not None:  # "C111.1" codes spell "Activité 1": its compétences (:mod:`.spelled`)
        bloc, competence = parent, bloc
    kin = siblings(bloc, levels, series.values())  # "CC1" and "CS1": one level (:mod:`.siblings`)
    if competence is not None and competence.word == bloc.word:
        competence = joined(competence, kin.children)
    bloc = joined(bloc, kin.series)
    owned = bloc.owning(total)
    qualifier = shared_qualifier(
        [hit.title for i, _ in bloc.mentions if i in owned and (hit := numbered(mentions[i].text))]
    )
    references = {
        id(mentions[index])
        for level in (bloc, competence)
        if level is not None
        for index in _references(level, mentions)
    }
    ctx.outline = Outline(
        _level_rule("outline.bloc", bloc, qualifier=qualifier),
        _level_rule("outline.competence", competence, any_depth=True) if competence else None,
        frozenset(references),
        restarted=frozenset(id(mentions[index]) for index in _restarted(ctx, bloc, mentions)),
        activites=competence is None and _lists_tasks(ctx, bloc, mentions),
    )


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


def _ability_pair(ctx: Context, series: Series, mentions: list[Unit]) -> bool:
    """Two units numbered with no level word, each mentioned once, whose titles
    state abilities ("1. Préparer des chantiers", "2. Conduire …") and which
    each hold abilities: a référentiel of two units in plain paragraphs (the
    titres professionnels' RNCP summaries), though nothing sets them apart."""
    if series.word or series.roman or series.lettered or not ctx.options.use_nlp:
        return False
    if len(series.numbers) != _PAIR or len(series.mentions) != _PAIR:
        return False
    return _states_abilities(mentions, series.mentions) and _holds_abilities(ctx, series, mentions)


def _extended(parent: Series, others: Iterable[Series]) -> bool:
    """Whether another series' codes extend the units' numbers, each printed
    inside its own unit ("C 6.1", "C 6.2" after "DC 6"; every unit holds some,
    every one has its unit): numbering-series evidence that the series is the
    level the compétences belong to, whatever the lines' typography (a
    domaine's line ending in a period, mid-cell, beside another numbered
    level such as the "Unité de formation n" of the same row)."""
    if parent.roman or parent.lettered or len(parent.numbers) < _PAIR:
        return False
    return any(extends(child, parent) for child in others)


def _holds_level(series: Series, other: Series, total: int) -> bool:
    """Whether a numbering with no level word ("1.", "2.", "3.") numbers the
    document's sections: one of its units holds every unit of another level
    of the same depth ("A." to "D." under "3."), the others none — a level's
    units each hold their own children."""
    if series.word or other is series or other.depth != series.depth:
        return False
    if len(series.numbers) < 2 or len(other.numbers) < 2:
        return False
    ends = [index for index, _ in series.mentions[1:]] + [total]
    return any(
        all(start < index < end for index, _ in other.mentions)
        for (start, _), end in zip(series.mentions, ends, strict=True)
    )


def _lists_tasks(ctx: Context, series: Series, mentions: list[Unit]) -> bool:
    """Whether the units of a numbering with no level word list tâches: most
    of the items right under their mentions say what the holder does ("il
    agit …", :func:`~referentiel.nlp.is_task`), not abilities — the units are
    activités, not blocs."""
    if series.word or not ctx.options.use_nlp:
        return False
    ends = [index for index, _ in series.mentions[1:]] + [len(mentions)]
    items: list[str] = []
    for (index, _), end in zip(series.mentions, ends, strict=True):
        for unit in mentions[index + 1 : end]:
            if unit.kind is not Kind.LIST_ITEM:
                break
            items.append(unit.text)
    return bool(items) and sum(is_task(text) for text in items) * 2 > len(items)


def _holds_abilities(ctx: Context, series: Series, mentions: list[Unit]) -> bool:
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
    for (index, number), end in zip(series.mentions, ends, strict=True):
        under = mentions[index + 1 : min(end, index + 1 + _FOLLOWING)]
        if any(u.kind is Kind.LIST_ITEM for u in under) or (
            ctx.options.use_nlp and any(is_action(u.text) for u in under[:_LOOKED_AT])
        ):
            holding.append(number)
    if series.word:
        last, end = series.mentions[-1][0], len(mentions)
        cut = end - last <= _CONTENT and series.mentions[-1][1] not in holding  # excerpt's end
        return len(set(holding)) * 2 > len(series.numbers) - cut
    return len(holding) * 2 > len(series.mentions)


def _restarted(ctx: Context, series: Series, mentions: list[Unit]) -> list[int]:
    """The mentions of a bare numbering ("1.", "2.") that restarts from its first
    number ("1. 2. 3." then "1. 2. 3." again) and are not the level's units: each
    restart opens another list, and a run whose titles are not ability
    statements (a following list of savoirs, of the document's sections) is not
    a run of units when another run's are; the blocs end there. Runs of
    abilities all stay (an option's units numbered again are units too)."""
    if series.word or series.roman or series.lettered or not ctx.options.use_nlp:
        return []
    runs: list[list[tuple[int, tuple[int, ...]]]] = []
    for mention in series.mentions:
        if not runs or mention[1] <= runs[-1][-1][1]:
            runs.append([])
        runs[-1].append(mention)
    abilities = [run for run in runs if _states_abilities(mentions, run)]
    if len(runs) < 2 or not abilities:
        return []
    return [index for run in runs if not any(run is a for a in abilities) for index, _ in run]


def _states_abilities(mentions: list[Unit], run: list[tuple[int, tuple[int, ...]]]) -> bool:
    """Whether most titles of a run of numbered mentions are ability statements."""
    titles = [numbered(mentions[index].text) for index, _ in run]
    return sum(bool(t and is_action(t.title)) for t in titles) * 2 > len(run)


def _holds_groups(ctx: Context, series: Series, mentions: list[Unit]) -> bool:
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


def _runs(series: Series) -> list[list[tuple[int, tuple[int, ...]]]]:
    """The series' mentions in runs with nothing (or a line or two) between them."""
    runs: list[list[tuple[int, tuple[int, ...]]]] = []
    for mention in series.mentions:
        if runs and mention[0] - runs[-1][-1][0] <= _CONTENT - 1:
            runs[-1].append(mention)
        else:
            runs.append([mention])
    return runs


def _listed(series: Series) -> bool:
    """Whether one run of mentions names every unit of a worded series, in
    order (a summary list "CP01 … CP07" before the body): then one unit
    detailed after it, as in an excerpt, shows the list names units of the
    document's own. Bare numbers ("1.", "2.") restart in every list: no unit."""
    numbers = sorted(series.numbers)
    return (
        bool(series.word)
        and len(numbers) >= _LONG_UNKNOWN_SERIES
        and any([n for _, n in run][: len(numbers)] == numbers for run in _runs(series))
    )


def _references(series: Series, mentions: list[Unit]) -> list[int]:
    """The mentions that only refer to units: a run of mentions with nothing
    between them (a summary, a table of contents), when each unit it names is
    mentioned again elsewhere — out of a table, or in a table with its
    content (a table row naming the unit beside its hours does not hold it);
    and a schedule's rows (:mod:`.schedule`)."""
    out: list[int] = []
    owning = series.owning(len(mentions))
    for run in _runs(series):
        if len(run) < 2:
            continue
        inside = {index for index, _ in run}
        elsewhere = {
            n
            for index, n in series.mentions
            if index not in inside and (mentions[index].cell is None or index in owning)
        }
        if all(number in elsewhere for _, number in run):
            out.extend(inside)
    return out + schedule_rows(series.mentions, mentions)


def _code_prefix(word: str) -> str | None:
    """The code's own letters a level word ends with ("c" of "capacite c", "c")."""
    last = re.split(r"[ '’-]", word)[-1]
    return last if 0 < len(last) <= _CODE_LETTERS else None


def _glued_prefixes(ctx: Context, mentions: list[Unit]) -> set[str]:
    """The code prefixes of a level word numbered by gluing ("C1", "C11, C12"):
    at least two codes of the prefix are a code of the same prefix printed in
    the document plus one digit, every code of two digits or more extends one
    and none ends in 0 (a rank starts at 1: "C10" continues "C1 … C9"), and
    the prefix numbers no unit with a dot ("C1.1": its levels are dotted)."""
    numbers: dict[str, set[int]] = defaultdict(set)
    dotted: set[str] = set()
    for unit in mentions:
        hit = numbered(unit.text)
        prefix = _code_prefix(hit.word) if hit is not None else None
        if hit is None or prefix is None or len(unit.text) > _LONG_MENTION:
            continue
        if len(hit.number) > 1:
            dotted.add(prefix)
        else:
            numbers[prefix].add(hit.number[0])
    glued = set()
    for prefix, seen in numbers.items():
        long = {n for n in seen if n >= _GLUED_PARENTS}
        if prefix in dotted or ctx.rules.level(prefix) not in ("bloc", "competence"):
            continue
        if len(long) >= 2 and all(n // 10 in seen and n % 10 for n in long):
            glued.add(prefix)
    return glued


def _unglued(hit: Numbered, glued: set[str]) -> Numbered:
    """A mention of a glued prefix as its level: the prefix for word ("Capacité
    C5" and "C5" name the same unit), "C11" numbered (1, 1)."""
    prefix = _code_prefix(hit.word)
    if prefix not in glued or len(hit.number) != 1:
        return hit
    n = hit.number[0]
    number = (n // 10, n % 10) if n >= _GLUED_PARENTS else (n,)
    return Numbered(prefix, number, hit.title)


def _series(ctx: Context, mentions: list[Unit]) -> dict[tuple[str, int, bool, bool], Series]:
    """Every numbered mention, grouped by level word, depth and numerals; a unit
    word and its abbreviation ("Domaine de compétences 1", "DC 1") are one series;
    a glued prefix's codes by their glued depth, whatever word precedes them."""
    glued = _glued_prefixes(ctx, mentions)
    found: dict[tuple[str, int, bool, bool], Series] = {}
    for index, unit in enumerate(mentions):
        hit = numbered(unit.text)
        if hit is None or len(unit.text) > _LONG_MENTION:
            continue
        printed, hit = hit.word, _unglued(hit, glued)
        word = abbreviated(ctx.rules, hit.word)
        key = (word, len(hit.number), hit.roman, hit.lettered)
        entry = found.setdefault(
            key,
            Series(
                word, len(hit.number), hit.roman, hit.lettered, glued=hit.word in glued, first=index
            ),
        )
        entry.spellings.add(printed)
        entry.numbers.add(hit.number)
        entry.mentions.append((index, hit.number))
        following = mentions[index + 1 : index + 3]
        bare = not hit.word and not hit.roman
        if _headed(unit, hit) or (bare and leads_list(unit, following)):
            entry.headed += 1
        if unit.heading_like or italic(unit.text) is not None:
            entry.strong += 1
    return found


def _headed(unit: Unit, hit: Numbered) -> bool:
    """Printed as a heading: a heading block, bold, capitals, the number alone
    with its title on the next line, or a short line that ends no sentence."""
    if unit.kind is Kind.LIST_ITEM:
        return False
    if unit.heading_like or not hit.title:
        return True
    return len(unit.text) <= _SHORT_LINE and not ends_sentence(unit.text)


def _role(ctx: Context, series: Series) -> str:
    """``bloc``, ``competence``, ``other`` (a word that numbers something else)
    or ``unknown``, from the ``level-word`` rules (the first of these a
    spelling of the series' word has)."""
    roles = {ctx.rules.level(word) for word in series.spellings | {series.word}}
    return next((role for role in ("bloc", "competence", "other") if role in roles), "unknown")


def _is_level(series: Series, role: str) -> bool:
    """A known level word needs one heading-like mention (a single unit, one
    set as a heading by its typography); an unknown one a long series printed
    as headings, or two units each mention of which its typography sets
    apart (bold, capitals, italics: not a numbered sentence of the prose)."""
    if series.glued:  # a code its children's codes extend is a level, even as plain text
        return True
    if role == "unknown":
        if len(series.numbers) == _PAIR and series.strong >= len(series.mentions):
            return True  # two units, every mention set apart from the body by its typography
        return len(series.numbers) >= _LONG_UNKNOWN_SERIES and series.headed >= len(series.numbers)
    if len(series.numbers) == 1:
        return series.strong >= 1
    return series.headed >= 1


def _level_rule(
    rule_id: str, series: Series, any_depth: bool = False, qualifier: str | None = None
) -> Rule:
    """A rule matching every mention of the series' units: ``code`` is the
    level word and number as printed (without "FICHE"; only "C1" of
    "CAPACITÉ C1", a code with its own prefix), ``number`` the number,
    ``libelle`` the title on the same line (may be empty). ``any_depth``: the
    units numbered one level deeper with the same word belong to it too
    ("OI 1.1" and "OI 1.1.1" objectives). ``qualifier``: words every heading
    prints after its number (:mod:`.owner`), read as no title."""
    deeper = r"(?:\s?\.\s?\d{1,2})*" if any_depth else ""
    number = r"\d{1,3}" + r"(?:\s?\.\s?|\s)\d{1,2}" * (series.depth - 1) + deeper  # "C1.2", "C1 2"
    if series.glued:  # "C1" then "C11", "C12": one digit per level ("C111" any deeper)
        number = r"\d" * series.depth + (r"\d?" if any_depth else "")
    if series.lettered and series.word:  # "Capacité A", "Technique α": the word, a letter
        lettered = "|".join(sorted(map(_letters, series.spellings), key=len, reverse=True))
        return _outline_rule(
            rule_id,
            "outline lettering after a level word",
            rf"^(?P<code>(?:{lettered})\s+(?P<number>(?-i:[A-Z])|[α-ω]))"
            r"(?:(?:\s*[-–—:)]\s*|\.\s+)(?P<libelle>.*)|\.)?$",
        )
    if series.lettered:
        return _outline_rule(
            rule_id,
            "outline numbering in capital letters",
            r"^(?P<code>(?P<number>(?-i:[A-Z])))\s*[.)](?:\s*[-–—])?\s+(?P<libelle>[^\W\d_].*)$",
        )
    if series.roman:
        return _outline_rule(
            rule_id,
            "outline numbering in roman numerals",
            r"^(?P<code>(?P<number>(?-i:[IVX]{1,5})))(?:\s*[.)])?(?:\s*[-–—])?\s+"
            r"(?P<libelle>[^\W\d_].*)$",
        )
    if not series.word:
        return _outline_rule(
            rule_id,
            "outline numbering",
            rf"^(?P<code>(?P<number>{number}))(?:\.\s+|\s*[)–—-]\s+|\s+)(?P<libelle>[^\W\d_].*)$",
        )
    labels, spellings = set(), set()
    for spelling in series.spellings:
        words = re.split(r"[ '’-]", spelling)
        if len(words) > 1 and len(words[-1]) <= _CODE_LETTERS:
            # "CAPACITÉ C1", "COMPÉTENCE C11": the word names the level, the code is "C1"
            labels.add(r"[\s'’-]+".join(_letters(w) for w in words[:-1]) + r"\s+")
            words = words[-1:]
        else:
            labels.add("")
        spellings.add(r"[\s'’-]+".join(_letters(w) for w in words))
    label = "(?:" + "|".join(sorted(labels)) + ")"
    word = "(?:" + "|".join(sorted(spellings, key=len, reverse=True)) + ")"
    pattern = (
        rf"^(?:fiches?\s+)?{label}(?P<code>{word}\s*(?:n\s*[°ºo]\.?\s*)?(?P<number>{number}"
        r"(?:\s?(?-i:[A-Z]{1,2})(?=\s*[-–—:.)]))?))"
        r"(?![\d]|\s?\.\s?\d|\s\d{1,2}(?:\s|$))"  # not a deeper code: "C1.2", "C1 2 …"
        + (rf"(?:\s+{_spaced(qualifier)}\s*$)?" if qualifier else "")
        + r"\.?(?:\s*[-–—:.)]\s*|\s+|(?=[^\W\d_])|$)(?P<libelle>.*)$"
    )
    return _outline_rule(rule_id, series.word, pattern)


def _spaced(text: str) -> str:
    """A regex for ``text`` whatever the spacing between its words."""
    return r"\s+".join(re.escape(word) for word in text.split())


def _outline_rule(rule_id: str, description: str, pattern: str) -> Rule:
    """An outline rule of the series' own numbering (built, not loaded from YAML)."""
    return Rule.model_validate(
        {"id": rule_id, "label": "outline", "description": description, "pattern": pattern}
    )


_ACCENTED = defaultdict(
    str,
    {"a": "aàâä", "c": "cç", "e": "eéèêë", "i": "iîï", "o": "oôö", "u": "uùûü", "y": "yÿ"},
)


def _letters(word: str) -> str:
    """A regex for ``word`` whatever its accents."""
    return "".join(f"[{_ACCENTED[c]}]" if _ACCENTED[c] else re.escape(c) for c in word)
