"""One title line of a certification: the title rules' hits on it, the family
and the intitulé a hit names, and the line a title wraps onto (read by
:mod:`.certification`)."""

from __future__ import annotations

import re

from ..docmodel import Kind
from ..models import CERTIFICATION_TYPES
from ..rules import Hit
from ..textclean import ends_sentence, starts_lower
from .capitalname import capital_name
from .description import STRUCTURAL
from .draft import Context, Draft, Unit

_NO_TYPE = "NONE"  # a title rule's value for a family outside the contract's list
QUOTES = "«»\"“”' \u00a0\u202f"
_PAIRS = (('"', '"'), ("«", "»"), ("“", "”"))  # quotes that open and close a quoted word
_PARTS = 2  # document parts a title line may open on: an annex, then a fiche
_SHORT = 150  # characters: a longer line is no title, nor its continuation
#: a name in quotes that a sentence goes on after ("« <name> » atteste …"):
#: the quotes end the name
_QUOTED_IN_SENTENCE = re.compile(
    r"^\s*[«\"“]\s*(?P<name>[^«»\"“”]{3,150}?)\s*[»\"”]\s+(?=[a-zà-ÿ])"
)
#: where a family is named after the spécialité's name ("… du BPJEPS", "… de la licence")
_LINK = re.compile(r"\s(?:du|de\s+la|de\s+l['’]\s*|d['’]\s*)\s*", re.IGNORECASE)
_DOTTED_ACRONYM = re.compile(r"(?<![\w.])(?:[A-ZÀ-Ý]\.){2,}\s*$")
#: an acronym written with a full stop after each capital ("B.P.J.E.P.S.", the last
#: stop possibly cut by the title's cleaning)
_DOTTED = re.compile(r"(?<![\w.])(?:[A-ZÀ-Ý]\.\s?){2,}[A-ZÀ-Ý]?(?![\w.])")


def title_hits(ctx: Context, text: str) -> list[Hit]:
    """The title rules' hits on a line, or on what follows a document-kind
    prefix ("Extrait du référentiel de certification du …"), after the document
    part the line opens on ("ANNEXE D – fiche Ressource …")."""
    text = unparted(ctx, text)
    hits = list(ctx.rules.hits("title", text))
    if not hits and _DOTTED.search(text):  # the family's acronym written with stops
        text = undotted(text)
        hits = list(ctx.rules.hits("title", text))
    prefix = ctx.rules.first("title-prefix", text) if not hits else None
    if prefix is not None:
        hits = list(ctx.rules.hits("title", text[prefix.match.end() :]))
    return hits or family_last(ctx, text)


def family_last(ctx: Context, text: str) -> list[Hit]:
    """The title rules' hits on a spécialité named before its family ("… de la
    spécialité activités nautiques du BPJEPS", rules ``title-specialty``), read
    as the family then the name ("BPJEPS activités nautiques"); the family is
    what follows the last linking word that leaves only a family's name."""
    specialty = ctx.rules.first("title-specialty", text)
    if specialty is None:
        return []
    named = specialty.group("named") or ""
    for link in reversed(list(_LINK.finditer(named))):
        family = [h for h in ctx.rules.hits("title", named[link.end() :]) if _bare(ctx, h)]
        name = clean_title(named[: link.start()])
        if family and name:
            return list(ctx.rules.hits("title", f"{named[link.end() :]} {name}"))
    return []


def _bare(ctx: Context, hit: Hit) -> bool:
    """Whether a title hit names a family of the contract's list and nothing else."""
    return hit_family(hit) in CERTIFICATION_TYPES and hit_intitule(ctx, hit) is None


def undotted(text: str) -> str:
    """The text with its dotted acronyms written as one word ("B.P.J.E.P.S. Activités
    nautiques" → "BPJEPS Activités nautiques"): the same acronym."""
    return _DOTTED.sub(lambda m: re.sub(r"[.\s]", "", m.group()), text)


def unparted(ctx: Context, text: str) -> str:
    """The line without the document parts it opens on ("Annexe I b : ",
    "fiche Ressource ")."""
    for _ in range(_PARTS):
        part = ctx.rules.first("title-part", text)
        if part is None:
            break
        text = text[part.match.end() :]
    return text


def set_type(draft: Draft, hit: Hit) -> bool:
    """Set the type from a title hit; whether the hit names the family."""
    kind = hit_family(hit)
    if draft.type is None and kind in CERTIFICATION_TYPES:
        draft.type = kind
    return kind in CERTIFICATION_TYPES or kind == _NO_TYPE


def hit_family(hit: Hit) -> str:
    """The family a title hit names ('' when none)."""
    return (hit.group("type") or hit.rule.value or "").upper()


#: the article a sentence whose subject is a certification opens on ("Le CQP …")
SUBJECT = re.compile(r"^(?:le|la|l['’])\s*", re.IGNORECASE)
_NAME_END = re.compile(r"[.,;:()«»\"“”]")  # a name in a sentence ends at punctuation


def sentence_name(hit: Hit) -> str:
    """The name a title hit read inside a sentence gives: its intitulé's words,
    opening quotes left off, up to the first punctuation mark."""
    return _NAME_END.split((hit.group("intitule") or "").lstrip(QUOTES), maxsplit=1)[0]


def hit_intitule(ctx: Context, hit: Hit) -> str | None:
    """The hit's intitulé (without a parenthesis naming the document, "(fiche
    nationale)"), or None when the line names only the family."""
    named = hit.group("intitule") or ""
    quoted = _QUOTED_IN_SENTENCE.match(named)
    if quoted is not None:
        named = quoted.group("name")
    return intitule_text(ctx, uncoded(ctx, capital_name(clean_title(named))))


def intitule_text(ctx: Context, text: str) -> str | None:
    """A name without its aside (a parenthesis naming the document, a
    parcours, a year or session), or None when only noise is left."""
    aside = ctx.rules.first("title-aside", text)
    if aside is not None:
        text = clean_title(text[: aside.match.start()])
    if not text or ctx.rules.first("title-noise", text) is not None:
        return None
    return text


def continuation(ctx: Context, following: list[Unit], linked: bool = False) -> str | None:
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
    return clean_title(text)


def unlinked(ctx: Context, text: str) -> str:
    """The text without the preposition opening it ("DE CONSEILLER …")."""
    link = ctx.rules.first("title-link", text)
    return text[link.match.end() :] if link is not None and link.group("preposition") else text


def wrapped_title(ctx: Context, following: list[Unit], intitule: str) -> str:
    """The intitulé with the next line when the title wraps onto it (a
    continuation opening on a linking word)."""
    below = continuation(ctx, following, linked=True)
    return intitule if below is None else f"{intitule} {below}"


def uncoded(ctx: Context, text: str) -> str:
    """A title line without the certification code printed before the name
    ("TP-01280m03  Développeur(se) …" → "Développeur(se) …")."""
    code = ctx.rules.first("title-code", text)
    return text[code.match.end() :] if code is not None else text


def title_like(ctx: Context, unit: Unit) -> bool:
    """A short line printed as a name: not a sentence, a list item, a
    'Label : value' line, or a structural cue."""
    return name_shaped(unit) and not any(ctx.rules.first(s, unit.text) for s in STRUCTURAL)


def name_shaped(unit: Unit) -> bool:
    """A short line outside tables and lists, no sentence nor 'Label : value'
    (a final period that closes a dotted acronym, "du D.E.C.E.S.F.", ends no
    sentence)."""
    text = unit.text
    if unit.table is not None or unit.is_item or not text or len(text) > _SHORT:
        return False
    sentence = ends_sentence(text) and not _DOTTED_ACRONYM.search(text)
    return not (":" in text or sentence or starts_lower(text))


def clean_title(text: str) -> str:
    """An intitulé without surrounding quotes, spaces or final full stop; a
    quote closing a word quoted inside it stays (« Conducteur routier
    "marchandises" »)."""
    text = text.strip().rstrip(" .")
    start = len(text) - len(text.lstrip(QUOTES))
    core = text.strip(QUOTES)
    tail = text[start + len(core) :]
    for opening, closing in _PAIRS:
        unmatched = (
            core.count(opening) % 2 == 1
            if opening == closing
            else core.count(opening) > core.count(closing)
        )
        if unmatched and closing in tail:
            core += tail[: tail.index(closing) + 1]
            break
    return core.rstrip(" .").strip()


def named_above(ctx: Context, preamble: list[Unit], index: int) -> str | None:
    """The name a family line qualifies when the family follows the name
    (``title-family``: "<profession>" over "avec certificat fédéral de capacité
    (CFC)"): the name on the same line, else the short heading just above."""
    hit = ctx.rules.first("title-family", preamble[index].text)
    if hit is None:
        return None
    if named := clean_title(hit.group("name") or ""):
        return named
    above = preamble[index - 1] if index else None
    if above is None or above.kind is not Kind.HEADING or above.table is not None:
        return None
    text = clean_title(above.text)
    shaped = text and len(text) <= _SHORT and ":" not in text and not ends_sentence(text)
    return text if shaped else None
