"""Stage ``blocs``: walk the stream and fill blocs, compétences, critères and
modalités, zone by zone.

A bloc heading opens a bloc (every occurrence; repetitions are merged later);
zone cues ("Modalités d'évaluation", "Critères d'évaluation", "Connaissances
associées", "Être capable de :", …) say what the following lines are; role
tables are read by :mod:`.tables`. A section heading closes the current bloc.
The cues are read by :mod:`.walk_zones`, the lines of a compétences zone by
:mod:`.walk_competences`, those of a critères zone by :mod:`.walk_criteres`.
"""

from __future__ import annotations

from dataclasses import replace

from ..docmodel import Kind
from ..nlp import is_action, is_result
from ..textclean import ends_lead_in, ends_sentence, is_mark, is_prose, starts_lower
from .announced import announced_blocs
from .blocactivites import bloc_activite
from .butorder import heading_first
from .butpages import CompetencePages, competence_pages, under_level
from .butsummary import heading_codes, overview_table
from .cited_groups import next_group
from .content import add_competence, add_modalites, competence_code
from .draft import Context, DBloc, Unit, norm_text
from .fiche import code_field, fiche_grid, fiche_line, place_code, table_code_field
from .inline import inline_competence, inline_connaissances, inline_critere, inline_modalites
from .joint import joint_bloc
from .levelrows import level_labels
from .modalites import add_named
from .restarts import label_number
from .schedule import timed
from .scored_parts import scored_part
from .spanning import carries_head
from .state import (
    State,
    bloc_label,
    is_cue,
    link_codes,
    open_bloc,
    open_outline_competence,
    outline_hit,
    roman_units,
    unit_depth,
)
from .table_competences import transversal
from .tables import read_table
from .titlelines import title_continued
from .topics import TopicLists
from .walk_competences import competence_line
from .walk_criteres import critere_line
from .walk_zones import closes_bloc, label_rows_end, section_ends, zone_cue
from .zone_units import unit_zone


def blocs(ctx: Context) -> None:
    """Walk every unit outside the activités section."""
    if ctx.streamed:
        return
    label = bloc_label(ctx)
    state = State(
        bloc_label=label,
        roman_units=roman_units(ctx, label),
        unit_depth=unit_depth(ctx, label),
        topics=TopicLists(ctx),
        level_labels=level_labels(ctx),
        heading_codes=heading_codes(ctx),
    )
    units = heading_first(ctx, ctx.units)
    pages = competence_pages(ctx)
    level: Unit | None = None  # the last B.U.T. "Niveau N" line
    skip = 0
    for index, unit in enumerate(units):
        if skip:
            skip -= 1
            continue
        if pages is not None and _competence_page(ctx, state, pages, unit):
            continue
        if ctx.draft.type == "BUT" and ctx.rules.first("niveau", unit.text):
            level = unit
            continue
        if level is not None and under_level(level, unit):
            continue  # the level's name, printed in its column
        if unit.table is not None:
            if overview_table(state.heading_codes, unit.table):
                continue  # the compétences named side by side: a summary
            code = table_code_field(ctx, unit.table)
            if code is not None:
                state.pending_code = code
                continue
            # "Production écrite : 10 points." over a critères table (:mod:`.scored_parts`)
            part = scored_part(unit.table, units[index - 1] if index else None)
            if part is not None and state.bloc is not None:
                add_named(state.bloc, part)
            read_table(ctx, unit.table, state)
            state.enter(None)  # what follows a table needs a new cue
            state.elements = state.elements or fiche_grid(ctx, unit.table)
            continue
        after_table = index > 0 and units[index - 1].table is not None
        if after_table and carries_head(ctx, state, unit, units[index + 1 : index + 3]):
            continue  # a savoir-faire's title row pushed out of its grid
        if after_table and next_group(ctx, state, unit):
            continue  # the grid's next group, its row pushed out of the table
        if unit.starts_section:
            state.close()
            state.modalites_section = False
            continue
        if unit.kind is Kind.HEADING and not state.bloc_hit(ctx, unit.text):
            state.modalites_section = False
        if section_ends(ctx, state, unit):
            state.close()
            state.modalites_section = False
        if unit.section == "activites":
            continue
        if id(unit) in ctx.crossrefs:
            state.enter(None)  # a reference to a unit of another part ends the zone above
            continue
        if id(unit) in ctx.outline.references:
            state.close()  # a summary naming the units: they are read where they are
            continue
        if id(unit) in ctx.outline.restarted:
            state.close()  # the blocs' numbering starts another list: the blocs end
            continue
        if id(unit) in ctx.outline.heads:
            _numbered_head(ctx, state, unit)
            continue
        if id(unit) in ctx.outline.headed and state.bloc is not None:
            _headed_competence(ctx, state, unit)
            continue
        field = code_field(ctx, unit, units[index + 1 : index + 2])
        if field is not None:
            code, skip = field
            place_code(state, code)
            continue
        used = fiche_line(ctx, state, units, index)
        if used is not None:
            skip = used
            continue
        used = announced_blocs(ctx, state, units, index)
        if used is not None:
            skip = used  # "… 3 blocs de compétences optionnels :" over their titles
            continue
        if not unit.is_item or len(unit.text) < 200:
            following = units[index + 1 : index + 2]
            bloc = open_bloc(ctx, state, [unit, *following], "stream.bloc")
            if bloc is not None:
                if state.modalites_section:
                    state.enter("modalites")
                joined = joint_bloc(ctx, state, bloc, units[index + 1 : index + 3])
                skip = joined or title_continued(ctx, state, unit, units[index + 1 : index + 4])
                continue
        used = _outline_competence(ctx, state, units, index)
        if used is not None:
            skip = used
            continue
        if inline_modalites(ctx, state, unit) or inline_connaissances(ctx, state, unit):
            continue
        used = inline_competence(ctx, state, unit, units[index + 1 : index + 2])
        if used is not None:
            skip = used
            continue
        if inline_critere(ctx, state, unit):
            continue
        label_rows_end(state, unit)
        if unit_zone(ctx, state, unit):  # "Critères d'évaluation compétence 1"
            continue
        if bloc_activite(ctx, state, unit) or zone_cue(ctx, state, unit):
            continue
        if closes_bloc(ctx, state, unit):
            state.close()
            continue
        codes = link_codes(ctx, unit.text)
        if codes is not None:
            state.link_codes = codes
            continue
        if state.zone == "connaissances" and _explains(unit, units[index + 1 : index + 2]):
            state.enter(None)  # prose about the savoirs (their levels, a note): no list
            continue
        _content(ctx, state, unit)


def _competence_page(ctx: Context, state: State, pages: CompetencePages, unit: Unit) -> bool:
    """B.U.T. compétence pages (:mod:`.butpages`): a summary page is skipped;
    the first unit of a compétence's page opens its bloc, whatever the reading
    order puts first; the statement itself is then read. Whether ``unit`` was used."""
    if unit.page in pages.summaries:
        return True
    title = pages.titles.get(unit.page) if unit.page is not None else None
    if title is None:
        return False
    if state.bloc is None or state.bloc.where.page != unit.page:
        name = pages.name(title)
        bloc = open_bloc(
            ctx, state, [replace(title, text=name)], "but.competence-page", any_text=True
        )
        if bloc is not None:
            bloc.code = pages.codes.get(norm_text(name))
    return unit is title or pages.used(unit)


def _explains(unit: Unit, following: list[Unit]) -> bool:
    """A plain line that heads a paragraph of prose (an explanation of the
    savoirs' levels, a note): no list of connaissances follows."""
    if unit.is_item or unit.table is not None or ends_sentence(unit.text):
        return False
    nxt = following[0] if following else None
    return nxt is not None and not nxt.is_item and nxt.table is None and is_prose(nxt.text)


def _numbered_head(ctx: Context, state: State, unit: Unit) -> None:
    """A list item heading a unit of a numbering that restarts under each
    unit (:mod:`.restarts`): a bloc, coded by its number; or a top heading of
    a tree of unnumbered headings (:mod:`.headingtree`): a bloc without code."""
    bloc = open_bloc(ctx, state, [unit], "outline.restart", any_text=True)
    number = label_number(unit)
    if bloc is not None and number is not None:
        bloc.code = str(number)


def _headed_competence(ctx: Context, state: State, unit: Unit) -> None:
    """A deepest heading of a tree of unnumbered headings (:mod:`.headingtree`):
    a compétence of the open bloc."""
    assert state.bloc is not None
    comp = add_competence(
        ctx, state.bloc, unit, state.source, from_list=False, rule="outline.heading-tree"
    )
    state.enter("competences")
    state.competence = comp
    state.competence_headed = False
    state.critere = None
    state.competence_item_level = None


def _outline_competence(ctx: Context, state: State, units: list[Unit], index: int) -> int | None:
    """A heading of the outline's compétence level, its title on the same line
    or the next; returns how many following units it used (its title), None
    when ``units[index]`` is no such heading."""
    unit = units[index]
    following = units[index + 1] if index + 1 < len(units) else None
    titled = (
        following is not None
        and following.table is None
        and not is_cue(ctx, following)
        and state.bloc_hit(ctx, following.text) is None  # the next unit's heading: no title
        and outline_hit(ctx.outline.competence, following.text) is None  # nor the next's
    )
    if unit.is_item:
        return None
    return open_outline_competence(ctx, state, unit, following if titled else None)


def _transversal(ctx: Context, state: State, unit: Unit) -> None:
    comp = transversal(ctx, unit, state.source, "stream.transversales")
    comp.fiche = state.transversales_of
    ctx.draft.transversales.append(comp)


def _content(ctx: Context, state: State, unit: Unit) -> None:
    if unit.cell is not None and timed(unit.text):
        return  # a table's duration cell ("2 h00"): the row's time, no content
    if state.transversales and unit.heading_like and _statement(ctx, unit):
        state.enter("transversales")  # the next fiche of the section: its title
        _transversal(ctx, state, unit)
        return
    zone = state.zone
    if zone == "transversales":
        # a heading naming no compétence (a fiche's rubric) ends the list; a lower-case
        # start continues the sentence before it (a definition's lead-in), names none
        if unit.heading_like:
            state.zone = None
            return
        if not (ends_lead_in(unit.text) or starts_lower(unit.text)) and _statement(ctx, unit):
            _transversal(ctx, state, unit)
        return
    bloc = state.bloc
    if bloc is None:
        if state.whole_modalites:
            ctx.draft.whole_modalites.append(unit)
        return
    if _new_competence(ctx, state, unit):
        return
    if _ends_zone(ctx, state, unit):
        state.zone = zone = None
    if zone is not None and not unit.heading_like and not _explanation(ctx, zone, unit):
        state.zone_filled = True  # a sub-heading or an explanation fills no zone
    if zone == "ignore":
        return  # a list the contract has no place for (savoir-faire of a fiche)
    if zone == "competences":
        competence_line(ctx, state, unit)
    elif zone == "criteres":
        critere_line(ctx, state, unit)
    elif zone == "indicateurs" and state.critere is not None:
        state.critere.indicateurs.append(unit.text)
    elif zone == "modalites":
        add_modalites(ctx, bloc, [unit])
        if bloc.twin is not None:
            add_modalites(ctx, bloc.twin, [unit])
    elif zone in ("connaissances", "conditions", "resultats"):
        _list_item(state, bloc, zone, unit)


def _explanation(ctx: Context, zone: str, unit: Unit) -> bool:
    """A sentence of prose between a unit's title and its list of compétences,
    outside tables and lists, stating no action (the level the unit requires,
    a note): it explains the list, ends none of it."""
    return (
        zone == "competences"
        and ctx.options.use_nlp
        and not unit.is_item
        and unit.cell is None
        and ends_sentence(unit.text)
        and not is_action(unit.text)
    )


def _statement(ctx: Context, unit: Unit) -> bool:
    """A list item, or a paragraph stating an action (not a number, a date or
    a stray label)."""
    if unit.is_item:
        return True
    return is_action(unit.text) if ctx.options.use_nlp else any(c.isalpha() for c in unit.text)


def _ends_zone(ctx: Context, state: State, unit: Unit) -> bool:
    """A heading-like line (or a question) that is no cue and states no
    compétence ends a zone that has taken content: what follows it is
    something else (training contents, a form), known or not; a table cell's
    mark ("X") is none, nor a group row of a table whose rows go on in the
    same shape after it. A prose lead-in (:func:`_prose_lead_in`) ends it too."""
    if _prose_lead_in(ctx, state, unit):
        return True
    return (
        state.zone_filled
        and not unit.is_item
        and not (unit.cell is not None and is_mark(unit.text))
        and not unit.between_rows  # a table's group row: its list goes on below
        and (unit.heading_like or unit.text.endswith("?"))  # a question heads what follows
        and not _numbered_like_competences(ctx, state, unit)
        and ctx.rules.first("code-letter", unit.text) is None
        and ctx.rules.first("modalite-separator", unit.text) is None
    )


def _numbered_like_competences(ctx: Context, state: State, unit: Unit) -> bool:
    """Whether a line opens with a code that may number a compétence of the
    bloc: any compétence code, but a bare number ("2. LES CAS PRATIQUES") when
    every compétence of the bloc is numbered with letters ("C1", "C2") — that
    is the document's outline, not the bloc's series."""
    hit = competence_code(ctx, unit.text)
    if hit is None:
        return False
    known = [c for comp in state.bloc.competences for c, _ in comp.codes] if state.bloc else []
    bare = hit.rule.label != "code-competence" and (hit.group("code") or "")[:1].isdigit()
    return not (bare and known and all(c[:1].isalpha() for c in known))


def _prose_lead_in(ctx: Context, state: State, unit: Unit) -> bool:
    """A subject and its verb ending on a colon after the compétences zone took
    items ("L'épreuve s'appuie sur :", not "Soit l'option … : fabriquer … :")."""
    return (
        state.zone == "competences"
        and state.zone_filled
        and ctx.options.use_nlp
        and unit.is_lead_in
        and unit.cell is None
        and bool(state.bloc and state.bloc.competences)
        and is_result(unit.text.rstrip(" :"))
    )


def _new_competence(ctx: Context, state: State, unit: Unit) -> bool:
    """A coded compétence heading ("2.1.2 …", "C1.3 …") met in another zone of
    the bloc, numbered like the bloc's compétences: back to the compétences zone
    — unless a bare number repeats one of theirs: a list numbered again from 1."""
    if state.zone == "competences" or unit.is_item or state.bloc is None:
        return False
    hit = competence_code(ctx, unit.text)
    if hit is None:
        return False
    code = hit.group("code") or ""
    depth = code.count(".")
    known = [c for comp in state.bloc.competences for c, _ in comp.codes]
    if hit.rule.label != "code-competence" and not any(c.count(".") == depth for c in known):
        return False
    if hit.rule.label != "code-competence" and code in known:
        return False  # a number already given to one of them: another list starts ("1.")
    state.enter("competences")
    competence_line(ctx, state, unit)
    return True


def _list_item(state: State, bloc: DBloc, zone: str, unit: Unit) -> None:
    comp = state.competence
    if zone == "connaissances":
        named = comp is not None and (not comp.from_list or state.competence_headed)
        target = comp.connaissances if comp is not None and named else None
        (target if target is not None else bloc.connaissances).append(unit.text)
        return
    if comp is None and bloc.competences:
        comp = bloc.competences[-1]
    if comp is not None:
        (comp.conditions if zone == "conditions" else comp.resultats).append(unit.text)
