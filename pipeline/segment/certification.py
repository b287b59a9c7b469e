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
* the description is read by :mod:`.description`.
"""

from __future__ import annotations

import re

from ..docmodel import Kind
from ..models import CERTIFICATION_TYPES
from ..nlp import name_before_verb
from ..rules import Hit
from ..textclean import ends_sentence, fold, starts_lower
from .capitalname import capital_name
from .description import STRUCTURAL, describe
from .draft import Context, Draft, Unit, cell_units
from .quotedtitle import quoted_title
from .state import is_bloc_heading

_NO_TYPE = "NONE"  # a title rule's value for a family outside the contract's list
_QUOTES = "«»\"“”' \u00a0\u202f"
_LOOKAHEAD = 3  # units read after a family-only line or a label for the intitulé
# where a family is named inside a sentence: after "du", "au", "de la", "de l'"
_MENTION = re.compile(r"\b(?:du|au|de\s+la|de\s+l['’])\s*", re.IGNORECASE)
_NAME_END = re.compile(r"[.,;:()«»\"“”]")  # a name in a sentence ends at punctuation


def certification(ctx: Context) -> None:
    """Fill the draft's certification fields."""
    preamble = _preamble(ctx)
    draft = ctx.draft
    _title(ctx, draft, preamble)
    draft.type = draft.type or _family_by_levels(ctx) or _subject_family(ctx, draft)
    draft.intitule = draft.intitule or quoted_title(preamble)  # after the type: none names it
    draft.code_rncp = _rncp(ctx)
    draft.description = describe(ctx, preamble, _before_blocs(ctx))


def _title(ctx: Context, draft: Draft, preamble: list[Unit]) -> None:
    """Type and intitulé: the preamble first, then short units further on (a
    title read as a running header may come late in raw OCR text)."""
    typed = False  # the family is known (a CQP type, or a family with none)
    for index, unit in enumerate(preamble):
        following = preamble[index + 1 : index + 2]  # the line a title may wrap onto
        for hit in _title_hits(ctx, _clean(unit.text)):
            if draft.intitule is None and _intitule(ctx, hit) is None and _family(hit):
                # family-only lines in a row ("Licence professionnelle" over
                # "« Bachelor universitaire de technologie »"): the last one,
                # nearest the intitulé, names the family
                draft.type = None
            typed = _type(draft, hit) or typed
            if draft.intitule is None:
                intitule = _intitule(ctx, hit)
                if intitule and _family(hit) not in CERTIFICATION_TYPES:
                    intitule = _acronym_named(_clean(unit.text)) or intitule
                if intitule:
                    intitule = _wrapped(ctx, following, intitule)
                else:
                    intitule, family = _next_title(ctx, preamble, index)
                    draft.type = draft.type or family
                    intitule = intitule or _labelled_below(ctx, unit, following)
                draft.intitule = intitule
        if draft.intitule is None and not typed:
            draft.intitule = _subject_named(ctx, unit, following)
            typed = draft.intitule is not None
        if draft.intitule is None:
            label = ctx.rules.first("title-label", unit.text)
            if label is not None:
                named = _clean(label.group("intitule") or "")
                hits = [h for h in _title_hits(ctx, named) if _intitule(ctx, h)]
                if hits:  # "Intitulé : titre professionnel <intitulé>": a title line
                    typed = _type(draft, hits[0]) or typed
                    named = _intitule(ctx, hits[0]) or named
                draft.intitule = named or _next_title(ctx, preamble, index)[0]
        if draft.intitule is not None and typed:
            return
    for unit in _elsewhere(ctx, preamble):
        for hit in _title_hits(ctx, unit.text):
            typed = _type(draft, hit) or typed
            if draft.intitule is None:
                draft.intitule = _intitule(ctx, hit)
        if draft.intitule is not None and typed:
            return
    if draft.intitule is None:
        _decreed(ctx, draft)
    if draft.intitule is None:
        draft.intitule = _table_label(ctx, draft)
    if draft.intitule is None:
        draft.intitule = _lone_title(ctx, preamble)
    if draft.intitule is None:
        draft.intitule = _acronym_spelled(ctx, preamble)
    if draft.intitule is None:
        _in_prose(ctx, draft)
    if draft.intitule is None:
        _banded(ctx, draft)


def _banded(ctx: Context, draft: Draft) -> None:
    """Nothing in the body names the document: the running band may (a
    programme's subject after its cycle, a certification's title printed on
    every page); the first band line a ``title-band`` or title rule reads."""
    for band in ctx.document.bands:
        text = _clean(band.text)
        found = ctx.rules.first("title-band", text)
        if found is not None:
            draft.intitule = _intitule_text(ctx, _clean(found.group("intitule") or ""))
            return
        for hit in _title_hits(ctx, text):
            intitule = _intitule(ctx, hit)
            if intitule:
                _type(draft, hit)
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
            if hit is not None and _family(hit) in CERTIFICATION_TYPES:
                draft.type = draft.type or _family(hit)
                break
        draft.intitule = _clean(decree.group("intitule") or "") or None
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
            kind = _family(hit) if hit else ""
            if hit is not None and kind in CERTIFICATION_TYPES:
                name = (hit.group("intitule") or "").lstrip(_QUOTES)  # « … » quotes it
                words = _NAME_END.split(name, maxsplit=1)[0].split()
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


_SUBJECT = re.compile(r"^(?:le|la|l['’])\s*", re.IGNORECASE)


def _subject_family(ctx: Context, draft: Draft) -> str | None:
    """Nothing names the certification: a sentence before the blocs whose
    subject is the certification family itself ("Le certificat … comporte …",
    the text defining what such a certificate contains) gives the type, no
    intitulé; the first such sentence decides."""
    if draft.intitule is not None:
        return None
    for unit in _before_blocs(ctx):
        subject = _SUBJECT.match(unit.text)
        if unit.is_item or subject is None or not ends_sentence(unit.text):
            continue
        hit = next(ctx.rules.hits("title", unit.text[subject.end() :]), None)
        if hit is not None:
            kind = _family(hit)
            return kind if kind in CERTIFICATION_TYPES else None
    return _named_family(ctx)


# where a family is named in a sentence, plural links included ("des", "aux")
_FAMILY_LINK = re.compile(r"\b(?:du|au|aux|des|de\s+la|de\s+l['’])\s*", re.IGNORECASE)


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
        for link in _FAMILY_LINK.finditer(unit.text):
            hit = next(ctx.rules.hits("title", unit.text[link.end() :]), None)
            kind = _family(hit) if hit is not None else ""
            if kind in CERTIFICATION_TYPES:
                kinds.add(kind)
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
        name = name_before_verb(hit.group("intitule") or "") if hit is not None else None
        if hit is not None and name:
            kind = _family(hit)
            draft.type = draft.type or (kind if kind in CERTIFICATION_TYPES else None)
            draft.intitule = name
            return


_ACRONYM = re.compile(r"^(?P<name>.+?)\s*\(\s*(?P<acronym>[A-Z]{2,10})\s*\)$")
_LINKS = frozenset({"a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les"})


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
    words = [w for w in re.split(r"[\s'’-]+", fold(name)) if w not in _LINKS]
    return "".join(w[0] for w in words if w)


_CAPITALS = re.compile(r"(?<![\w.])(?-i:[A-Z]{3,10})(?![\w.])")


def _acronym_spelled(ctx: Context, preamble: list[Unit]) -> str | None:
    """No title names the certification: a name-shaped line of the preamble
    whose words' initials spell an acronym the document prints elsewhere
    ("Diplôme préparateur en pharmacie hospitalière" and the unit headings'
    "… DU DPPH") is its own name, whole, as a line followed by its acronym
    in brackets is (:func:`_acronym_named`)."""
    seen = {id(unit) for unit in preamble}
    acronyms = {
        found.lower()
        for unit in ctx.units
        if id(unit) not in seen
        for found in _CAPITALS.findall(unit.text)
    }
    for unit in preamble:
        text = _clean(unit.text)
        if _name_shaped(unit) and len(text.split()) > 2 and _initials(text) in acronyms:
            return text
    return None


def _title_hits(ctx: Context, text: str) -> list[Hit]:
    """The title rules' hits on a line, or on what follows a document-kind
    prefix ("Extrait du référentiel de certification du …"), after the document
    part the line opens on ("ANNEXE D – fiche Ressource …")."""
    text = _unparted(ctx, text)
    hits = list(ctx.rules.hits("title", text))
    prefix = ctx.rules.first("title-prefix", text) if not hits else None
    if prefix is not None:
        hits = list(ctx.rules.hits("title", text[prefix.match.end() :]))
    return hits


def _unparted(ctx: Context, text: str) -> str:
    """The line without the document parts it opens on ("Annexe I b : ",
    "fiche Ressource ")."""
    for _ in range(_PARTS):
        part = ctx.rules.first("title-part", text)
        if part is None:
            break
        text = text[part.match.end() :]
    return text


_PARTS = 2  # document parts a title line may open on: an annex, then a fiche
_SHORT = 150  # characters: a longer line is no title, nor its continuation


def _subject_named(ctx: Context, unit: Unit, following: list[Unit]) -> str | None:
    """A title line naming the document's kind then what it is of, which no
    title rule reads ("Référentiel de compétences du certificat de capacité
    d'…", "… des techniciens supérieurs …"): that subject is the
    certification's own name, of a family outside the contract's list. The
    subject may be wrapped onto the next heading ("Référentiel des compétences
    de la" / "spécialité …")."""
    if not _name_shaped(unit):
        return None  # the kind may read as a section cue ("Référentiel de compétences")
    text = _unparted(ctx, _clean(unit.text))
    prefix = ctx.rules.first("title-prefix", text)
    heads = [u for u in following if u.kind is Kind.HEADING and unit.kind is Kind.HEADING]
    below = _continuation(ctx, heads)
    if prefix is None and below is not None:
        text = f"{text} {below}"
        prefix = ctx.rules.first("title-prefix", text)
    name = _clean(text[prefix.match.end() :]) if prefix is not None else ""
    if not name or ctx.rules.first("title", name) or ctx.rules.first("title-noise", name):
        return None
    return _intitule_text(ctx, name)


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
    title sets the type when none is known."""
    for unit in ctx.units:
        rows = unit.table.block.rows if unit.table is not None else []
        for cell in rows[0].cells if rows else []:
            units = cell_units(cell)
            for inner in units:
                label = ctx.rules.first("title-label", inner.text)
                named = _clean(label.group("intitule") or "") if label else ""
                if named:
                    return named
            for hit in _title_hits(ctx, _clean(" ".join(u.text for u in units))):
                intitule = _intitule(ctx, hit)
                if intitule:
                    _type(draft, hit)
                    return intitule
    return None


def _lone_title(ctx: Context, preamble: list[Unit]) -> str | None:
    """Nothing names the certification: the document's only level-1 heading,
    printed as a name, is its intitulé."""
    titles = [u for u in preamble if u.kind is Kind.HEADING and u.level == 1]
    if len(titles) != 1 or not _title_like(ctx, titles[0]) or _PART.match(titles[0].text):
        return None
    return _clean(titles[0].text)


# one word and a number or letter ("Semestre 1", "Partie II", "Annexe A"): a numbered part, no name
_PART = re.compile(r"^\s*[^\W\d_]+\s+(?:\d+|[IVXLC]+|[A-Z])\s*$")


def _type(draft: Draft, hit: Hit) -> bool:
    """Set the type from a title hit; whether the hit names the family."""
    kind = _family(hit)
    if draft.type is None and kind in CERTIFICATION_TYPES:
        draft.type = kind
    return kind in CERTIFICATION_TYPES or kind == _NO_TYPE


def _family(hit: Hit) -> str:
    """The family a title hit names ('' when none)."""
    return (hit.group("type") or hit.rule.value or "").upper()


def _intitule(ctx: Context, hit: Hit) -> str | None:
    """The hit's intitulé (without a parenthesis naming the document, "(fiche
    nationale)"), or None when the line names only the family."""
    return _intitule_text(ctx, _uncoded(ctx, capital_name(_clean(hit.group("intitule") or ""))))


def _intitule_text(ctx: Context, text: str) -> str | None:
    """A name without its aside (a parenthesis naming the document, a
    parcours, a year or session), or None when only noise is left."""
    aside = ctx.rules.first("title-aside", text)
    if aside is not None:
        text = _clean(text[: aside.match.start()])
    if not text or ctx.rules.first("title-noise", text) is not None:
        return None
    return text


def _next_title(ctx: Context, preamble: list[Unit], index: int) -> tuple[str | None, str | None]:
    """The title-like line after a family-only line or a label: the first of
    the next few units, skipping section titles and family-only lines; and the
    family of the contract that line names when it is itself a title (a
    "Référentiel de compétences", a document kind of no family, over "BUT
    <intitulé>"), else None."""
    for unit in preamble[index + 1 : index + 1 + _LOOKAHEAD]:
        if ctx.rules.first("section", unit.text) or ctx.rules.first("title-noise", unit.text):
            continue
        hit = ctx.rules.first("title", _clean(unit.text))
        if hit is not None and unit.table is None and not unit.is_item:
            # the next line is itself a title ("CQPI <intitulé>"): its intitulé
            family = _family(hit)
            return _intitule(ctx, hit), family if family in CERTIFICATION_TYPES else None
        if _title_like(ctx, unit):
            # "RÉFÉRENTIEL PROFESSIONNEL" + "DE CONSEILLER …": the preposition
            # links the family line to the name, it is not part of the name
            return _uncoded(ctx, _clean(_unlinked(ctx, _clean(unit.text)))), None
        return None, None
    return None, None


def _labelled_below(ctx: Context, unit: Unit, following: list[Unit]) -> str | None:
    """A family-only title line wrapped before the label its title rule reads
    ("… du brevet d'études professionnelles agricoles" / "spécialité <nom>"):
    the two lines read as one give the intitulé, when the rule took the next
    line's opening words as its label (the name is a proper end of that line)."""
    below = _continuation(ctx, following)
    if below is None:
        return None
    for hit in _title_hits(ctx, f"{_clean(unit.text)} {below}"):
        name = _intitule(ctx, hit)
        if name and len(name) < len(below) and below.endswith(name):
            return name
    return None


def _continuation(ctx: Context, following: list[Unit], linked: bool = False) -> str | None:
    """The line a title wraps onto, cleaned: the first of ``following`` when
    it is short, outside tables and lists, no sentence, and (``linked``) opens
    on a linking word ("et de la communication"); else None."""
    if not following:
        return None
    unit = following[0]
    text = unit.text
    if unit.table is not None or unit.is_item or not 0 < len(text) <= _SHORT:
        return None
    if ends_sentence(text) or (linked and ctx.rules.first("title-link", text) is None):
        return None
    return _clean(text)


def _unlinked(ctx: Context, text: str) -> str:
    """The text without the preposition opening it ("DE CONSEILLER …")."""
    link = ctx.rules.first("title-link", text)
    return text[link.match.end() :] if link is not None and link.group("preposition") else text


def _wrapped(ctx: Context, following: list[Unit], intitule: str) -> str:
    """The intitulé with the next line when the title wraps onto it (a
    continuation opening on a linking word)."""
    below = _continuation(ctx, following, linked=True)
    return intitule if below is None else f"{intitule} {below}"


def _uncoded(ctx: Context, text: str) -> str:
    """A title line without the certification code printed before the name
    ("TP-01280m03  Développeur(se) …" → "Développeur(se) …")."""
    code = ctx.rules.first("title-code", text)
    return text[code.match.end() :] if code is not None else text


def _title_like(ctx: Context, unit: Unit) -> bool:
    """A short line printed as a name: not a sentence, a list item, a
    'Label : value' line, or a structural cue."""
    return _name_shaped(unit) and not any(ctx.rules.first(s, unit.text) for s in STRUCTURAL)


def _name_shaped(unit: Unit) -> bool:
    """A short line outside tables and lists, no sentence nor 'Label : value'
    (a final period that closes a dotted acronym, "du D.E.C.E.S.F.", ends no
    sentence)."""
    text = unit.text
    if unit.table is not None or unit.is_item or not text or len(text) > _SHORT:
        return False
    sentence = ends_sentence(text) and not _DOTTED_ACRONYM.search(text)
    return not (":" in text or sentence or starts_lower(text))


_DOTTED_ACRONYM = re.compile(r"(?<![\w.])(?:[A-ZÀ-Ý]\.){2,}\s*$")


def _clean(text: str) -> str:
    """An intitulé without surrounding quotes, spaces or final full stop."""
    return text.strip().strip(_QUOTES).rstrip(" .").strip()


def _rncp(ctx: Context) -> str | None:
    """The first RNCP code printed outside a table; else the fiche number of
    the first bloc code (RNCP12345BC01 → RNCP12345)."""
    for label in ("rncp", "rncp-bloc"):
        for unit in ctx.units:
            hit = ctx.rules.first(label, unit.text) if unit.table is None else None
            if hit is not None:
                return f"RNCP{hit.group('code')}"
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
