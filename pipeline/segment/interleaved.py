"""Stage ``streams``: a table's columns read one after the other (raw OCR text).

When a four-column table (activités | compétences | modalités | critères) was
OCR'd as plain text, its columns come as chunks: a run of activities
"A1.1 …", "A1.2 …", then compétences "C1.1 …", then modalités, then critères
(sometimes introduced by "En relation avec la compétence C3.3 & C3.4 :"), a
page at a time. The structure is rebuilt from what the codes carry:

* a coded activity / compétence goes to the bloc its code numbers (A1.x,
  C1.x ↔ BC 1), whatever chunk it was read in; the bullets after an activity
  are its tâches; a compétence's wrapped lines are joined back;
* the same row number links them (A1.3 ↔ C1.3);
* uncoded text goes to the bloc whose heading was read last: a short
  paragraph followed by bullets is a critère (the bullets its indicateurs),
  other prose is a modality; a critère after a link cue is linked to the
  compétences it names, else to the compétence of the same rank in its bloc
  when the bloc has as many critères as compétences (one row each).

Activities may also be numbered across the document ("A1" … "A15"), each
compétence carrying its activity's number first ("C.3.1" under "A3"): the
row is that number and the bloc the heading read last (:data:`SCHEMES`).

The stage runs only when the document is built that way (coded activities
and compétences sharing row numbers, no role table); it then takes
the place of the ``activities`` and ``blocs`` stages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..hyphens import FRENCH, join_wrapped
from ..nlp import classify
from ..rules import Hit
from ..textclean import ends_lead_in, ends_sentence, is_aside, label_text, starts_lower
from .content import add_critere, add_modalites
from .draft import Context, DActivite, DBloc, DCompetence, DCritere, Unit, Where, norm_text
from .page_heads import drop_page_heads
from .page_rests import rejoin_page_rests
from .state import link_codes
from .stream_heads import code_headed, head_codes

_MIN_PAIRS = 2  # activity/compétence pairs sharing a row number that make a stream document
_CRITERE_MAX = 110  # a critère heading is short
_SAME = 90  # similarity (0-100) of a transversal compétence printed again
_PART = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\s*[-–.)]\s*\S")  # "1.2- …", "2- …": a part heading
_JOINERS = re.compile(r"(?:[\s,;&:.\-]|\bet\b|\b[aà]\b)*", re.IGNORECASE)  # between codes

#: the numbering schemes of a stream document, as the labels of their activity and
#: compétence rules: codes numbered by bloc ("A1.3" ↔ "C1.3", bloc 1 row 3), or
#: activities numbered across the document, a compétence carrying its activity's
#: number first ("A3" ↔ "C.3.1", "C.3.2"; the bloc is the heading read last)
Scheme = tuple[str, str]
SCHEMES: tuple[Scheme, ...] = (
    ("stream-activite", "stream-competence"),
    ("stream-activite-row", "stream-competence-row"),
)


def stream_scheme(ctx: Context) -> Scheme | None:
    """The numbering scheme by which the document's structure comes as
    code-bearing streams, or None when it does not: coded activities and
    compétences sharing row numbers, or, in a document whose critères are
    grouped under code heads (an evaluation grid's column), coded activities
    and compétences numbered apart."""
    if any(u.table is not None and any(u.table.roles) for u in ctx.units):
        return None
    headed = code_headed(ctx, ctx.units)
    for scheme in SCHEMES:
        rows_a = {_row(h) for u in ctx.units if (h := _hit(ctx, scheme[0], u))}
        rows_c = {_row(h) for u in ctx.units if (h := _hit(ctx, scheme[1], u))}
        if len(rows_a & rows_c) >= _MIN_PAIRS:
            return scheme
        if headed and min(len(rows_a), len(rows_c)) >= _MIN_PAIRS:
            return scheme  # activités numbered per bloc, compétences across the document
    return None


def streams(ctx: Context) -> None:
    """Rebuild activities, blocs, compétences, critères and modalités from streams."""
    scheme = stream_scheme(ctx)
    ctx.streamed = scheme is not None
    if scheme is None:
        return
    ctx.units = rejoin_page_rests(drop_page_heads(ctx.units))
    walker = _Walker(ctx, scheme, headed=code_headed(ctx, ctx.units))
    for index, unit in enumerate(ctx.units):
        following = ctx.units[index + 1] if index + 1 < len(ctx.units) else None
        walker.step(unit, following)
    walker.finish()


def _hit(ctx: Context, label: str, unit: Unit) -> Hit | None:
    if unit.table is not None or unit.is_item:
        return None
    return ctx.rules.first(label, unit.text)


def _row(hit: Hit) -> tuple[int, int]:
    """A code's bloc number (0 when the scheme numbers none) and row number."""
    return int(hit.group("bloc") or 0), int(hit.group("row") or 0)


@dataclass
class _Walker:
    """The reading position: bloc read last, what the last units were."""

    ctx: Context
    scheme: Scheme
    blocs: dict[int, DBloc] = field(default_factory=dict)
    bloc: DBloc | None = None
    mode: str | None = None  # activite | competence | critere | modalite
    activite: DActivite | None = None
    competence: DCompetence | None = None
    critere: DCritere | None = None
    links: list[str] | None = None
    rows_a: dict[tuple[int, int], str] = field(default_factory=dict)
    rows_c: dict[DCompetence, tuple[int, int]] = field(default_factory=dict)
    headed: bool = False  # the critères are grouped under code heads (:mod:`.stream_heads`)
    bare: bool = False  # the open links come from a code head: each item is a critère
    group: list[str] | None = None  # the last code head's codes
    group_glyph: str | None = None  # the bullet glyph of its critères
    group_at: tuple[DBloc | None, int | None] = (None, None)  # its bloc and page
    modalite_glyph: str | None = None  # the bullet glyph of the modalités read last

    page: int | None = None
    page_start: bool = False
    glyph: str | None = None  # bullet glyph of the open critère's indicateurs
    split_row: bool = False  # the page began inside a row: its other columns continue too
    read: Unit | None = None  # a unit read with the one before it (a link cue's codes)
    described: bool = True  # the open part's description was read (or it has none)

    def step(self, unit: Unit, following: Unit | None) -> None:
        if unit.table is not None:
            self.mode = None
            return
        if unit is self.read:
            return
        if unit.page != self.page:
            self.page, self.page_start, self.split_row = unit.page, True, False
        ctx = self.ctx
        bloc = None if unit.is_item else ctx.rules.first("bloc", unit.text)
        activite = _hit(ctx, self.scheme[0], unit)
        if activite is None and unit.is_item and self.headed:
            activite = ctx.rules.first(self.scheme[0], unit.text)  # "- A2. …": a stray dash
        competence = _hit(ctx, self.scheme[1], unit)
        codes = None if unit.is_item else link_codes(ctx, unit.text)
        if codes is None and not unit.is_item and following is not None:
            codes = self._codes_below(unit, following)
        head = head_codes(ctx, unit)
        if head is not None:
            codes, competence = head, None  # "C1-C2 :" heads critères, states no compétence
        if not (bloc or activite or competence or codes is not None):
            if unit.heading_like or self._cue(unit):
                zone = ctx.rules.first("zone", unit.text)
                if zone is not None and zone.rule.value in ("criteres", "modalites"):
                    self.mode = f"{zone.rule.value}-top"  # a column's chunk starts
                elif zone is not None and zone.rule.value == "transversales":
                    self.mode = "transversale"  # its statement follows
                return
            if self.page_start and self.activite is not None and self._continues_column(unit):
                self._continue_taches(unit.text)  # the first column continues
                self.split_row = True
                return
        self.page_start = False
        if bloc is not None:
            self._bloc(unit, bloc)
        elif activite is not None:
            self._activite(unit, activite)
        elif competence is not None:
            self._competence(unit, competence)
        elif codes is not None:
            self.links, self.mode, self.critere = codes, "critere", None
            self.bare = head is not None
            if head is not None:
                self.group, self.group_at = codes, (self.bloc, unit.page)
        elif unit.is_item:
            self._item(unit)
        else:
            self._paragraph(unit, following)

    def _codes_below(self, unit: Unit, following: Unit) -> list[str] | None:
        """The codes of a link cue that the OCR put on the next line ("En
        relation avec la compétence" / "C3.1:"): that line is read with it."""
        if following.is_item or following.table is not None:
            return None
        named = [
            m
            for rule in self.ctx.rules.labelled("link-code")
            for m in rule.regex.finditer(following.text)
        ]
        rest = following.text
        for match in sorted(named, key=lambda m: m.start(), reverse=True):
            rest = rest[: match.start()] + rest[match.end() :]
        if not named or not _JOINERS.fullmatch(rest):
            return None
        codes = link_codes(self.ctx, f"{unit.text} {following.text}")
        if codes:
            self.read = following
        return codes or None

    def _continues_column(self, unit: Unit) -> bool:
        """At the top of a page, the activity column continues: its bullets, a
        short unfinished line (a tâche whose glyph was lost), or a short line in
        lower case after an unfinished tâche (its rest, closed by the mark that
        closes the column's other tâches: a rest closed otherwise belongs to
        another column's statement)."""
        if unit.is_item:
            return True
        assert self.activite is not None
        *done, last = self.activite.taches or [""]
        closing = {t.rstrip()[-1:] for t in done if ends_sentence(t)}
        rest = (
            starts_lower(unit.text)
            and bool(last)
            and not ends_sentence(last)
            and unit.text.rstrip()[-1:] in closing
        )
        return len(unit.text) < 80 and (rest or not ends_sentence(unit.text))

    def _cue(self, unit: Unit) -> bool:
        """A column header or section title repeated on every page."""
        if len(unit.text) > 80:
            return False
        return any(self.ctx.rules.first(label, unit.text) for label in ("section", "zone", "title"))

    def _bloc(self, unit: Unit, hit: Hit) -> None:
        code = " ".join((hit.group("code") or "").split())
        number = _number(code)
        bloc = self.blocs.get(number) if number is not None else None
        if bloc is None:
            bloc = DBloc(
                code, label_text(hit.group("libelle") or ""), self._where(unit, hit.rule.id)
            )
            self.ctx.draft.blocs.append(bloc)
            if number is not None:
                self.blocs[number] = bloc
        self.bloc, self.mode, self.links = bloc, None, None

    def _bloc_for(self, number: int, unit: Unit) -> DBloc:
        """Bloc ``number``; the bloc read last when the code numbers none (0)."""
        if number == 0 and self.bloc is not None:
            return self.bloc
        bloc = self.blocs.get(number)
        if bloc is None:
            bloc = DBloc(None, "", self._where(unit, "stream.bloc-from-code"))
            self.blocs[number] = bloc
            self.ctx.draft.blocs.append(bloc)
        return bloc

    def _activite(self, unit: Unit, hit: Hit) -> None:
        code = " ".join((hit.group("code") or "").split())
        activite = DActivite(
            code, label_text(hit.group("libelle") or ""), self._where(unit, hit.rule.id)
        )
        self.ctx.draft.activites.append(activite)
        self.rows_a[_row(hit)] = code
        self.bloc = self._bloc_for(_row(hit)[0], unit)
        self.activite, self.mode, self.links = activite, "activite", None

    def _competence(self, unit: Unit, hit: Hit) -> None:
        bloc = self._bloc_for(_row(hit)[0], unit)
        code = " ".join((hit.group("code") or "").split())
        comp = DCompetence(label_text(hit.group("libelle") or ""), self._where(unit, hit.rule.id))
        comp.codes.append((code, 0))
        bloc.competences.append(comp)
        self.rows_c[comp] = _row(hit)
        self.bloc, self.competence, self.mode, self.links = bloc, comp, "competence", None

    def _item(self, unit: Unit) -> None:
        if self.bare and self.links is not None and self.mode == "critere":
            self._new_critere(unit)  # an item under a code head: a critère of its codes
            self.group_glyph = unit.label
            return
        if self.headed and self.bloc is not None and self.mode != "activite":
            self._headed_item(unit)
            return
        if self.mode == "criteres-top" and self.bloc is not None:
            if self.split_row and self.critere is not None:
                self.critere.indicateurs.append(unit.text)  # the row split by the page
                self.mode, self.split_row = "critere", False
            else:
                self._new_critere(unit)
        elif self.mode == "activite" and self.activite is not None:
            self.activite.taches.append(unit.text)
        elif self.mode == "critere" and self.critere is not None:
            if self._headless(unit):
                self._new_critere(unit)  # a critère cell without heading: its first bullet
            else:
                self.critere.indicateurs.append(unit.text)
            self.glyph = unit.label
        elif self.mode in ("modalite", "modalites-top") and self.bloc and self.bloc.modalites:
            self.bloc.modalite_open = True  # a list inside the modality
            add_modalites(self.ctx, self.bloc, [unit])
        elif self.bloc is not None:  # bullets with no heading: the first heads a critère
            self._new_critere(unit)

    def _headed_item(self, unit: Unit) -> None:
        """An item outside a code-headed group: the group's critères continued
        after a page break (the group's glyph, not the modalités'), else a
        modality's detail (the document prints its critères under code heads only)."""
        assert self.bloc is not None
        resumes = (
            self.group is not None
            and self.group_at[0] is self.bloc
            and self.group_at[1] != unit.page  # the group's column goes on after the page break
            and unit.label is not None
            and unit.label == self.group_glyph
            and unit.label != self.modalite_glyph
        )
        if resumes:
            self.links, self.bare = self.group, True
            self._new_critere(unit)
            return
        add_modalites(self.ctx, self.bloc, [unit])
        self.mode, self.links, self.bare = "modalite", None, False
        self.modalite_glyph = unit.label

    def _continue_taches(self, text: str) -> None:
        """A line at the top of a page continuing the activity column: the end
        of its last tâche (in lower case after an unfinished one), or a tâche."""
        assert self.activite is not None
        taches = self.activite.taches
        if taches and starts_lower(text) and not ends_sentence(taches[-1]):
            taches[-1] = f"{taches[-1]} {text}"
        else:
            taches.append(text)

    def _paragraph(self, unit: Unit, following: Unit | None) -> None:
        text = unit.text
        if self.headed and self.mode is None and is_aside(text):
            return  # "(Bloc optionnel n°1)" under the bloc's title qualifies the bloc
        wrapped = starts_lower(text)
        orphan = self._unfinished() if wrapped and text.endswith(".") else None
        if self.mode == "transversale":
            self._transversale(unit)
        elif self._part(unit):
            return
        elif (
            self.mode == "criteres-top"
            and self.critere is not None
            and (wrapped or (self.split_row and self._statement(text) != "critere"))
        ):
            self._continue_critere(text, wrapped)  # the row split by the page
        elif orphan is not None and self.mode != "competence":
            orphan.libelle = label_text(join_wrapped(orphan.libelle, text, FRENCH))
        elif (
            self.mode == "competence"
            and self.competence is not None
            and wrapped
            and not ends_sentence(self.competence.libelle)
        ):
            self.competence.libelle = label_text(
                join_wrapped(self.competence.libelle, text, FRENCH)
            )
        elif self.mode == "activite" and self.activite is not None and wrapped:
            if self.activite.taches:
                self.activite.taches[-1] = join_wrapped(self.activite.taches[-1], text, FRENCH)
            else:
                self.activite.libelle = label_text(
                    join_wrapped(self.activite.libelle, text, FRENCH)
                )
        elif self.mode == "critere" and self.critere is not None and wrapped:
            target = self.critere.indicateurs
            if target:
                target[-1] = join_wrapped(target[-1], text, FRENCH)
            else:
                self.critere.libelle = label_text(join_wrapped(self.critere.libelle, text, FRENCH))
        elif self.bloc is None:
            return
        elif self._lead_in(text):
            self.bloc.modalites[-1] = join_wrapped(self.bloc.modalites[-1], text, FRENCH)
            self.bloc.modalite_open = True  # its list may follow
        elif (self.links is not None and self.critere is None) or (
            not self.headed and self._heads_critere(text, following)
        ):
            self._new_critere(unit)
        else:
            add_modalites(self.ctx, self.bloc, [unit])
            self.mode = "modalite" if self.bloc.modalites else self.mode
            if self.headed:
                self.links, self.bare = None, False  # the code-headed group ended

    def _part(self, unit: Unit) -> bool:
        """A numbered part heading inside a bloc ("1.2- Réalisation de …"), and
        the prose that describes the part: the first paragraph read after it,
        before its compétences (no element; left to the unplaced warnings)."""
        text = unit.text
        if _PART.match(text) and len(text) <= _CRITERE_MAX and not ends_sentence(text):
            self.described, self.mode, self.links = False, None, None
            return True
        if self.described or starts_lower(text) or self.mode in ("competence", "critere"):
            return False
        self.described = True
        return True

    def _lead_in(self, text: str) -> bool:
        """The modality read last announces what follows ("… sur la base de la
        production suivante :") and so does ``text`` ("Un plan d'actions …,
        comprenant :"): the same modality goes on, down to its list."""
        assert self.bloc is not None
        modalites = self.bloc.modalites
        return (
            self.mode == "modalite"
            and bool(modalites)
            and ends_lead_in(modalites[-1])
            and ends_lead_in(text)
        )

    def _transversale(self, unit: Unit) -> None:
        """The statement under a "Compétence transversale" cue, once: it is
        printed again in every part of the table, a copy maybe cut or mixed with
        the next column (one that reads as a part of a known one is that one)."""
        text = norm_text(label_text(unit.text))
        known = (norm_text(c.libelle) for c in self.ctx.draft.transversales)
        if all(fuzz.partial_ratio(text, other) < _SAME for other in known):
            comp = DCompetence(label_text(unit.text), self._where(unit, "stream.transversale"))
            self.ctx.draft.transversales.append(comp)
        self.mode = None

    def _statement(self, text: str) -> str | None:
        """What the spaCy stage reads a statement as (None when it is off)."""
        return classify(text) if self.ctx.options.use_nlp else None

    def _headless(self, unit: Unit) -> bool:
        """A bullet that starts another critère cell: a critère statement whose
        bullet glyph differs from the open critère's indicateurs (another cell)."""
        assert self.critere is not None
        return (
            bool(self.critere.indicateurs)
            and self.glyph is not None
            and unit.label != self.glyph
            and self._statement(unit.text) == "critere"
        )

    def _continue_critere(self, text: str, wrapped: bool) -> None:
        """The critères column continues the previous page's last critère."""
        assert self.critere is not None
        target = self.critere.indicateurs
        if wrapped and target:
            target[-1] = join_wrapped(target[-1], text, FRENCH)
        elif wrapped:
            self.critere.libelle = label_text(join_wrapped(self.critere.libelle, text, FRENCH))
        else:
            target.append(text)
        self.mode, self.split_row = "critere", False

    def _heads_critere(self, text: str, following: Unit | None) -> bool:
        """A short paragraph followed by bullets (its indicateurs) heads a critère."""
        return (
            following is not None
            and following.is_item
            and len(text) <= _CRITERE_MAX
            and self.ctx.rules.first("modalite-detail", text) is None
        )

    def _unfinished(self) -> DCompetence | None:
        """A compétence of the current bloc whose sentence was cut (its end read
        in another chunk), when most of the bloc's compétences end sentences."""
        if self.bloc is None:
            return None
        cut = [c for c in self.bloc.competences if not ends_sentence(c.libelle)]
        if len(cut) > max(1, len(self.bloc.competences) // 2):
            return None
        return cut[-1] if cut else None  # the last read: cut by the page end

    def _new_critere(self, unit: Unit) -> None:
        assert self.bloc is not None
        rule = "stream.critere.link" if self.links else "stream.critere"
        bloc = self.bloc
        if self.links:
            number = _number(self.links[0])
            bloc = self.blocs.get(number, bloc) if number is not None else bloc
        self.critere = add_critere(
            bloc, unit, label_text(unit.text), [], rule, link_codes=list(self.links or [])
        )
        self.glyph = None
        self.mode = "critere"

    def finish(self) -> None:
        """Link compétences to activities by row, critères to compétences by rank."""
        for comp, row in self.rows_c.items():
            if row in self.rows_a:
                comp.activites.append(self.rows_a[row])
        for bloc in self.blocs.values():
            unlinked = [c for c in bloc.criteres if not c.link_codes]
            if unlinked and len(bloc.criteres) == len(bloc.competences):
                for critere, comp in zip(bloc.criteres, bloc.competences, strict=True):
                    if not critere.link_codes:
                        critere.competences.append(comp)

    def _where(self, unit: Unit, rule: str) -> Where:
        return Where(unit.page, unit.line, rule)


def _number(code: str) -> int | None:
    """The bloc number a code carries: 'BC 2' → 2, 'C3.4' → 3."""
    found = re.search(r"\d+", code)
    return int(found.group()) if found else None
