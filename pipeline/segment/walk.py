"""Stage ``blocs``: walk the stream and fill blocs, compétences, critères and
modalités, zone by zone.

A bloc heading opens a bloc (every occurrence; repetitions are merged later);
zone cues ("Modalités d'évaluation", "Critères d'évaluation", "Connaissances
associées", "Être capable de :", …) say what the following lines are; role
tables are read by :mod:`.tables`. A section heading closes the current bloc.
"""

from __future__ import annotations

from dataclasses import replace

from ..docmodel import BBox, Kind
from ..nlp import classify, is_action, is_result
from ..textclean import (
    ends_lead_in,
    ends_sentence,
    is_aside,
    is_mark,
    is_prose,
    is_upper,
    label_text,
    starts_lower,
)
from .blocactivites import bloc_activite
from .butorder import heading_first
from .butpages import CompetencePages, competence_pages, under_level
from .butsummary import heading_codes, overview_table
from .content import (
    add_competence,
    add_composante,
    add_critere,
    add_modalites,
    competence_code,
    find_competence,
    is_composante,
)
from .draft import Context, DBloc, Unit, norm_text
from .fiche import code_field, fiche_line, table_code_field
from .inline import inline_competence, inline_connaissances, inline_critere, inline_modalites
from .joint import joint_bloc
from .leadins import heads_items, sibling_lead_in
from .levelrows import in_level_row, level_labels
from .numbering import numbered
from .restarts import label_number
from .state import (
    State,
    bloc_label,
    is_cue,
    link_codes,
    open_bloc,
    open_outline_competence,
    roman_units,
    unit_depth,
)
from .table_competences import transversal
from .tables import read_table
from .titlelines import title_continued
from .topics import TopicLists


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
            read_table(ctx, unit.table, state)
            state.enter(None)  # what follows a table needs a new cue
            continue
        if unit.starts_section:
            state.close()
            state.modalites_section = False
            continue
        if unit.kind is Kind.HEADING and not state.bloc_hit(ctx, unit.text):
            state.modalites_section = False
        if unit.section == "activites":
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
        field = code_field(ctx, unit, units[index + 1 : index + 2])
        if field is not None:
            state.pending_code, skip = field
            continue
        used = fiche_line(ctx, state, units, index)
        if used is not None:
            skip = used
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
        if bloc_activite(ctx, state, unit) or _zone(ctx, state, unit):
            continue
        if _closes_bloc(ctx, state, unit):
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
    unit (:mod:`.restarts`): a bloc, coded by its number."""
    bloc = open_bloc(ctx, state, [unit], "outline.restart", any_text=True)
    if bloc is not None:
        bloc.code = str(label_number(unit))


def _outline_competence(ctx: Context, state: State, units: list[Unit], index: int) -> int | None:
    """A heading of the outline's compétence level, its title on the same line
    or the next; returns how many following units it used (its title), None
    when ``units[index]`` is no such heading."""
    unit = units[index]
    following = units[index + 1] if index + 1 < len(units) else None
    titled = following is not None and following.table is None and not is_cue(ctx, following)
    if unit.is_item:
        return None
    return open_outline_competence(ctx, state, unit, following if titled else None)


def _zone(ctx: Context, state: State, unit: Unit) -> bool:
    """Switch zone on a cue; a general "MODALITÉS D'ÉVALUATION" section (caps,
    numbered or a heading as high as the bloc's) closes the bloc instead."""
    if len(unit.text) > 160 or unit.is_item:
        return False
    hit = ctx.rules.first("zone", unit.text)
    if hit is None:
        return False
    zone = hit.rule.value
    if zone == "epreuves" and state.bloc is None:
        state.whole_modalites = True  # the épreuves of the whole certification
        return True
    if zone == "epreuves":
        zone = "modalites"
    if zone == "transversales":
        # named in a bloc's own fiche, before the fiches of its compétences: that
        # bloc's transversal compétences (a later section is the whole title's)
        fiche = state.bloc if not state.competence_headed else None
        state.close()
        state.enter(zone)
        state.transversales = True
        state.transversales_of = fiche
        return True
    if zone == "modalites" and _general(ctx, state.bloc, unit):
        state.close()
        state.modalites_section = True
        return True
    state.enter(zone)
    state.zone_cued = True
    if zone == "criteres":
        state.critere = None
    return True


def _closes_bloc(ctx: Context, state: State, unit: Unit) -> bool:
    """A heading that is no cue and no compétence, as high as the bloc's own
    heading (or any heading after a bloc opened by a bold line), starts a
    section outside the bloc ("Secteurs d'activités" after the last bloc)."""
    bloc = state.bloc
    if (
        bloc is None
        or unit.kind is not Kind.HEADING
        or ctx.rules.first("code-competence", unit.text)
    ):
        return False
    return bloc.heading_level is None or unit.level <= bloc.heading_level


def _general(ctx: Context, bloc: DBloc | None, unit: Unit) -> bool:
    """A modalités cue that heads a section of its own, outside the bloc: a
    heading as high as the bloc's, numbered, or in capitals — unless it is a
    label ending with a colon, the value on the lines below (a form's
    "TYPE D'EVALUATION :" under its "Module 1")."""
    if bloc is None:
        return True
    if is_upper(unit.text) and not ends_lead_in(unit.text):
        return True
    if ctx.rules.first("code-numeric", unit.text):
        return True
    return (
        unit.kind is Kind.HEADING
        and bloc.heading_level is not None
        and unit.level <= bloc.heading_level
    )


def _transversal(ctx: Context, state: State, unit: Unit) -> None:
    comp = transversal(ctx, unit, state.source, "stream.transversales")
    comp.fiche = state.transversales_of
    ctx.draft.transversales.append(comp)


def _content(ctx: Context, state: State, unit: Unit) -> None:
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
        _competence(ctx, state, unit)
    elif zone == "criteres":
        _critere(ctx, state, unit)
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
        and competence_code(ctx, unit.text) is None
        and ctx.rules.first("code-letter", unit.text) is None
        and ctx.rules.first("modalite-separator", unit.text) is None
    )


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
    the bloc, numbered like the bloc's compétences: back to the compétences zone."""
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
    state.enter("competences")
    _competence(ctx, state, unit)
    return True


def _competence(ctx: Context, state: State, unit: Unit) -> None:
    bloc = state.bloc
    assert bloc is not None
    text = unit.text
    if _nested_critere(state, unit):
        return
    if is_composante(ctx, label_text(text)):
        add_composante(ctx, bloc, unit, label_text(text))
        return
    lettered = ctx.rules.first("code-competence", text) is not None
    if unit.heading_like and not unit.is_item and not lettered:
        known = find_competence(ctx, label_text(text), bloc)
        if known is not None:
            # a fiche's title line naming a compétence listed before: what
            # follows (critères, connaissances) is that compétence's
            state.competence = known
            state.competence_headed = True
            state.competence_item_level = None
            state.critere = None
            return
    if ends_lead_in(text) or (unit.heading_like and not unit.is_item and not lettered):
        return  # a sub-heading, unless it states a coded compétence ("C1.1 – …")
    if not unit.is_item and ctx.rules.first("title", text):
        return  # the document's title repeated as a running header
    if not unit.is_item and is_aside(text):
        return  # a parenthesis alone qualifies the line before it ("(préciser …)")
    coded = (
        competence_code(ctx, text) is not None or ctx.rules.first("code-letter", text) is not None
    )
    plain = not (unit.is_item or coded or not ctx.options.use_nlp or is_action(text))
    if plain and not in_level_row(state.level_labels, unit):
        return  # no ability, unless set in a B.U.T. level's row (a noun phrase)
    if not unit.is_item and ctx.options.use_nlp and _numbered_topic(ctx, text):
        return  # "1 - Evaluation de …": a numbered sub-heading over the items
    topics = state.topics
    if unit.is_item and not coded and not state.zone_cued and topics and topics.holds(unit):
        bloc.connaissances.append(label_text(text))  # a topic of the unit, no ability
        return
    if unit.is_item and not coded and ctx.options.use_nlp and is_result(text):
        # a result stated as observed ("… est fiable", "… sont respectées"): how
        # the unit's performance is judged, no ability (contract, health diplomas)
        state.critere = add_critere(bloc, unit, label_text(text), [], "stream.result-critere")
        state.critere_from_paragraph = False
        return
    comp = add_competence(
        ctx,
        bloc,
        unit,
        state.source,
        from_list=unit.is_item or not coded,
        rule="stream.competence-line",
        letter=True,
    )
    if comp is not None and id(unit) in ctx.outline.items:
        comp.codes.append((str(label_number(unit)), state.source))  # its number in its unit
    if comp is not None:
        state.competence = comp
        state.competence_headed = False
        state.critere = None
        state.competence_item_level = unit.level if unit.is_item and coded else None


def _numbered_topic(ctx: Context, text: str) -> bool:
    """A line numbered by the outline alone ("1 - …", no compétence code)
    whose title states no action: a topic heading, not an ability."""
    if ctx.rules.first("code-competence", text) is not None:
        return False
    hit = ctx.rules.first("code-numeric", text)
    return hit is not None and not is_action(hit.group("libelle") or "")


def _nested_critere(state: State, unit: Unit) -> bool:
    """An item nested under the item of a coded compétence, with no label of
    its own, is a critère of that compétence."""
    parent = state.competence_item_level
    if parent is None or not unit.is_item or unit.level <= parent:
        return False
    assert state.bloc is not None and state.competence is not None
    state.critere = add_critere(
        state.bloc, unit, unit.text, [], "stream.nested-critere", competences=[state.competence]
    )
    return True


def _critere(ctx: Context, state: State, unit: Unit) -> None:
    bloc = state.bloc
    assert bloc is not None
    if unit.is_item and state.critere is not None and state.critere_from_paragraph:
        state.critere.indicateurs.append(unit.text)
        return
    if _observes_lead_in(ctx, state, unit):
        assert state.critere is not None
        state.critere.indicateurs.append(unit.text)
        return
    open_critere = state.critere
    sibling = sibling_lead_in(state, unit)
    unlabeled = (
        not unit.is_item and open_critere is not None and ctx.options.use_nlp and not sibling
    )
    # a critère stated as a full sentence of its own heads no indicateurs (the
    # next sentence is a sibling critère) unless indicateurs already follow it
    heads = open_critere is not None and (
        bool(open_critere.indicateurs) or not ends_sentence(open_critere.libelle)
    )
    if (
        open_critere is not None
        and unlabeled
        and heads
        and not _aligned(open_critere.where.bbox, unit.bbox)
        and classify(unit.text) == "indicateur"
    ):
        open_critere.indicateurs.append(unit.text)  # a bullet whose glyph was lost
        return
    comp = state.competence
    comps = [comp] if comp is not None and not comp.from_list and not state.link_codes else []
    text = unit.text
    hit = numbered(text) if sibling or heads_items(state, unit) else None
    if hit is not None and not (hit.word or hit.roman or hit.lettered) and hit.title:
        text = hit.title  # "1. Prise en compte … :" leading its items: the number is a list's
    state.critere = add_critere(
        bloc,
        unit,
        label_text(text),
        [],
        "stream.critere",
        comps,
        list(state.link_codes or []),
    )
    state.critere_from_paragraph = not unit.is_item
    state.critere_lead_in = ends_lead_in(unit.text)


def _observes_lead_in(ctx: Context, state: State, unit: Unit) -> bool:
    """An item after a critère item ending with a colon ("- les soins sont
    adaptés à :" / "- son âge ;"), at the same level, is what that critère
    observes — its indicateur — unless it states a result of its own (a
    subject and a conjugated verb) or leads in a list itself: a sibling
    critère, which closes the lead-in."""
    if not (unit.is_item and state.critere is not None and state.critere_lead_in):
        return False
    if ends_lead_in(unit.text) or (ctx.options.use_nlp and is_result(unit.text)):
        state.critere_lead_in = False
        return False
    return True


_SAME_INDENT = 3.0  # points: lines starting this close are printed at one level


def _aligned(above: BBox | None, below: BBox | None) -> bool:
    """Whether two lines start at the same indent on the page: siblings, not a
    line and its sub-item (unknown without boxes)."""
    return above is not None and below is not None and abs(above.x0 - below.x0) <= _SAME_INDENT


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
