"""Stage ``certification``: type, intitulé, RNCP code and description.

Read from the preamble — the units before the first bloc heading or table —
with the rules labelled ``title``, ``title-prefix``, ``title-code``, ``title-label``,
``title-noise``, ``rncp``, ``rncp-bloc``, ``description`` and ``holder``
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
* the description is the text under the first description heading (with a
  list its lead-in sentence opens), else the prose under the document's title,
  else the paragraph whose subject is the certification's holder.
"""

from __future__ import annotations

import re

from ..docmodel import Kind
from ..models import CERTIFICATION_TYPES
from ..nlp import name_before_verb
from ..rules import Hit
from ..textclean import ends_sentence, fold, starts_lower
from .draft import Context, Draft, Unit, cell_units, positions
from .state import is_bloc_heading

_NO_TYPE = "NONE"  # a title rule's value for a family outside the contract's list
_STRUCTURAL = ("section", "bloc", "bloc-unit", "zone", "title", "description", "document-part")
_QUOTES = "«»\"“”' \u00a0\u202f"
_LOOKAHEAD = 3  # units read after a family-only line or a label for the intitulé
# where a family is named inside a sentence: after "du", "au", "de la", "de l'"
_MENTION = re.compile(r"\b(?:du|au|de\s+la|de\s+l['’])\s*", re.IGNORECASE)
_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)*\s*[-–.)]\s")  # a numbered part, not a title
_COMPLEMENT = re.compile(r"^d(?:e\s|['’])", re.IGNORECASE)  # "De piloter …", "d'assurer …"
_NAME_END = re.compile(r"[.,;:()«»\"“”]")  # a name in a sentence ends at punctuation


def certification(ctx: Context) -> None:
    """Fill the draft's certification fields."""
    preamble = _preamble(ctx)
    draft = ctx.draft
    _title(ctx, draft, preamble)
    draft.type = draft.type or _family_by_levels(ctx) or _subject_family(ctx, draft)
    draft.code_rncp = _rncp(ctx)
    draft.description = (
        _description(ctx, preamble)
        or _description(ctx, _before_blocs(ctx))
        or _under_title(ctx, preamble)
        or _holder(ctx, preamble)
        or _cell_description(ctx)
    )


def _title(ctx: Context, draft: Draft, preamble: list[Unit]) -> None:
    """Type and intitulé: the preamble first, then short units further on (a
    title read as a running header may come late in raw OCR text)."""
    typed = False  # the family is known (a CQP type, or a family with none)
    for index, unit in enumerate(preamble):
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
                    intitule = _wrapped(ctx, preamble[index + 1 : index + 2], intitule)
                draft.intitule = intitule or _next_title(ctx, preamble, index)
        if draft.intitule is None:
            label = ctx.rules.first("title-label", unit.text)
            if label is not None:
                draft.intitule = _clean(label.group("intitule") or "") or _next_title(
                    ctx, preamble, index
                )
        if draft.intitule is not None and typed:
            return
    for unit in _elsewhere(ctx, preamble):
        for hit in ctx.rules.hits("title", unit.text):
            typed = _type(draft, hit) or typed
            if draft.intitule is None:
                draft.intitule = _intitule(ctx, hit)
        if draft.intitule is not None and typed:
            return
    if draft.intitule is None:
        draft.intitule = _table_label(ctx, draft)
    if draft.intitule is None:
        draft.intitule = _lone_title(ctx, preamble)
    if draft.intitule is None:
        _in_prose(ctx, draft)


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
    return None


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
    words = [w for w in re.split(r"[\s'’-]+", fold(found.group("name"))) if w not in _LINKS]
    initials = "".join(w[0] for w in words if w)
    return found.group("name") if initials == found.group("acronym").lower() else None


def _title_hits(ctx: Context, text: str) -> list[Hit]:
    """The title rules' hits on a line, or on what follows a document-kind
    prefix ("Extrait du référentiel de certification du …")."""
    hits = list(ctx.rules.hits("title", text))
    prefix = ctx.rules.first("title-prefix", text) if not hits else None
    if prefix is not None:
        hits = list(ctx.rules.hits("title", text[prefix.match.end() :]))
    return hits


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
    text = _uncoded(ctx, _clean(hit.group("intitule") or ""))
    aside = ctx.rules.first("title-aside", text)
    if aside is not None:
        text = _clean(text[: aside.match.start()])
    if not text or ctx.rules.first("title-noise", text) is not None:
        return None
    return text


def _next_title(ctx: Context, preamble: list[Unit], index: int) -> str | None:
    """The title-like line after a family-only line or a label: the first of
    the next few units, skipping section titles and family-only lines."""
    for unit in preamble[index + 1 : index + 1 + _LOOKAHEAD]:
        if ctx.rules.first("section", unit.text) or ctx.rules.first("title-noise", unit.text):
            continue
        hit = ctx.rules.first("title", _clean(unit.text))
        if hit is not None and unit.table is None and not unit.is_item:
            # the next line is itself a title ("CQPI <intitulé>"): its intitulé
            return _intitule(ctx, hit)
        if _title_like(ctx, unit):
            # "RÉFÉRENTIEL PROFESSIONNEL" + "DE CONSEILLER …": the preposition
            # links the family line to the name, it is not part of the name
            return _uncoded(ctx, _clean(_unlinked(ctx, _clean(unit.text))))
        return None
    return None


def _unlinked(ctx: Context, text: str) -> str:
    """The text without the preposition opening it ("DE CONSEILLER …")."""
    link = ctx.rules.first("title-link", text)
    return text[link.match.end() :] if link is not None and link.group("preposition") else text


def _wrapped(ctx: Context, following: list[Unit], intitule: str) -> str:
    """The intitulé with the next line when the title wraps onto it (a short
    line, no sentence, opening on a linking word)."""
    if not following:
        return intitule
    unit = following[0]
    if unit.table is not None or unit.is_item or len(unit.text) > 150 or ends_sentence(unit.text):
        return intitule
    if ctx.rules.first("title-link", unit.text) is None:
        return intitule
    return f"{intitule} {_clean(unit.text)}"


def _uncoded(ctx: Context, text: str) -> str:
    """A title line without the certification code printed before the name
    ("TP-01280m03  Développeur(se) …" → "Développeur(se) …")."""
    code = ctx.rules.first("title-code", text)
    return text[code.match.end() :] if code is not None else text


def _title_like(ctx: Context, unit: Unit) -> bool:
    """A short line printed as a name: not a sentence, a list item, a
    'Label : value' line, or a structural cue."""
    text = unit.text
    if unit.table is not None or unit.is_item or not text or len(text) > 150:
        return False
    if ":" in text or ends_sentence(text) or starts_lower(text):
        return False
    return not any(ctx.rules.first(label, text) for label in _STRUCTURAL)


def _clean(text: str) -> str:
    """An intitulé without surrounding quotes, spaces or final full stop."""
    return text.strip().strip(_QUOTES).rstrip(" .").strip()


def _holder(ctx: Context, preamble: list[Unit]) -> str | None:
    """No description heading nor title: the first paragraph whose subject
    is the holder of the certification ("Le titulaire du CAP … possède …")."""
    for unit in preamble:
        if unit.kind is Kind.PARAGRAPH and ctx.rules.first("holder", unit.text):
            return unit.text if ends_sentence(unit.text) else None
    return None


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
        if is_bloc_heading(ctx, unit.text):
            break
        out.append(unit)
    return out


_TITLE_LINE = 100  # a line this short that ends no sentence is a heading, not prose


def _description(ctx: Context, preamble: list[Unit]) -> str | None:
    """The paragraphs under the first description heading, up to the next
    heading, list, table or structural cue, ending on a finished sentence."""
    for index, unit in enumerate(preamble):
        if unit.is_item or len(unit.text) > 120:
            continue
        if ctx.rules.first("description", unit.text) is None:
            continue
        parts: list[str] = []
        listing = False  # inside a list a sentence of the description opens ("il peut :")
        for at, following in enumerate(preamble[index + 1 :], start=index + 1):
            listing = _continues(following) and (listing or _leads_in(parts))
            if listing:
                parts.append(_item_text(following))
                continue
            if following.kind is not Kind.PARAGRAPH or following.heading_like:
                break
            if _plain_heading(following, preamble[at + 1 : at + 2]):
                break  # a heading printed as a plain line: the description is prose
            if _structural(ctx, following):
                break
            parts.append(following.text)
        while parts and not ends_sentence(parts[-1]):
            parts.pop()  # prose ends a sentence: a line that does not is a wrapped list item
        if parts:
            return " ".join(parts)
    return None


def _cell_description(ctx: Context) -> str | None:
    """A table cell headed as the description ("Compétence globale" over the
    cell below it) holding prose: sentences, no list nor lead-in."""
    for block in ctx.document.blocks:
        rows = block.rows if block.kind is Kind.TABLE else []
        for above, below in zip(rows, rows[1:], strict=False):
            under = dict(positions(below))
            for column, cell in positions(above):
                text = " ".join(u.text for u in cell_units(cell))
                if column not in under or not ctx.rules.first("description-cell", text):
                    continue
                units = cell_units(under[column])
                if units and all(
                    u.kind is Kind.PARAGRAPH and ends_sentence(u.text) and not _leads_in([u.text])
                    for u in units
                ):
                    return " ".join(u.text for u in units)
    return None


def _structural(ctx: Context, unit: Unit) -> bool:
    """A structural cue, not prose: a title rule reads only a line that is no
    sentence ("La licence professionnelle est un diplôme …" is prose)."""
    prose = ends_sentence(unit.text) or len(unit.text) >= _TITLE_LINE
    labels = [label for label in _STRUCTURAL if not (prose and label == "title")]
    return any(ctx.rules.first(label, unit.text) for label in labels)


def _plain_heading(unit: Unit, after: list[Unit]) -> bool:
    """A short line that ends no sentence and is not wrapped (the next line
    does not go on with it in lower case): a heading, not prose."""
    if ends_sentence(unit.text) or len(unit.text) >= _TITLE_LINE:
        return False
    return not (after and after[0].kind is Kind.PARAGRAPH and starts_lower(after[0].text))


def _leads_in(parts: list[str]) -> bool:
    """Whether the last paragraph read ends with a colon: it opens a list."""
    return bool(parts) and parts[-1].rstrip().endswith(":")


def _continues(item: Unit) -> bool:
    """A list item that goes on with the sentence before it: lower-case start
    ("il peut : - poser … ; - réaliser …") or the preposition of the lead-in's
    complement ("lui permet : 1. De piloter … ;"), not an enumeration of
    names ("L'analyse et la construction … ;")."""
    return item.is_item and (starts_lower(item.text) or _COMPLEMENT.match(item.text) is not None)


def _item_text(item: Unit) -> str:
    """A list item of the description, its number kept as printed ("1. De
    piloter … ;"); a bullet is no text."""
    label = (item.label or "").strip()
    return f"{label} {item.text}" if label[:1].isalnum() else item.text


def _side_by_side(left: Unit, right: Unit) -> bool:
    """Whether ``right`` is printed on the same line as ``left``, right of it."""
    a, b = left.bbox, right.bbox
    if a is None or b is None or left.page != right.page or b.x0 < a.x1:
        return False
    return min(a.bottom, b.bottom) > max(a.top, b.top)


def _under_title(ctx: Context, preamble: list[Unit]) -> str | None:
    """No description heading: the sentences right under a document title —
    the only level-1 heading of the preamble, else (a title styled as a plain
    paragraph) a first unit a title rule reads; short subtitle lines and
    title-like lines (an RNCP code line) before the prose are skipped; the
    prose ends at a lead-in (``… doivent être capables :``). A title printed
    beside a page's heading names the programme: the prose is the heading's."""
    titles = [
        i
        for i, u in enumerate(preamble)
        if u.kind is Kind.HEADING and u.level == 1 and not _SECTION_NUMBER.match(u.text)
    ]
    if not titles:
        # a title styled as a plain paragraph, under at most a short banner line
        titles = [
            i for i, u in enumerate(preamble[:2]) if ctx.rules.first("title", u.text) is not None
        ][:1]
        if titles == [1] and _side_by_side(preamble[0], preamble[1]):
            return None  # the programme's name beside a page's heading: the prose is the heading's
    if len(titles) != 1 or any(
        u.kind is Kind.HEADING and u.level <= 1 for u in preamble[titles[0] + 1 :]
    ):
        return None
    parts: list[str] = []
    for unit in preamble[titles[0] + 1 :]:
        if unit.kind is not Kind.PARAGRAPH or unit.is_item or unit.table is not None:
            break
        if not parts and ctx.rules.first("title", unit.text) and not ends_sentence(unit.text):
            continue
        if any(ctx.rules.first(label, unit.text) for label in _STRUCTURAL):
            break
        if unit.text.rstrip().endswith(":"):
            break  # a lead-in: the list it introduces is no description
        if not parts and starts_lower(unit.text):
            break  # prose opens a sentence: a lower-case line is a fragment ("type de …")
        if ends_sentence(unit.text):
            parts.append(unit.text)
        elif parts:
            break
    return " ".join(parts) or None
