"""Stage ``certification``: type, intitulé, RNCP code and description.

Read from the preamble — the units before the first bloc heading or table —
with the rules labelled ``title``, ``title-prefix``, ``title-part``, ``title-code``,
``title-label``, ``title-aside``, ``title-noise``, ``rncp``, ``rncp-bloc`` and ``holder``
(``rules/certification.yaml``):

* a title line gives the type and the intitulé ("CQP …", "Titre du CQPM : …",
  "Du titre professionnel …", "RNCP12345 - …");
* a line naming only the certification family ("Certificat de qualification
  paritaire de la métallurgie (CQPM)") gives the type; the intitulé is the next
  title-like line;
* a label ("Intitulé :", "Intitulé de la certification") gives the intitulé on
  the same line or in the next block;
* a title line may name the document's kind first ("Extrait du référentiel de
  certification du BEP … spécialité « … »"): the title rules read what follows;
* with no title line, a family named in two sentences or more ("Le titulaire du
  CAP <intitulé> possède …") gives the type and the words the mentions share;
  else one sentence whose subject is the holder, also in a table's cell,
  gives the words of the subject after the family, up to its verb;
* a label naming the certification without its family ("Intitulé : secrétaire
  comptable."): the one family the form's headings name after a link word
  ("… de l'inscription du titre professionnel au répertoire …") gives the type
  (:mod:`.headingfamily`);
* the RNCP code is the first "RNCP12345" printed outside a table, else the fiche
  number of a bloc code "RNCP12345BC01";
* the title line may open on the document part it belongs to ("ANNEXE D –
  fiche Ressource …", rules ``title-part``) and go on with the period it
  covers ("1ère année", rules ``title-aside``); after a document-kind prefix no
  title rule reads, the subject is the certification's own name
  ("Référentiel de compétences des techniciens supérieurs …");
* last, the running band the reader kept (the text repeated in the margins of
  most pages, ``Document.bands``): a ``title-band`` rule ("Cycle 4
  Technologie") or a title rule naming the certification;
* a title line's hits, the family and the intitulé they name are read by
  :mod:`.titlehits`; the description by :mod:`.description`.
"""

from __future__ import annotations

import re

from ..models import CERTIFICATION_TYPES
from ..nlp import name_before_verb
from ..textclean import case_slips_folded, ends_sentence, fold
from .acttitle import act_family, act_subject
from .annextitle import annex_title
from .articletitle import article_listed, part_named_below
from .covertitle import LINK_WORDS, lone_title, run_on
from .description import describe
from .draft import Context, Draft, Unit, cell_units, units_text
from .familylists import enumerated
from .fichetitle import fiche_title
from .headedtitle import heading_above
from .headingfamily import heading_family, linked_families
from .quotedtitle import quoted_title
from .state import is_bloc_heading
from .subjectname import subject_named
from .titlehits import (
    SUBJECT,
    clean_title,
    continuation,
    hit_family,
    hit_intitule,
    intitule_text,
    name_shaped,
    named_above,
    sentence_name,
    set_type,
    title_hits,
    title_like,
    uncoded,
    unlinked,
    wrapped_title,
)

_LOOKAHEAD = 3  # units read after a family-only line or a label for the intitulé
# where a family is named inside a sentence: after "du", "au", "de la", "de l'"
_MENTION = re.compile(r"\b(?:du|au|de\s+la|de\s+l['’])\s*", re.IGNORECASE)


def certification(ctx: Context) -> None:
    """Fill the draft's certification fields."""
    preamble = _preamble(ctx)
    draft = ctx.draft
    listed = enumerated(ctx, ctx.units)
    _title(ctx, draft, [unit for unit in preamble if id(unit) not in listed])
    draft.type = draft.type or _family_by_levels(ctx) or _subject_family(ctx, draft)
    draft.type = draft.type or heading_family(ctx, preamble)  # a form's heading names it
    draft.intitule = draft.intitule or quoted_title(preamble)  # after the type: none names it
    if draft.intitule is None or draft.type is None:
        named, family = fiche_title(ctx, preamble)
        draft.intitule, draft.type = draft.intitule or named, draft.type or family
    draft.type = draft.type or act_family(ctx, preamble)  # a branch's accord creates a CQP
    if draft.intitule is not None:  # a word's case slip ("NÉgociation") is no spelling
        draft.intitule = case_slips_folded(draft.intitule)
    draft.code_rncp = _rncp(ctx)
    draft.description = describe(ctx, preamble, _before_blocs(ctx))


def _title(ctx: Context, draft: Draft, preamble: list[Unit]) -> None:
    """Type and intitulé: the preamble first, then short units further on (a
    title read as a running header may come late in raw OCR text)."""
    typed = False  # the family is known (a CQP type, or a family with none)
    for index, unit in enumerate(preamble):
        following = preamble[index + 1 : index + 2]  # the line a title may wrap onto
        for hit in title_hits(ctx, clean_title(unit.text)):
            if draft.intitule is None and hit_intitule(ctx, hit) is None and hit_family(hit):
                # family-only lines in a row ("Licence professionnelle" over
                # "« Bachelor universitaire de technologie »"): the last one,
                # nearest the intitulé, names the family
                draft.type = None
            typed = set_type(draft, hit) or typed
            if draft.intitule is None:
                intitule = hit_intitule(ctx, hit)
                if intitule and hit_family(hit) not in CERTIFICATION_TYPES:
                    intitule = _acronym_named(clean_title(unit.text)) or intitule
                elif intitule:  # an article's heading over the one certification it lists
                    kind = hit_family(hit)
                    intitule = (
                        article_listed(ctx, preamble, index, kind)
                        or part_named_below(ctx, unit, following, intitule, kind)
                        or intitule
                    )
                if intitule:
                    intitule = wrapped_title(ctx, following, intitule)
                elif whole := run_on(ctx, unit, following):
                    intitule, family = whole, None
                else:
                    intitule, family = _next_title(ctx, preamble, index)
                    if family is None:  # a name printed as the heading over the family
                        intitule = heading_above(ctx, preamble, index) or intitule
                    draft.type = draft.type or family
                    intitule = intitule or _labelled_below(ctx, unit, following)
                draft.intitule = intitule
        if draft.intitule is None and (named := named_above(ctx, preamble, index)):
            draft.intitule, typed = named, True  # a family outside the contract's list
        if draft.intitule is None and not typed:
            draft.intitule = subject_named(ctx, unit, following)
            typed = draft.intitule is not None
        if draft.intitule is None:
            label = ctx.rules.first("title-label", unit.text)
            if label is not None:
                named = clean_title(label.group("intitule") or "")
                hits = [h for h in title_hits(ctx, named) if hit_intitule(ctx, h)]
                if hits:  # "Intitulé : titre professionnel <intitulé>": a title line
                    typed = set_type(draft, hits[0]) or typed
                    named = hit_intitule(ctx, hits[0]) or named
                draft.intitule = named or _next_title(ctx, preamble, index)[0]
        if draft.intitule is not None and typed:
            return
    for unit in _elsewhere(ctx, preamble):
        for hit in title_hits(ctx, unit.text):
            typed = set_type(draft, hit) or typed
            if draft.intitule is None:
                draft.intitule = hit_intitule(ctx, hit)
        if draft.intitule is not None and typed:
            return
    if draft.intitule is None:
        _decreed(ctx, draft)
    if draft.intitule is None:
        draft.intitule = _table_label(ctx, draft)
    if draft.intitule is None:
        draft.intitule = lone_title(ctx, preamble)
    if draft.intitule is None:
        draft.intitule = _acronym_spelled(ctx, preamble)
    if draft.intitule is None:
        _in_prose(ctx, draft)
    if draft.intitule is None:
        _banded(ctx, draft)
    if draft.intitule is None:
        draft.intitule = annex_title(ctx, preamble)
    if draft.intitule is None:
        draft.intitule = act_subject(ctx, preamble)


def _banded(ctx: Context, draft: Draft) -> None:
    """Nothing in the body names the document: the running band may (a
    programme's subject after its cycle, a certification's title printed on
    every page); the first band line a ``title-band`` or title rule reads."""
    for band in ctx.document.bands:
        text = clean_title(band.text)
        found = ctx.rules.first("title-band", text)
        if found is not None:
            draft.intitule = intitule_text(ctx, clean_title(found.group("intitule") or ""))
            return
        for hit in title_hits(ctx, text):
            intitule = hit_intitule(ctx, hit)
            if intitule:
                set_type(draft, hit)
                draft.intitule = intitule
                return


_LINK = re.compile(r"\b(?:du|de|d['’])\s*", re.IGNORECASE)  # where a family may be named


def _decreed(ctx: Context, draft: Draft) -> None:
    """No title line: the arrêté's title printed before the blocs ("Arrêté du
    … portant définition … du brevet de technicien supérieur « … »") names the
    certification in guillemets and its family in the same line."""
    for unit in _before_blocs(ctx):
        decree = ctx.rules.first("title-decree", unit.text)
        if decree is None:
            continue
        for link in _LINK.finditer(unit.text):
            hit = next(ctx.rules.hits("title", unit.text[link.end() :]), None)
            if hit is not None and hit_family(hit) in CERTIFICATION_TYPES:
                draft.type = draft.type or hit_family(hit)
                break
        draft.intitule = clean_title(decree.group("intitule") or "") or None
        return


def _family_by_levels(ctx: Context) -> str | None:
    """The family whose own level names (``family-level`` rules) the document
    prints, every one of them, when no title names its family."""
    rules = ctx.rules.labelled("family-level")
    printed = {
        hit.rule.id
        for unit in ctx.units
        if len(unit.text) < 60
        for hit in ctx.rules.hits("family-level", unit.text)
    }
    for family in dict.fromkeys(rule.value for rule in rules):
        own = {rule.id for rule in rules if rule.value == family}
        if family in CERTIFICATION_TYPES and own <= printed:
            return family
    return None


def _in_prose(ctx: Context, draft: Draft) -> None:
    """No title line: the certification named inside sentences ("Le titulaire
    du CAP <intitulé> possède …"). Its intitulé is the words every mention of
    the family shares up to a punctuation mark — at least two mentions, since
    one sentence does not show where the name ends."""
    names: dict[str, list[list[str]]] = {}
    for unit in _before_blocs(ctx):
        if unit.is_item or not ends_sentence(unit.text):
            continue
        for start in _MENTION.finditer(unit.text):
            hit = next(ctx.rules.hits("title", unit.text[start.end() :]), None)
            kind = hit_family(hit) if hit else ""
            if hit is not None and kind in CERTIFICATION_TYPES:
                words = sentence_name(hit).split()  # « … » may quote it
                if words and words[0][:1].isupper():  # "du CAP doit …" names no intitulé
                    names.setdefault(kind, []).append(words)
    for kind, mentions in names.items():
        shared = _shared_start(mentions)
        if len(mentions) >= 2 and shared:
            draft.type = draft.type or kind
            draft.intitule = " ".join(shared)
            return
    if ctx.options.use_nlp:
        _holder_named(ctx, draft)


def _subject_family(ctx: Context, draft: Draft) -> str | None:
    """Nothing names the certification: a sentence before the blocs whose
    subject is the certification family itself ("Le certificat … comporte …",
    the text defining what such a certificate contains) gives the type, no
    intitulé; the first such sentence decides."""
    if draft.intitule is not None:
        return None
    for unit in _before_blocs(ctx):
        subject = SUBJECT.match(unit.text)
        if unit.is_item or subject is None or not ends_sentence(unit.text):
            continue
        hit = next(ctx.rules.hits("title", unit.text[subject.end() :]), None)
        if hit is not None:
            kind = hit_family(hit)
            return kind if kind in CERTIFICATION_TYPES else None
    return _named_family(ctx)


def _named_family(ctx: Context) -> str | None:
    """Nothing names the certification and no sentence has it for subject: the
    one family the sentences before the blocs name after a link word (the
    sentence leading to the table "… pour l'ensemble des certificats de
    qualification professionnelle des salariés :") gives the type; none when
    they name several families."""
    kinds: set[str] = set()
    for unit in _before_blocs(ctx):
        if unit.is_item or not ends_sentence(unit.text):
            continue
        kinds |= linked_families(ctx, unit.text)
    return kinds.pop() if len(kinds) == 1 else None


def _holder_named(ctx: Context, draft: Draft) -> None:
    """One sentence whose subject is the holder of a certification the title
    rules name ("Le titulaire du BMA <intitulé> doit être capable …"): the
    intitulé is the subject's words after the family, up to the verb."""
    for unit in _until_first_bloc(ctx, stop_at_table=False, open_tables=True):
        holder = ctx.rules.first("holder", unit.text)
        if holder is None:
            continue
        hit = next(ctx.rules.hits("title", unit.text[holder.match.end() - 1 :]), None)
        named = (hit.group("intitule") or "") if hit is not None else ""
        name = name_before_verb(named) or _capitalised_run(named)
        if hit is not None and name:
            kind = hit_family(hit)
            draft.type = draft.type or (kind if kind in CERTIFICATION_TYPES else None)
            draft.intitule = name
            return


_CAPITALISED = re.compile(r"^(?P<name>(?:[^\W\d_][\w'’-]*\s+){1,6}?)(?=[^\W\d_])(?-i:[a-zà-ÿ])")


def _capitalised_run(text: str) -> str | None:
    """The name a holder's sentence prints in title case after the family
    ("Esthétique Cosmétique Parfumerie est de …"): two or more capitalised
    words, up to the first word in small letters; None otherwise."""
    found = _CAPITALISED.match(text)
    words = found.group("name").split() if found else []
    if len(words) < 2 or not all(word[:1].isupper() for word in words):  # noqa: PLR2004
        return None
    return " ".join(words)


_ACRONYM = re.compile(r"^(?P<name>.+?)\s*\(\s*(?P<acronym>[A-Z]{2,10})\s*\)$")


def _acronym_named(line: str) -> str | None:
    """A title line followed by its acronym ("Diplôme de compétence en langue
    … (DCLEP)"): when the acronym's letters are the initials of every word of
    the line, its first word too, the whole line is the certification's own
    name, which no family outside the contract's list is cut from."""
    found = _ACRONYM.match(line)
    if found is None:
        return None
    name = found.group("name")
    return name if _initials(name) == found.group("acronym").lower() else None


def _initials(name: str) -> str:
    """The initials of a name's words, its link words left out ("dpph")."""
    words = [w for w in re.split(r"[\s'’-]+", fold(name)) if w not in LINK_WORDS]
    return "".join(w[0] for w in words if w)


_CAPITALS = re.compile(r"(?<![\w.])(?-i:[A-Z]{3,10})(?![\w.])")


def _acronym_spelled(ctx: Context, preamble: list[Unit]) -> str | None:
    """No title names the certification: a name-shaped line of the preamble
    whose words' initials spell an acronym the document prints elsewhere
    ("Diplôme préparateur en pharmacie hospitalière" and the unit headings'
    "… DU DPPH") is its own name, whole, as a line followed by its acronym
    in brackets is (:func:`_acronym_named`); a table's cell (a column's
    header) names no certification."""
    seen = {id(unit) for unit in preamble}
    acronyms = {
        found.lower()
        for unit in ctx.units
        if id(unit) not in seen
        for found in _CAPITALS.findall(unit.text)
    }
    for unit in preamble:
        text = clean_title(unit.text)
        named = unit.cell is None and name_shaped(unit) and len(text.split()) > 2
        if named and _initials(text) in acronyms:
            return text
    return None


def _shared_start(mentions: list[list[str]]) -> list[str]:
    """The words every mention starts with (in any case), as the first prints them."""
    shared = []
    for column in zip(*mentions, strict=False):
        if len({word.casefold() for word in column}) > 1:
            break
        shared.append(column[0])
    return shared


def _table_label(ctx: Context, draft: Draft) -> str | None:
    """No title line: a table's first row names the certification, by a label
    ("Spécialité : …") or by a title over its lines ("BACCALAUREAT
    PROFESSIONNEL / Spécialité / <intitulé>" over a règlement d'examen); a
    title sets the type when none is known. A cell's line that names the
    diploma alone is the title (the session and the document's kind on the
    cell's other lines, "BTS … / Session 2025 / GRILLE D'ÉVALUATION"); else its
    lines are read as one title."""
    for unit in ctx.units:
        rows = unit.table.block.rows if unit.table is not None else []
        for cell in rows[0].cells if rows else []:
            units = cell_units(cell)
            for inner in units:
                label = ctx.rules.first("title-label", inner.text)
                named = clean_title(label.group("intitule") or "") if label else ""
                if named:
                    return named
            for index, inner in enumerate(units):  # one line names the diploma
                for hit in title_hits(ctx, clean_title(inner.text)):
                    intitule = hit_intitule(ctx, hit)
                    if intitule:
                        set_type(draft, hit)
                        return wrapped_title(ctx, units[index + 1 : index + 2], intitule)
            for hit in title_hits(ctx, clean_title(units_text(units))):
                intitule = hit_intitule(ctx, hit)
                if intitule:
                    set_type(draft, hit)
                    return intitule
    return None


def _next_title(ctx: Context, preamble: list[Unit], index: int) -> tuple[str | None, str | None]:
    """The title-like line after a family-only line or a label: the first of
    the next few units, skipping section titles and family-only lines; and the
    family of the contract that line names when it is itself a title (a
    "Référentiel de compétences", a document kind of no family, over "BUT
    <intitulé>"), else None."""
    for unit in preamble[index + 1 : index + 1 + _LOOKAHEAD]:
        if ctx.rules.first("section", unit.text) or ctx.rules.first("title-noise", unit.text):
            continue
        hit = ctx.rules.first("title", clean_title(unit.text))
        if hit is not None and unit.table is None and not unit.is_item:
            # the next line is itself a title ("CQPI <intitulé>"): its intitulé
            family = hit_family(hit)
            return hit_intitule(ctx, hit), family if family in CERTIFICATION_TYPES else None
        if title_like(ctx, unit):
            # "RÉFÉRENTIEL PROFESSIONNEL" + "DE CONSEILLER …": the preposition
            # links the family line to the name, it is not part of the name
            return uncoded(ctx, clean_title(unlinked(ctx, clean_title(unit.text)))), None
        return None, None
    return None, None


def _labelled_below(ctx: Context, unit: Unit, following: list[Unit]) -> str | None:
    """A family-only title line wrapped before the label its title rule reads
    ("… du brevet d'études professionnelles agricoles" / "spécialité <nom>"):
    the two lines read as one give the intitulé, when the rule took the next
    line's opening words as its label (the name is a proper end of that line)."""
    below = continuation(ctx, following)
    if below is None:
        return None
    for hit in title_hits(ctx, f"{clean_title(unit.text)} {below}"):
        name = hit_intitule(ctx, hit)
        if name and len(name) < len(below) and below.endswith(name):
            return name
    return None


def _rncp(ctx: Context) -> str | None:
    """The first RNCP code printed outside a table (its number grouped by
    thousands or not); else the fiche number of the first bloc code
    (RNCP12345BC01 → RNCP12345)."""
    for label in ("rncp", "rncp-bloc"):
        for unit in ctx.units:
            hit = ctx.rules.first(label, unit.text) if unit.table is None else None
            if hit is not None:
                return f"RNCP{''.join((hit.group('code') or '').split())}"  # "36 597" is one number
    return None


def _elsewhere(ctx: Context, preamble: list[Unit]) -> list[Unit]:
    """Short units after the preamble, where a title read as a running header
    may come first (raw OCR text reads a page's columns before its header)."""
    return [u for u in ctx.units[len(preamble) :] if u.table is None and len(u.text) < 160]


def _preamble(ctx: Context) -> list[Unit]:
    """The units before the first table or bloc heading."""
    return _until_first_bloc(ctx, stop_at_table=True)


def _before_blocs(ctx: Context) -> list[Unit]:
    """The units outside tables before the first bloc heading (a synthesis
    table may come before the description of the job)."""
    return _until_first_bloc(ctx, stop_at_table=False)


def _until_first_bloc(ctx: Context, stop_at_table: bool, open_tables: bool = False) -> list[Unit]:
    """The units before the first bloc heading; a table ends them, is skipped,
    or (``open_tables``) gives its cells' units."""
    out: list[Unit] = []
    for unit in ctx.units:
        if unit.table is not None:
            if stop_at_table:
                break
            if open_tables:
                rows = unit.table.block.rows
                out.extend(u for row in rows for cell in row.cells for u in cell_units(cell))
            continue
        if is_bloc_heading(ctx, unit.text) or ctx.rules.first("fiche-enonce", unit.text):
            break  # a bloc, or the head of the statement a fiche opens its bloc with
        out.append(unit)
    return out
