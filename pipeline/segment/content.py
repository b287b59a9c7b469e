"""Helpers shared by the stream and table stages: add compétences, critères and
modalités to a bloc, whatever layout they came from."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ..docmodel import Kind
from ..hyphens import FRENCH, join_wrapped
from ..rules import Hit
from ..textclean import ends_lead_in, ends_sentence, is_mark, label_text, starts_lower
from .dash_leadins import dashed_lead_in
from .draft import (
    GROUP_ROW,
    Context,
    DBloc,
    DCompetence,
    DCritere,
    Unit,
    Where,
    code_key,
    norm_text,
    similar,
)
from .modalite_cells import duration_field


def competence_code(ctx: Context, text: str) -> Hit | None:
    """A compétence code at the start of ``text`` ("C1.1 :", "1.", "2.1.1")."""
    return ctx.rules.first("code-competence", text) or ctx.rules.first("code-numeric", text)


IMPLICIT_BLOC = "table.implicit-bloc"
#: an ordered list's printed number ("3.", "2)"), which the reader keeps as the item's label
_ORDINAL = re.compile(r"(\d{1,2})[.)]")


def is_implicit(bloc: DBloc) -> bool:
    """Whether ``bloc`` was made to hold compétences read before any bloc (a
    synthesis table at the top of the document)."""
    return bloc.where.rule == IMPLICIT_BLOC and not bloc.code and not bloc.libelle


def find_competence(
    ctx: Context, libelle: str, bloc: DBloc | None, code: str | None = None
) -> DCompetence | None:
    """A compétence already seen with this libellé: in ``bloc`` first, then
    anywhere; not, in another bloc, one printed with another code than
    ``code`` (the same words numbered apart in two blocs: one compétence in each),
    nor one printed with a sibling code of the same series ("C2-2" and "C2-4");
    an uncoded one only in a unit of the same code (the same ability written
    again in another unit's table is that unit's own)."""
    blocs = ([bloc] if bloc is not None else []) + ctx.draft.blocs
    for candidate in blocs:
        if (code is None or _titled_tables(candidate, bloc)) and _other_bloc(candidate, bloc):
            continue
        for comp in candidate.competences:
            if (candidate is not bloc and other_code(comp, code)) or _sibling_code(comp, code):
                continue
            if similar(comp.libelle, libelle) and same_words(comp.libelle, libelle):
                return comp
    return None


def _titled_tables(candidate: DBloc, bloc: DBloc | None) -> bool:
    """Whether both blocs are units a table's coded title row opened ("T1.1 | …"
    over its compétences): each such table lists the compétences its unit
    mobilises, the same coded one in several tables is each unit's own."""
    return bloc is not None and candidate.where.rule == bloc.where.rule == GROUP_ROW


def _other_bloc(candidate: DBloc, bloc: DBloc | None) -> bool:
    """Whether ``candidate`` and ``bloc`` are two units printed with different codes."""
    if bloc is None or candidate is bloc or not (candidate.code and bloc.code):
        return False
    return code_key(candidate.code) != code_key(bloc.code)


def other_code(comp: DCompetence, code: str | None) -> bool:
    """Whether ``comp`` is printed with another identifier than ``code`` ("C8" / "C7");
    a bare number is a position in a list (numbered per bloc in one place, through
    the document in another), never another identifier."""
    if not code or _position(code):
        return False
    known = {code_key(printed) for printed, _ in comp.codes if not _position(printed)}
    return bool(known) and code_key(code) not in known


def _position(code: str) -> bool:
    return code.strip().rstrip(".)").isdigit()


_NUMBER = re.compile(r"\d+")


def _sibling_code(comp: DCompetence, code: str | None) -> bool:
    """Whether ``comp`` is printed with a sibling of ``code`` in a numbering
    series: same letters and parent numbers, another last number ("C2-2" and
    "C2-4"; not "1" and "3", which may be one compétence numbered per bloc and
    through the document)."""
    mine = _series(code)
    if mine is None:
        return False
    for printed, _ in comp.codes:
        other = _series(printed)
        if other is not None and other[0] == mine[0] and other[1] != mine[1]:
            return True
    return False


def _series(code: str | None) -> tuple[str, str] | None:
    """A code with two numbers or more as (everything but its last number, that
    number); None for a single number."""
    if not code:
        return None
    compact = "".join(code.split())
    numbers = list(_NUMBER.finditer(compact))
    if len(numbers) < 2:
        return None
    last = numbers[-1]
    return compact[: last.start()] + "#" + compact[last.end() :], last.group()


_VARIANT = 70  # rapidfuzz ratio from which a changed word is a variant (plural, typo)


def same_words(a: str, b: str) -> bool:
    """Whether two near-identical libellés differ only by a word or two (a
    plural, a typo), not by the verb or the object that makes another ability
    ("Usiner des barres …" / "Débiter des barres …")."""
    left, right = set(norm_text(a).split()), set(norm_text(b).split())
    changed = max(len(left - right), len(right - left))
    if changed > max(1, min(len(left), len(right)) // 10):
        return False
    # a word put for another is a variant of it ("roue" / "roues"), not another
    # word ("hors circulation" / "en circulation")
    added = right - left
    return all(any(fuzz.ratio(w, x) >= _VARIANT for x in added) for w in left - right) or not added


def _restated(ctx: Context, comp: DCompetence, bloc: DBloc) -> bool:
    """Whether ``comp`` belongs to another mention of the unit ``bloc`` is (a
    summary, then the body): each mention keeps its own statement."""
    owner = bloc_of(ctx, comp)
    if owner is None or owner is bloc or not (owner.code and bloc.code):
        return False
    return code_key(owner.code) == code_key(bloc.code)


def bloc_of(ctx: Context, comp: DCompetence) -> DBloc | None:
    """The bloc occurrence holding ``comp``."""
    return next((b for b in ctx.draft.blocs if comp in b.competences), None)


def _typed_number(unit: Unit) -> bool:
    """A list item whose number is typed in the text ("3. …" in Markdown or
    plain text), not counted by the format (an HTML ``<ol>``, Word numbering)."""
    return unit.is_item and (unit.block is None or "counted" not in unit.block.features)


def add_competence(
    ctx: Context,
    bloc: DBloc,
    unit: Unit,
    source: int,
    *,
    from_list: bool,
    rule: str,
    text: str | None = None,
    letter: bool = False,
    own: bool = False,
    coded: tuple[str, str] | None = None,
) -> DCompetence | None:
    """The compétence a unit states (code optional), added to ``bloc`` unless
    the document already gave it (then the known one, with this code noted).
    ``letter``: a letter enumerator ("a) …") counts as a code too, and so does
    the printed number of an ordered list item ("3.", as a numbered line's
    "3." is) — in a compétences zone, where that list is the list of compétences.
    ``own``: the bloc lists its own abilities (a table whose layout nests each
    row under its unit): the same words under another bloc are another one.
    ``coded``: the code and statement already read (:mod:`.bloc_extension`)."""
    text = unit.text if text is None else text
    hit = competence_code(ctx, text) if coded is None else None
    if hit is None and letter:
        hit = ctx.rules.first("code-letter", text)
    code, libelle = coded if coded is not None else (None, text)
    if hit is not None:
        code, libelle = hit.group("code"), hit.group("libelle") or ""
        rule = hit.rule.id
    elif letter and _typed_number(unit) and (ordinal := _ORDINAL.fullmatch(unit.label or "")):
        code = ordinal.group(1)
    libelle = label_text(libelle)
    if not libelle or is_mark(libelle) or ctx.rules.first("code-only", text):
        return None
    if code is None and is_composante(ctx, libelle):
        add_composante(ctx, bloc, unit, libelle)
        return None
    comp = find_competence(ctx, libelle, bloc, code)
    if own and comp is not None and comp.source == source and comp not in bloc.competences:
        comp = None  # one passage, two units: each its own
    if comp is not None and comp.source == source and norm_text(comp.libelle) != norm_text(libelle):
        comp = None  # one passage names each ability once: a near-twin there is another one
    if comp is not None and _restated(ctx, comp, bloc):
        comp = None  # the merge stage keeps the statement of the unit's body
    if comp is None:
        comp = DCompetence(
            libelle, Where(unit.page, unit.line, rule), from_list=from_list, source=source
        )
        bloc.competences.append(comp)
    elif comp not in bloc.competences and not is_implicit(bloc):
        owner = bloc_of(ctx, comp)
        if owner is not None and is_implicit(owner):  # listed first in a synthesis
            owner.competences.remove(comp)
            bloc.competences.append(comp)
    if code:
        comp.codes.append((code, source))
    return comp


def is_composante(ctx: Context, text: str) -> bool:
    """A B.U.T. composante essentielle ("en respectant …"): a critère of its
    compétence's bloc, not an ability (contract, 'Families and levels')."""
    return ctx.draft.type == "BUT" and ctx.rules.first("composante", text) is not None


_GERUND_START = re.compile(r"\s(?=en\s)")


def add_composante(ctx: Context, bloc: DBloc, unit: Unit, libelle: str) -> None:
    """Composantes essentielles as critères of ``bloc``, each once (the
    overview pages and the compétence's own page print them twice); a line
    holding two of them (boxes side by side read as one line) is cut before
    the second gerund."""
    for part in _composantes(ctx, libelle):
        if not any(similar(c.libelle, part) for c in bloc.criteres):
            add_critere(bloc, unit, part, [], "stream.composante")


def _composantes(ctx: Context, text: str) -> list[str]:
    hit = ctx.rules.first("composante", text)
    text = (hit.group("libelle") if hit is not None else None) or text  # no "CE1.01 |" code
    cuts = [m.end() for m in _GERUND_START.finditer(text) if is_composante(ctx, text[m.end() :])]
    starts = [0, *cuts]
    return [text[a:b].strip() for a, b in zip(starts, [*cuts, len(text)], strict=True)]


def extend(target: list[str], units: list[Unit], join: bool = False) -> None:
    """Append the texts of ``units``; a first paragraph (any first unit when
    ``join``) that continues the last item (lower-case start after an
    unfinished sentence) is joined to it."""
    for index, unit in enumerate(units):
        if (
            index == 0
            and target
            and (join or unit.kind is Kind.PARAGRAPH)
            and starts_lower(unit.text)
            and not ends_sentence(target[-1])
        ):
            target[-1] = join_wrapped(target[-1], unit.text, FRENCH)
        else:
            target.append(unit.text)


def add_modalites(ctx: Context, bloc: DBloc, units: list[Unit]) -> None:
    """Each modality (alternatives separated by "OU") once; practical details
    (place, assessor, duration; a bare "Durée :" among them,
    :func:`~.modalite_cells.duration_field`) go to ``modalites_details``; a text
    cut by a row or page break is joined again; repeated paragraphs are dropped;
    the list items right under a detail field are its parts (a total duration
    over the durations of its steps)."""
    field_open = False
    for index, unit in enumerate(units):
        if ctx.rules.first("modalite-separator", unit.text):
            bloc.modalite_open = False
            continue
        detail = ctx.rules.first("modalite-detail", unit.text) or duration_field(
            ctx, unit.text, units[index + 1 :]
        )
        main = unit.text[: detail.match.start()].strip() if detail else unit.text
        extra = unit.text[detail.match.start() :].strip() if detail else ""
        if field_open and unit.is_item and not detail:
            main, extra = "", unit.text
        field_open = bool(extra) and (detail is not None or unit.is_item)
        if main:
            _add_modalite(bloc, unit, main)
        if extra and bloc.modalites:
            last = bloc.modalites_details[-1]
            if norm_text(extra) not in norm_text(last):
                bloc.modalites_details[-1] = join_wrapped(last, extra, FRENCH).strip()


def _add_modalite(bloc: DBloc, unit: Unit, text: str) -> None:
    modalites = bloc.modalites
    continues = modalites and (
        (starts_lower(text) and not ends_sentence(modalites[-1]))
        or (bloc.modalite_open and unit.is_item)
    )
    if continues:
        modalites[-1] = join_wrapped(modalites[-1], text, FRENCH)
    elif _repeated(text, modalites):
        return
    else:
        modalites.append(text)
        bloc.modalites_details.append("")
    bloc.modalite_open = ends_lead_in(text) or (bloc.modalite_open and unit.is_item)


def _repeated(text: str, modalites: list[str]) -> bool:
    """A paragraph read again: a known modality's text, or a part inside one
    (a running header's text between two pages of a paragraph). A paragraph
    that opens a longer modality is no repeat: another modality opens with the
    same words and goes on to its own content (a lead-in opening each
    production; the label each composante of a bloc prints over its own
    conditions)."""
    key = norm_text(text)
    known = [norm_text(modalite) for modalite in modalites]
    return any(key == k or (key in k and not k.startswith(key)) for k in known)


def criteres_of_cell(
    ctx: Context, units: list[Unit], headed: bool = True
) -> list[tuple[Unit, str, list[str]]]:
    """Critères (unit, libellé, indicateurs) written in one cell or passage.

    * run-in or bold headings ("En matière de … :") head critères; what follows
      each heading (its rest, paragraphs, list items) are its indicateurs;
    * else a paragraph heads a critère and the list items after it are its
      indicateurs (a paragraph right after a lead-in ending with a colon is
      one of them too; an item before any paragraph is a critère);
    * a passage of list items only: the first is the critère, the rest its
      indicateurs when the layout heads its critères (``headed``: other cells
      put a critère line over bullets) or the first item heads the others (a
      lead-in ending with a colon, or the others nested under it); a list on
      two levels: each top item is a critère, the items nested under it its
      indicateurs; else each item is a critère;
    * paragraphs only: each is a critère.

    A first paragraph ending with a colon (no sub-heading) over paragraphs that
    each open a statement of their own (a capital, no list item) is the list's lead-in, no
    critère (an element list never takes its lead-in, as a compétence list does not).
    """
    found: list[tuple[Unit, str, list[str]]] = []
    if _introduces(units) and _runin(ctx, units[0]) is None:
        units = units[1:]
    runin = [_runin(ctx, unit) for unit in units]
    if any(runin):
        for unit, heading in zip(units, runin, strict=True):
            if heading is not None:
                title, rest = heading
                found.append((unit, title, [rest] if rest else []))
            elif found:
                found[-1][2].append(unit.text)
            else:
                found.append((unit, label_text(unit.text), []))
        return found
    items = [u.is_item for u in units]
    if all(items):
        if units and (headed or _heads_list(units)):
            return [(units[0], label_text(units[0].text), [u.text for u in units[1:]])]
        if len({u.level for u in units}) > 1:
            return _nested(units)
        return [(u, label_text(u.text), []) for u in units]
    if not any(items):
        return [(u, label_text(u.text), []) for u in units]
    previous: Unit | None = None
    for unit in units:
        if not unit.is_item and (
            previous is None or previous.is_item or not found or not ends_lead_in(previous.text)
        ):
            found.append((unit, label_text(unit.text), []))
        elif found:
            found[-1][2].append(unit.text)
        else:  # an item before any paragraph heads nothing: a critère of its own
            found.append((unit, label_text(unit.text), []))
        previous = unit
    return found


def _nested(units: list[Unit]) -> list[tuple[Unit, str, list[str]]]:
    """A list on two levels: each top item is a critère, the items nested
    under it its indicateurs."""
    top = min(u.level for u in units)
    found: list[tuple[Unit, str, list[str]]] = []
    for unit in units:
        if unit.level > top and found:
            found[-1][2].append(unit.text)
        else:
            found.append((unit, label_text(unit.text), []))
    return found


def _introduces(units: list[Unit]) -> bool:
    """Whether the first paragraph leads in sibling statements (see above)."""
    return (
        len(units) > 1
        and units[0].is_lead_in
        and not any(u.is_item or starts_lower(u.text) for u in units[1:])
    )


def _heads_list(units: list[Unit]) -> bool:
    """Whether the first of several list items heads the others; a lead-in
    over nested items does not head the items back at its own level after
    them (a list on two levels: each top item heads its own)."""
    first, rest = units[0], units[1:]
    if not rest:
        return False
    if all(u.level > first.level for u in rest):
        return True
    two_levels = any(u.level > first.level for u in rest)
    return ends_lead_in(first.text) and not two_levels


def _runin(ctx: Context, unit: Unit) -> tuple[str, str] | None:
    """(heading, rest) when ``unit`` opens with a critère sub-heading."""
    if unit.is_item:
        return None
    if unit.bold:
        return label_text(unit.text), ""
    hit = ctx.rules.first("critere-runin", unit.text)
    if hit is None:
        return None
    return label_text(hit.group("heading") or ""), hit.group("rest") or ""


def add_critere(
    bloc: DBloc,
    unit: Unit,
    libelle: str,
    indicateurs: list[str],
    rule: str,
    competences: list[DCompetence] | None = None,
    link_codes: list[str] | None = None,
) -> DCritere:
    """A new critère of ``bloc``; a critère numbered under one of the bloc's
    compétences ("1.1.1. Savoir …" under "1.1") evaluates that compétence, its
    number dropped from the libellé; a lead-in that glues its dash items is
    the critère and they its indicateurs (:mod:`.dash_leadins`)."""
    if not indicateurs and (dashed := dashed_lead_in(libelle)) is not None:
        libelle, indicateurs = dashed
    text, owners = _numbered_under(bloc, libelle)
    if owners:
        libelle, competences, link_codes = text, owners, []
    critere = DCritere(
        libelle,
        Where(unit.page, unit.line, rule, unit.bbox),
        competences=list(competences or []),
        link_codes=list(link_codes or []),
        indicateurs=list(indicateurs),
    )
    bloc.criteres.append(critere)
    return critere


#: a three- or four-level number heading an item ("1.1.1.", "2.4.1")
_SUB_NUMBER = re.compile(r"^(?P<code>\d{1,2}(?:\.\d{1,2}){2,3})\.?\s+(?=[^\W\d_])")
#: the next item of such a numbering glued after a sentence ("… d'intervention. 2.4.2. Savoir …")
_GLUED_NUMBER = re.compile(r"(?<=[.;!?])\s+(?=\d{1,2}(?:\.\d{1,2}){2,3}\.?\s+[^\W\d_])")


def numbered_items(text: str) -> list[str]:
    """The items of a numbering series one paragraph holds: a paragraph that
    starts with a multi-level number and glues the next number of the series
    after a sentence is two items."""
    if _SUB_NUMBER.match(text) is None:
        return [text]
    return [part for part in _GLUED_NUMBER.split(text) if part.strip()]


def sub_number(libelle: str) -> tuple[str, str] | None:
    """The number a numbered item extends ("1.1" for "1.1.1. Savoir …") and
    the item without its number; None when it is not numbered so."""
    found = _SUB_NUMBER.match(libelle)
    if found is None:
        return None
    return found.group("code").rsplit(".", 1)[0], libelle[found.end() :]


def _numbered_under(bloc: DBloc, libelle: str) -> tuple[str, list[DCompetence]]:
    """The libellé without its number and the bloc's compétences the number
    extends ("1.1.1" under "1.1"); the libellé unchanged and no compétence
    when the number extends none."""
    numbered = sub_number(libelle)
    if numbered is None:
        return libelle, []
    parent, text = numbered
    owners = [
        comp
        for comp in bloc.competences
        if any("".join(code.split()).rstrip(".") == parent for code, _ in comp.codes)
    ]
    return (text, owners) if owners else (libelle, [])
