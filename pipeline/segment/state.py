"""Where the reading stands while the stream is walked: current bloc, zone,
compétence and critère, and the compétences the next critères are linked to."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..docmodel import Kind
from ..hyphens import FRENCH, join_wrapped
from ..rules import Hit, Rule
from ..textclean import is_aside, italic, label_text
from .content import add_competence, other_code
from .draft import (
    Context,
    DActivite,
    DBloc,
    DCompetence,
    DCritere,
    Unit,
    Where,
    cell_units,
    code_key,
    norm_text,
    runs_on,
)
from .levelrows import LevelLabels
from .topics import TopicLists


@dataclass
class State:
    """The walker's position in the référentiel's structure."""

    bloc: DBloc | None = None
    zone: str | None = None
    zone_filled: bool = False  # the zone has taken content since its cue
    zone_cued: bool = False  # a cue line opened the zone (not the bloc's heading)
    #: the table row label cell (its id) that cued the zone: the rows it holds are the zone's
    label_cell: int | None = None
    #: a table's zone label row alone ("Critères de performance pour l'ensemble …"):
    #: the rows of items across the table below it are that zone's (:mod:`.spanning`)
    zone_row: str | None = None
    #: the table (view source) a savoirs grid under that label was read in, and its
    #: cells read (a cell merged over rows once) (:mod:`.zone_grid`)
    zone_source: int | None = None
    zone_cells: set[int] = field(default_factory=set)
    #: the lists that name topics, no ability (:mod:`.topics`)
    topics: TopicLists | None = None
    #: the B.U.T. level labels of each page (:mod:`.levelrows`)
    level_labels: LevelLabels = field(default_factory=dict)
    #: the codes of the bloc headings a B.U.T. document prints (:mod:`.butsummary`)
    heading_codes: frozenset[str] = frozenset()
    competence: DCompetence | None = None
    competence_headed: bool = False  # the compétence was named by a fiche's title line
    code_headed: bool = False  # ... by its code alone over its critères ("C1 :")
    #: ... by a coded heading printing its title ("1.1. Communiquer"): a plain
    #: paragraph below it states the compétence, it opens none
    heading_named: bool = False
    critere: DCritere | None = None
    critere_from_paragraph: bool = False
    # the open critère is an item ending with a colon: the items below it observe it
    critere_lead_in: bool = False
    #: the document printed a critère as a label line ending with a colon over
    #: its one paragraph: a bare label line over a paragraph reads so too
    labelled_criteres: bool = False
    #: the list number of the last ability read ("5."), and a numbered lead-in set
    #: aside until the lines after it show it is an ability (:mod:`.numbered_leadins`)
    ability_number: tuple[int, ...] | None = None
    held_lead_in: tuple[Unit, tuple[int, ...]] | None = None
    #: a numbered lead-in ability whose unnumbered items are its details
    details_of: DCompetence | None = None
    #: the compétences read under a bare "Objectifs :" label (:mod:`.objectives`)
    objectives: list[DCompetence] | None = None
    #: the open critère's list number, when a bare number led its paragraph ("2. Langue")
    critere_number: tuple[DCritere, tuple[int, ...]] | None = None
    # the list depth of the item that stated the current coded compétence
    competence_item_level: int | None = None
    link_codes: list[str] | None = None
    #: a savoir-faire's title row ending a table, its rows in the next one (:mod:`.spanning`)
    carried_head: Unit | None = None
    #: a code printed as a labelled field ("Code : 0229") for the bloc opened next
    pending_code: str | None = None
    #: under a fiche's elements head: numbered lines are compétences (:mod:`.fiche`)
    elements: bool = False
    bloc_label: str = "bloc"  # "bloc-unit" when the document has no bloc level
    # the numbering depth of the top "Compétence N" units (0: "Compétence 1",
    # 1: "Compétence 1.1" when no shallower unit is printed): deeper ones are compétences
    unit_depth: int = 0
    roman_units: bool = False  # no bloc level, and a heading announces numbered units
    source: int = 0
    # a general "Modalités d'évaluation" section: the blocs it names again
    # ("<dt>Bloc 1 …</dt><dd>…</dd>") are followed by their modalities
    modalites_section: bool = False
    #: the number of that section's heading when numbered ("2." → (2,)): its next
    #: sibling in the series ("3.") ends it
    modalites_number: tuple[int, ...] | None = None
    # a section defining the épreuves before any bloc: the certification's as a whole
    whole_modalites: bool = False
    # in a transversal compétences section: its fiches (a heading each, then their own
    # description and critères zones) are transversal compétences
    transversales: bool = False
    #: the bloc whose own fiche opened the transversal section (see ``DCompetence.fiche``)
    transversales_of: DBloc | None = None
    #: an activité printed inside the bloc (BTS, :mod:`.blocactivites`): its tâches
    #: and its compétence follow
    activite: DActivite | None = None

    def bloc_hit(self, ctx: Context, text: str) -> Hit | None:
        """The bloc heading ``text`` states, if any ("I – …" units included when
        the document announces its units and prints no bloc; the outline's bloc
        level when the bloc vocabulary finds none)."""
        hit = ctx.rules.first(self.bloc_label, text)
        if hit is not None and hit.rule.label == "bloc-unit" and _depth(hit) > self.unit_depth:
            hit = None  # "Compétence 1.1" under a printed "Compétence 1": a compétence
        if hit is None and self.roman_units:
            hit = ctx.rules.first("bloc-roman", text)
        if hit is None:
            hit = outline_hit(ctx.outline.bloc, text)
        return hit

    def enter(self, zone: str | None) -> None:
        """Switch to ``zone`` (None: what follows needs a cue)."""
        self.zone = zone
        self.zone_filled = False
        self.zone_cued = False
        self.label_cell = None

    def close(self) -> None:
        """Leave the current bloc."""
        self.bloc = None
        self.zone = None
        self.zone_filled = False
        self.competence = None
        self.competence_headed = False
        self.code_headed = False
        self.heading_named = False
        self.transversales = False
        self.transversales_of = None
        self.competence_item_level = None
        self.critere = None
        self.link_codes = None
        self.activite = None
        self.elements = False
        self.ability_number = self.held_lead_in = self.details_of = None
        self.objectives = self.carried_head = None


def outline_hit(rule: Rule | None, text: str) -> Hit | None:
    """The match of an outline level's rule on ``text`` (a line wholly in
    italics without its marks, as the outline read it)."""
    text = italic(text) or text
    found = rule.match(text) if rule is not None else None
    return Hit(rule, found, text) if rule is not None and found is not None else None


def is_bloc_heading(ctx: Context, text: str) -> bool:
    """Whether ``text`` names a bloc: the bloc vocabulary, a numbered unit of a
    document without bloc level, or the outline's bloc level."""
    return bool(
        ctx.rules.first("bloc", text)
        or ctx.rules.first("bloc-unit", text)
        or outline_hit(ctx.outline.bloc, text)
    )


def bloc_headings(ctx: Context, units: list[Unit]) -> list[tuple[int, Hit]]:
    """The units outside tables the ``bloc`` rules read as headings
    ("Compétence RT1"): each one's index in ``units`` and its hit."""
    found = []
    for index, unit in enumerate(units):
        hit = ctx.rules.first("bloc", unit.text) if unit.table is None else None
        if hit is not None:
            found.append((index, hit))
    return found


def _heading_texts(ctx: Context) -> list[str]:
    """Every unit's text outside tables, and the first line of every body cell."""
    texts = [u.text for u in ctx.units if u.table is None]
    for unit in ctx.units:
        if unit.table is not None:
            for row in unit.table.body:
                for cell in row.cells:
                    texts.extend(u.text for u in cell_units(cell)[:1])
    return texts


def bloc_label(ctx: Context) -> str:
    """``bloc`` when the document prints blocs, else ``bloc-unit`` ("Compétence N"
    units become blocs when there is no bloc level)."""
    if any(ctx.rules.first("bloc", text) for text in _heading_texts(ctx)):
        return "bloc"
    return "bloc-unit"


def unit_depth(ctx: Context, label: str) -> int:
    """The numbering depth of the shallowest "Compétence N" unit the document
    prints (a code keeps all its numbers: "Compétence 1.1" is the top unit only
    when no "Compétence 1" is printed)."""
    if label != "bloc-unit":
        return 0
    hits = (ctx.rules.first("bloc-unit", text) for text in _heading_texts(ctx))
    return min((_depth(hit) for hit in hits if hit is not None), default=0)


def _depth(hit: Hit) -> int:
    """How many dots the code's number has ("Compétence 1.1" → 1)."""
    return (hit.group("code") or "").count(".")


def roman_units(ctx: Context, label: str) -> bool:
    """Whether roman-numeral headings ("I – …") are the units: the document
    prints no bloc, and a heading announces its units ("Unités de qualification")."""
    if label != "bloc-unit":
        return False
    return any(u.table is None and ctx.rules.first("units-heading", u.text) for u in ctx.units)


def open_bloc(
    ctx: Context,
    state: State,
    units: list[Unit],
    rule: str,
    any_text: bool = False,
) -> DBloc | None:
    """Open a bloc occurrence from a heading (its libellé may be the next unit,
    as in "BDC 0158" / "L'analyse …"); None when ``units[0]`` is no bloc heading."""
    first = units[0]
    hit = state.bloc_hit(ctx, first.text)
    if hit is None and not any_text:
        return None
    code = hit.group("code") if hit else state.pending_code
    libelle = label_text(hit.group("libelle") or "") if hit else label_text(first.text)
    duration = ctx.rules.first("unit-duration", libelle)
    if duration is not None:  # "… (durée : 24 heures)." in a summary: not the title
        libelle = label_text(libelle[: duration.match.start()])
    qualifier, stated = None, None
    if is_aside(libelle):
        qualifier, libelle = libelle, ""  # "(transversal)": the title is on the next line
    if not libelle and len(units) > 1 and not is_cue(ctx, units[1]):
        terminal = ctx.rules.first("terminal-objective", units[1].text)  # "OT : …" below
        stated = ctx.rules.first("competence-inline", units[1].text)  # "Compétence : …"
        named = terminal.group("libelle") if terminal else stated.group("rest") if stated else None
        libelle = label_text(named or units[1].text)
    if hit is not None and _codes_only(libelle):
        return None  # a legend or a reference list of codes ("FIG-BC01 FIG-BC02"): no title
    level = first.level if first.kind is Kind.HEADING else None
    bloc = DBloc(
        " ".join(code.split()) if code else None,
        libelle,
        Where(first.page, first.line, hit.rule.id if hit else rule),
        heading_level=level,
        qualifier=qualifier,
    )
    ctx.draft.blocs.append(bloc)
    state.close()
    state.pending_code = None
    state.bloc = bloc
    state.enter("competences")
    state.source = ctx.new_source()
    if stated is not None:  # the unit's compétence, stated under its heading: one of it
        add_competence(
            ctx,
            bloc,
            replace(units[1], text=libelle),
            state.source,
            from_list=True,
            rule=stated.rule.id,
        )
    return bloc


_CODE_LENGTH = 12  # a code is a short token holding a digit ("BC1", "FIG-BC02", "C1")


def _codes_only(text: str) -> bool:
    """A title made of codes alone: every word a short token with a digit."""
    words = text.split()
    return bool(words) and all(
        len(w) <= _CODE_LENGTH and any(c.isdigit() for c in w) for w in words
    )


_CODE_PREFIX = 3  # a level word this short is part of the code ("OI 1.1", "CP2")


def open_outline_competence(
    ctx: Context, state: State, unit: Unit, title: Unit | None
) -> int | None:
    """A heading of the outline's compétence level ("FICHE COMPÉTENCE
    PROFESSIONNELLE N° 2", "COMPÉTENCE C11 : …") opens that compétence in the
    current bloc, or the last one (a fiche after the list that closed it);
    what follows needs a cue. ``title`` is the unit below, the title when the
    heading prints none; the unit's terminal objective ("OTI", unnumbered) is
    one of that level. Returns how many units after ``unit`` it used, None
    when ``unit`` is no such heading."""
    hit = outline_hit(ctx.outline.competence, unit.text)
    if hit is None and ctx.outline.competence is not None:
        hit = ctx.rules.first("terminal-objective", unit.text)  # "OTI" above the "OI n"
    bloc = state.bloc or (ctx.draft.blocs[-1] if ctx.draft.blocs else None)
    if hit is None or bloc is None:
        return None
    libelle, used = label_text(hit.group("libelle") or ""), 0
    if not libelle and title is not None:
        libelle, used = label_text(title.text), 1
    elif title is not None and runs_on(libelle, title):
        libelle, used = join_wrapped(libelle, label_text(title.text), FRENCH), 1  # wrapped
    if not libelle:
        return None
    bloc = _listing_bloc(ctx, bloc, libelle, _competence_code(hit, ctx.outline.worded), hit.rule.id)
    if state.bloc is not bloc:
        state.close()
        state.bloc = bloc
        state.source = ctx.new_source()
    comp = add_competence(
        ctx, bloc, replace(unit, text=libelle), state.source, from_list=False, rule=hit.rule.id
    )
    if comp is not None:
        comp.codes.append((_competence_code(hit, ctx.outline.worded), state.source))
        comp.from_list = False  # named by a heading of its own: what follows is its
    state.competence, state.competence_headed = comp, True
    state.competence_item_level, state.critere = None, None
    state.enter(None)
    return used


def _listing_bloc(ctx: Context, bloc: DBloc, libelle: str, code: str, rule: str) -> DBloc:
    """The bloc a compétence's own heading belongs to: the one bloc whose list
    already names it (a REAC's fiches compétence follow all the fiches
    activité type, each of which lists its compétences), else ``bloc`` — also
    when that one is ``bloc`` named again (the same code: a summary, then the
    unit's own heading), when the list printed those words under another
    code (the same ability stated in two units: "OI 1.8" and "OI 2.7"), or
    when a heading of the same ``rule`` named it there, not a list: a unit
    whose numbering restarts as another's did ("UC 7B" over "OI 7.1" again)."""
    key = norm_text(libelle)
    listing = [
        b
        for b in ctx.draft.blocs
        if any(
            norm_text(c.libelle) == key and c.where.rule != rule and not other_code(c, code)
            for c in b.competences
        )
    ]
    if len(listing) != 1 or _same_code(bloc, listing[0]):
        return bloc
    return listing[0]


def _same_code(a: DBloc, b: DBloc) -> bool:
    """Whether two bloc occurrences print the same code."""
    return bool(a.code and b.code and code_key(a.code) == code_key(b.code))


def _competence_code(hit: Hit, worded: bool = False) -> str:
    """The code a compétence heading prints: an abbreviated level word and its
    number ("OI 1.1", "C11"), the number alone after a word ("FICHE
    COMPÉTENCE PROFESSIONNELLE N° 3" → "3"), the word and number as printed
    when ``worded`` (a numbering restarting in each unit: "SEQUENCE 2")."""
    code, number = hit.group("code") or "", hit.group("number") or ""
    word = code[: len(code) - len(number)].strip()
    if word.endswith(".") and 0 < len(word) - 1 <= _CODE_PREFIX:
        return f"{word[:-1]} {number}"  # "OI.1.9": the dot joining word and number, a space
    return code if worded or 0 < len(word) <= _CODE_PREFIX else number


#: between the two ends of a range of linked compétences (:func:`link_codes`)
LINK_RANGE = " à "

_CUES = ("zone", "modalite-inline", "connaissances-inline", "critere-inline", "indicateur-inline")


def is_cue(ctx: Context, unit: Unit) -> bool:
    """A unit that is a cue of its own (a zone, a run-in modality or critère),
    never the libellé of a bloc heading printed without one."""
    return any(ctx.rules.first(label, unit.text) for label in _CUES)


def link_codes(ctx: Context, text: str) -> list[str] | None:
    """The compétence codes a link cue names, or None when ``text`` is no link cue."""
    hit = ctx.rules.first("link", text)
    if hit is None:
        return None
    named = hit.group("codes") or ""
    codes: list[str] = []
    for rule in ctx.rules.labelled("link-code"):
        end: int | None = None
        for found in rule.regex.finditer(named):
            code = " ".join(found.group("code").split())
            if (
                end is not None
                and codes
                and ctx.rules.first("link-range", named[end : found.start()])
            ):
                codes[-1] = (
                    f"{codes[-1]}{LINK_RANGE}{code}"  # "C15.1 à C15.5": both ends and between
                )
            else:
                codes.append(code)
            end = found.end()
    return codes
