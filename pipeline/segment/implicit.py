"""Stage ``implicit``: a document with abilities but no bloc level is not refused.

When no bloc was found, the abilities the document lists — list items and short
paragraphs stating an action (an infinitive, read by spaCy), one after the
other — go to one implicit bloc (a list item is listed whatever its length,
a paragraph only when short; a run of statements much shorter than the
longest is another list: the aims of a training stage; a statement led by a
short code, "F1 Disposer de …", or the typed number of an ordered list item
("3. …") is read past its code, which the compétence keeps), with a
``LOW_CONFIDENCE_STRUCTURE`` warning, rather than the whole document being
refused. That bloc is the unit the document's title quotes, if it does
("… RELATIF À L'UNITÉ "PREMIERS SECOURS""): a document about one unit, whose
prose naming it describes the unit, not the certification; or the unnumbered
unit printed as a bare statement before the abilities (:mod:`.unithead`); else
it has no name (the document names no unit: the certification is not a bloc). Label
lines ending with a colon ("Fondamentaux :"), each over a series of
statements coded from a letter of its own ("F1 …", "F2 …"; "R1 …" under the
next), are families of compétences: each is a bloc, its series its
compétences. A layout table whose sideways band labels state actions (a
curriculum map) has them as its blocs instead, and so has a form its parts
lettered A, B, … in a cell of their table (:mod:`.parts`). A document without such
statements (an invoice, a novel, a blank page) stays empty, and is refused. A
document whose outline numbers activités listing tâches (a référentiel
professionnel) has its structure: its other action statements are prose; so
does a référentiel d'activités section, whose statements are activités and tâches,
and a référentiel d'emploi whose activités are records naming themselves: the
label/value tables beside them describe the emploi (missions, conditions).
Units printed as one repeated rubric template (a répertoire's fiches métier,
each métier over the same labels) are read first, each a bloc (:mod:`.rubrics`).
"""

from __future__ import annotations

import re

from ..nlp import is_action
from ..textclean import fold
from .content import add_competence
from .draft import Context, DBloc, Unit, Where
from .ordinals import ordinal_groups
from .parts import lettered_parts
from .plainheads import plain_groups
from .records import label_value_frames
from .rubrics import rubric_units
from .subitems import detail_code, with_details
from .template_tables import read_table
from .templated import templated_sections
from .unithead import unit_head

_MIN_ABILITIES = 3  # fewer action statements than this make no référentiel
_SHORT = 250  # a longer paragraph is prose, not a listed ability
RULE = "implicit.bloc"
BAND_RULE = "implicit.band"
_MIN_BANDS = 2  # band labels stating actions that make a bloc level
FAMILY_RULE = "implicit.family"
_MIN_FAMILIES = 2  # labelled code-letter families that make a bloc level
_MIN_SERIES = 2  # coded statements that make a family's series
HEADED_RULE = "implicit.headed"
_MIN_HEADED = 2  # headings over lists of abilities that make a bloc level
ORDINAL_RULE = "implicit.ordinal"
PLAIN_RULE = "implicit.plain-title"
TEMPLATE_RULE = "implicit.template"
_MIN_ITEMS = 2  # list items a heading must head
_HEAD_MAX = 120  # a longer line is no heading
_LETTERS = re.compile(r"[^\W\d_]+")
_LABELLED = re.compile(r"^[^:]{0,40}:")  # "Fiche métier : …", "Objectifs :" — labels, not abilities
_HEAD_NUMBER = re.compile(r"^(?P<code>\d{1,2})\s?[-–.)]\s*(?P<libelle>[^\W\d_].*)$")  # "2 - …"


def implicit(ctx: Context) -> None:
    """Gather a bloc-less document's action statements into one implicit bloc
    (not in a référentiel d'activités: its outline's units are activités)."""
    if ctx.draft.blocs or ctx.draft.transversales or not ctx.options.use_nlp:
        return
    if ctx.outline.activites:
        return
    if (
        rubric_units(ctx)
        or lettered_parts(ctx)
        or _banded(ctx)
        or _families(ctx)
        or _headed(ctx)
        or _ordinals(ctx)
    ):
        return
    if _plain(ctx):
        return
    if _templated(ctx):
        return
    described = label_value_frames(ctx)  # an emploi's description, beside its activités
    candidates = [
        unit
        for unit in ctx.units
        if unit.table is None
        and (unit.frame is None or unit.frame not in described)
        and unit.section != "activites"  # a référentiel d'activités' lines: activités, tâches
        and not unit.heading_like
        and (unit.is_item or len(unit.text) <= _SHORT)
        and not (_LABELLED.match(unit.text) and detail_code(unit)[0] is None)  # "1. De … :"
    ]
    actions = [unit for unit in candidates if is_action(_statement(ctx, unit)[1])]
    abilities = _listed(ctx, with_details(ctx, actions))  # an item's details (:mod:`.subitems`)
    if len(abilities) < _MIN_ABILITIES:
        return
    head, abilities = unit_head(abilities)  # an unnumbered unit's name (:mod:`.unithead`)
    first = head or abilities[0]
    unit_name = _title_name(ctx, first) or (head.text if head else None)
    if unit_name and fold(unit_name) in fold(ctx.draft.description or ""):
        ctx.draft.description = None  # the prose describes the unit, not the certification
    bloc = DBloc(None, unit_name or "", Where(first.page, first.line, RULE))
    source = ctx.new_source()
    for unit in abilities:
        _add(ctx, bloc, unit, source, RULE)
    ctx.draft.blocs.append(bloc)
    ctx.warn(
        "LOW_CONFIDENCE_STRUCTURE",
        f"no bloc level found: {len(bloc.competences)} action statements kept in one implicit bloc",
        first.page,
        first.line,
    )


def _add(ctx: Context, bloc: DBloc, unit: Unit, source: int, rule: str) -> None:
    """The compétence a unit states, added to ``bloc`` with the code it is led by."""
    code, text = _statement(ctx, unit)
    comp = add_competence(
        ctx, bloc, unit, source, from_list=unit.is_item, rule=rule, text=text, letter=True
    )
    if comp is not None and code is not None:
        comp.codes.append((code, source))
    if comp is not None and comp.codes:  # the codes stage has run: chosen here
        comp.code = comp.code or " ".join(comp.codes[-1][0].split())


def _title_name(ctx: Context, first: Unit) -> str | None:
    """The unit's name a title printed before the abilities quotes, if any."""
    for unit in ctx.units:
        if unit is first:
            break
        if unit.table is None and unit.heading_like:
            hit = ctx.rules.first("title-name", unit.text)
            if hit is not None:
                return hit.group("name")
    return None


def _letter(ctx: Context, unit: Unit) -> str | None:
    """The letter(s) of the code a statement is led by ("F" of "F1 Disposer de …")."""
    if unit.table is not None:
        return None
    code = _statement(ctx, unit)[0]
    hit = _LETTERS.match(code or "")
    return hit.group().upper() if hit else None


def _families(ctx: Context) -> bool:
    """Label lines ending with a colon, each over a series of statements coded
    from a letter of its own ("Fondamentaux :" over "F1 …", "F2 …"): families
    of compétences, each a bloc (contract, "Families and levels": the level
    printed above the compétences). Whether any such blocs were made."""
    families: list[tuple[Unit, list[Unit]]] = []
    current: list[Unit] | None = None
    for unit in ctx.units:
        letter = _letter(ctx, unit)
        if current is not None and letter and (not current or _letter(ctx, current[0]) == letter):
            current.append(unit)
            continue
        current = None
        if unit.table is None and not unit.is_item and ctx.rules.first("family-label", unit.text):
            current = []
            families.append((unit, current))
    families = [(label, series) for label, series in families if len(series) >= _MIN_SERIES]
    letters = {_letter(ctx, series[0]) for _label, series in families}
    if len(families) < _MIN_FAMILIES or len(letters) < len(families):
        return False
    named = []
    for label, series in families:
        hit = ctx.rules.first("family-label", label.text)
        named.append(((hit.group("libelle") if hit else None) or label.text, label, series))
    _keep_groups(ctx, named, FAMILY_RULE, "labelled families of coded statements")
    return True


def _headed(ctx: Context) -> bool:
    """Headings printed as such (a heading, bold or heading-size line, no code),
    each directly over a list of items most of which state actions, lead-ins
    ending with a colon allowed before and among them ("Concevoir, créer, réaliser"
    over "» Identifier un besoin …", "» Associer …"; "À l'intérieur … :" heading
    a part of the list): groups of compétences, each a bloc (contract, "No bloc
    level": the top units printed are the blocs). Heads that all print a number
    before their title ("1- Préparer …", "2 - Réparer …") are coded by it, the
    code kept as printed even where the series skips or repeats.
    Whether any such blocs were made."""
    groups: list[tuple[Unit, list[Unit]]] = []
    units = ctx.units
    for index, unit in enumerate(units):
        if not _heads(ctx, unit):
            continue
        items = _abilities_under(units, index + 1)
        if len(items) >= _MIN_ITEMS:
            groups.append((unit, items))
    if len(groups) < _MIN_HEADED:
        return False
    numbered = [_HEAD_NUMBER.match(head.text) for head, _items in groups]
    if not all(numbered):  # a number only some heads print is part of their name
        numbered = [None] * len(groups)
    named = [
        (hit.group("libelle") if hit else head.text, head, items)
        for hit, (head, items) in zip(numbered, groups, strict=True)
    ]
    _keep_groups(ctx, named, HEADED_RULE, "headings over lists of abilities")
    for bloc, hit in zip(ctx.draft.blocs[-len(groups) :], numbered, strict=True):
        bloc.code = hit.group("code") if hit else None
    return True


def _abilities_under(units: list[Unit], start: int) -> list[Unit]:
    """The items a heading at ``start - 1`` heads: the parts of its list (each
    led by a lead-in or not, "À l'intérieur … :" over items) most of whose items
    state actions, up to the first part that does not ("Connaissances :" over
    what is known) or to the first unit neither an item nor a lead-in."""
    parts: list[list[Unit]] = [[]]
    for unit in units[start:]:
        if unit.table is not None or not (unit.is_item or unit.is_lead_in):
            break
        if unit.is_item:
            parts[-1].append(unit)
        elif parts[-1]:
            parts.append([])
    items: list[Unit] = []
    for part in parts:
        if not part or sum(is_action(item.text) for item in part) * 2 < len(part):
            break
        items.extend(part)
    return items


def _ordinals(ctx: Context) -> bool:
    """Lead-ins numbered 1°, 2°, … each over a list of abilities
    (:mod:`.ordinals`): each a bloc coded by its ordinal. Whether any such
    blocs were made."""
    groups = ordinal_groups(ctx)
    if not groups:
        return False
    _keep_groups(
        ctx,
        [(title, head, items) for _code, title, head, items in groups],
        ORDINAL_RULE,
        "ordinal lead-ins over lists of abilities",
    )
    for bloc, (code, *_rest) in zip(ctx.draft.blocs[-len(groups) :], groups, strict=True):
        bloc.code = code
    return True


def _plain(ctx: Context) -> bool:
    """Plain short titles, each over paragraphs stating abilities
    (:mod:`.plainheads`): each a bloc, its paragraphs its compétences, a
    lead-in among them their condition. Whether any such blocs were made."""
    groups = plain_groups(ctx)
    if not groups:
        return False
    named = [(group.title.text, group.title, group.members) for group in groups]
    _keep_groups(ctx, named, PLAIN_RULE, "plain titles over statements of abilities")
    for bloc, group in zip(ctx.draft.blocs[-len(groups) :], groups, strict=True):
        for comp, unit in zip(bloc.competences, group.members, strict=False):
            condition = group.conditions.get(id(unit))
            if condition and condition not in comp.conditions:
                comp.conditions.append(condition)
    return True


def _templated(ctx: Context) -> bool:
    """Sections of one repeated template (:mod:`.templated`): each a bloc named
    by its statement, its items its compétences, its table read by what its
    columns hold (:mod:`.template_tables`). Whether any such blocs were made."""
    sections = templated_sections(ctx)
    if not sections:
        return False
    groups = [(statement, head, items) for statement, head, items, _frame in sections]
    _keep_groups(ctx, groups, TEMPLATE_RULE, "sections of one repeated template")
    for bloc, section in zip(ctx.draft.blocs[-len(sections) :], sections, strict=True):
        read_table(ctx, bloc, section[3])
    return True


def _keep_groups(
    ctx: Context, groups: list[tuple[str, Unit, list[Unit]]], rule: str, what: str
) -> None:
    """Each group (name, the unit that names it, its statements) a bloc of its
    statements, and one low-confidence warning saying ``what`` the groups were."""
    source = ctx.new_source()
    for name, head, members in groups:
        bloc = DBloc(None, name, Where(head.page, head.line, rule))
        for unit in members:
            _add(ctx, bloc, unit, source, rule)
        ctx.draft.blocs.append(bloc)
    first = groups[0][1]
    ctx.warn(
        "LOW_CONFIDENCE_STRUCTURE",
        f"no bloc level found: {len(groups)} {what} kept as blocs",
        first.page,
        first.line,
    )


def _heads(ctx: Context, unit: Unit) -> bool:
    """A line printed as a heading that could title a group: no list item, no
    code, short, not a label ending with a colon."""
    return (
        unit.table is None
        and not unit.is_item
        and unit.heading_like
        and 0 < len(unit.text) <= _HEAD_MAX
        and not unit.is_lead_in
        and ctx.rules.first("code-statement", unit.text) is None
    )


def _statement(ctx: Context, unit: Unit) -> tuple[str | None, str]:
    """The code a unit's statement is led by, if any ("F1", or digits only:
    "2.1." :mod:`.subitems`), and the statement past it."""
    hit = ctx.rules.first("code-statement", unit.text)
    if hit is None:
        return detail_code(unit)
    return hit.group("code"), hit.group("libelle") or unit.text


def _banded(ctx: Context) -> bool:
    """A layout table banded by sideways labels, each over several rows, that
    state actions (a curriculum map whose rows are the compétences, "Piloter
    l'entreprise par la qualité", beside their ressources): each such label is
    a bloc, as a B.U.T. prints its compétences (contract, "Families and
    levels"); bands named otherwise ("Transverses", a parcours acronym) are
    not. Whether any such blocs were made."""
    bands = [unit for unit in ctx.units if unit.band and is_action(unit.text)]
    if len(bands) < _MIN_BANDS:
        return False
    for unit in bands:
        ctx.draft.blocs.append(DBloc(None, unit.text, Where(unit.page, unit.line, BAND_RULE)))
    ctx.warn(
        "LOW_CONFIDENCE_STRUCTURE",
        f"no bloc level found: {len(bands)} sideways band labels stating actions kept as blocs",
        bands[0].page,
        bands[0].line,
    )
    return True


def _listed(ctx: Context, abilities: list[Unit]) -> list[Unit]:
    """The statements of the runs (statements one after the other in the
    stream) at least half as long as the longest run."""
    where = {id(unit): index for index, unit in enumerate(ctx.units)}
    runs: list[list[Unit]] = []
    for unit in abilities:
        if runs and where[id(unit)] == where[id(runs[-1][-1])] + 1:
            runs[-1].append(unit)
        else:
            runs.append([unit])
    longest = max((len(run) for run in runs), default=0)
    return [unit for run in runs if len(run) * 2 >= longest for unit in run]
