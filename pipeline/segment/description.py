"""The certification's description, read from the preamble (with the rules
labelled ``description``, ``description-cell``, ``holder``,
``certification-subject`` and ``not-description``, ``rules/certification.yaml``):

* the text under the first description heading (with a list its lead-in
  sentence opens), in the preamble, else before the first bloc; its first
  paragraphs alone when they are finished sentences on the holder — a bare
  heading numbered under a part on the field ("1.1. Définition" under "1.
  Champ d'activités") defines the field, not the job;
* else the prose under the document's title — under a heading naming only a
  part of a legal text, prose whose subject is the certification or its holder;
* else the first paragraph whose subject is the certification's holder, its
  finished sentences before a sentence leading in to a list, unless it sits
  under a heading on one facet of the level ("Autonomie et responsabilité"),
  or opens on that lead-in;
* else a table cell headed as the description, holding prose (the cell below
  the head, or the head's own cell under its label line); a frame holding a
  description heading over one paragraph holds the description, its last
  sentence finished or not.
"""

from __future__ import annotations

import re

from ..docmodel import Kind
from ..nlp import is_result, is_task
from ..textclean import ends_lead_in, ends_sentence, is_mark, starts_lower
from .draft import Context, Unit, cell_text, cell_units, positions, units_text
from .jobsentences import finished_prose, job_sentences
from .records import record_frames

#: rule labels of structural cues: a line one of them reads is no name nor prose
STRUCTURAL = ("section", "bloc", "bloc-unit", "zone", "title", "description", "document-part")
_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)*\s*[-–.)]\s")  # a numbered part, not a title
_COMPLEMENT = re.compile(r"^d(?:e\s|['’])", re.IGNORECASE)  # "De piloter …", "d'assurer …"


def describe(ctx: Context, preamble: list[Unit], before_blocs: list[Unit]) -> str | None:
    """The description: the first of the readings above that gives one."""
    return (
        _description(ctx, preamble)
        or _description(ctx, before_blocs)
        or _under_title(ctx, preamble)
        or _holder(ctx, preamble)
        or _cell_description(ctx)
    )


_TITLE_LINE = 100  # a line this short that ends no sentence is a heading, not prose


def _description(ctx: Context, preamble: list[Unit]) -> str | None:
    """The paragraphs under the first description heading, up to the next
    heading, list, table or structural cue, ending on a finished sentence."""
    recorded = record_frames(ctx)  # a record's labels name its rows, no part of the document
    for index, unit in enumerate(preamble):
        if unit.is_item or len(unit.text) > 120 or unit.frame in recorded:
            continue
        if ctx.rules.first("description", unit.text) is None or _of_field(ctx, preamble, index):
            continue
        parts: list[str] = []
        listing = False  # inside a list a sentence of the description opens ("il peut :")
        for at, following in enumerate(preamble[index + 1 :], start=index + 1):
            listing = _continues(following) and (listing or _leads_in(parts))
            if listing:
                parts.append(_item_text(following))
                continue
            if not parts and _lone_item(following, preamble[at + 1 : at + 2]):
                parts.append(following.text)  # a frame's value cell printed as a bullet
                continue
            if following.kind is not Kind.PARAGRAPH or following.heading_like:
                break
            if _plain_heading(following, preamble[at + 1 : at + 2]):
                break  # a heading printed as a plain line: the description is prose
            if _label_heading(ctx, parts, following, preamble[at + 1 : at + 2]):
                break  # "Sur le plan réglementaire :" over prose after a finished sentence
            if _structural(ctx, following):
                break
            parts.append(following.text)
        else:
            if _leads_in(parts) and _blocs_follow(ctx, preamble):
                parts = []  # the paragraphs lead in to the blocs: the document's outline
        while parts and not ends_sentence(parts[-1]):
            parts.pop()  # prose ends a sentence: a line that does not is a wrapped list item
        if parts and all(_menu_line(part) for part in parts):
            continue  # a menu of section names under "Résumé de la certification": no prose
        if parts:
            return _holder_alone(ctx, parts) or " ".join(parts)
    return None


def _menu_line(text: str) -> bool:
    """A short line with no full stop: a name (of a section, a tab), not prose."""
    return len(text) < _TITLE_LINE and not text.rstrip().endswith(".")


def _blocs_follow(ctx: Context, preamble: list[Unit]) -> bool:
    """Whether the blocs begin right after ``preamble`` (it ends on a bloc
    heading, not on a table nor the document's end)."""
    if not preamble:
        return False
    last = next((at for at, unit in enumerate(ctx.units) if unit is preamble[-1]), None)
    after = ctx.units[last + 1 : last + 2] if last is not None else []
    return bool(after) and after[0].table is None


def _holder_alone(ctx: Context, parts: list[str]) -> str | None:
    """The first paragraphs under the heading when the first one's subject is
    the holder ("Le titulaire du CAP … intervient …") and it is a finished
    sentence, no lead-in: it states the job, as it does with no heading, with
    the paragraphs after it that go on saying what the holder does ("Il
    utilise …"); the ones after those go on with the situations, the level,
    the context."""
    first = parts[0]
    if len(parts) < 2 or not ctx.rules.first("holder", first) or not finished_prose(first):  # noqa: PLR2004
        return None
    kept = [first]
    for part in parts[1:]:
        if not is_task(part):
            break
        kept.append(part)
    return " ".join(kept)


_SUBPART = re.compile(r"^(?P<parent>\d+(?:\.\d+)*)\.\d+\.?\s+(?P<name>[^\W\d_]+)\s*:?$")


def _of_field(ctx: Context, preamble: list[Unit], index: int) -> bool:
    """Whether the description heading at ``index`` is a bare word numbered
    under a part on something else than the job ("1.1. Définition" under "1.
    Champ d'activités", rules ``not-description``): it defines that part."""
    bare = _SUBPART.match(preamble[index].text)
    if bare is None:
        return False
    parent = re.compile(rf"^{re.escape(bare['parent'])}\.?\s")
    for unit in reversed(preamble[:index]):
        if parent.match(unit.text):
            return _facet(ctx, unit)
    return False


def _cell_description(ctx: Context) -> str | None:
    """A table cell headed as the description ("Compétence globale" over the
    cell below it, or over the next paragraphs of its own cell) holding prose:
    sentences, no list nor lead-in."""
    for block in ctx.document.blocks:
        rows = block.rows if block.kind is Kind.TABLE else []
        for row in rows:
            for cell in row.cells:
                units = cell_units(cell)
                headed = len(units) > 1 and ctx.rules.first("description-cell", units[0].text)
                if headed and _prose(units[1:]):
                    return units_text(units[1:])
                if _framed(ctx, units):
                    return units[1].text
        for above, below in zip(rows, rows[1:], strict=False):
            under = dict(positions(below))
            for column, cell in positions(above):
                text = cell_text(cell)
                if column not in under or not ctx.rules.first("description-cell", text):
                    continue
                units = cell_units(under[column])
                if units and _prose(units):
                    return units_text(units)
    return None


def _framed(ctx: Context, units: list[Unit]) -> bool:
    """A frame holding a description heading ("FINALITÉ") over one paragraph
    of prose: the frame's edge ends the paragraph, a finished sentence or not
    (no list item wraps out of a frame); a short line is a title, a lead-in
    opens a list."""
    if len(units) != 2 or ctx.rules.first("description", units[0].text) is None:
        return False
    text = units[1]
    return (
        text.kind is Kind.PARAGRAPH
        and not text.is_item
        and len(text.text) >= _TITLE_LINE
        and not ends_lead_in(text.text)
    )


def _prose(units: list[Unit]) -> bool:
    """Paragraphs each ending a sentence, none leading in to a list."""
    return all(u.kind is Kind.PARAGRAPH and finished_prose(u.text) for u in units)


def _structural(ctx: Context, unit: Unit) -> bool:
    """A structural cue, not prose: a title rule reads only a line that is no
    sentence ("La licence professionnelle est un diplôme …" is prose)."""
    prose = ends_sentence(unit.text) or len(unit.text) >= _TITLE_LINE
    labels = [label for label in STRUCTURAL if not (prose and label == "title")]
    return any(ctx.rules.first(label, unit.text) for label in labels)


def _plain_heading(unit: Unit, after: list[Unit]) -> bool:
    """A short line that ends no sentence and is not wrapped (the next line
    does not go on with it in lower case): a heading, not prose."""
    if ends_sentence(unit.text) or len(unit.text) >= _TITLE_LINE:
        return False
    return not (after and after[0].kind is Kind.PARAGRAPH and starts_lower(after[0].text))


def _label_heading(ctx: Context, parts: list[str], unit: Unit, after: list[Unit]) -> bool:
    """A short label line ending with a colon, after a finished sentence and
    over a paragraph (no list), that states nothing ("Sur le plan réglementaire
    :", not "La durée de la formation est de 195 h :"): the heading of another
    part, not prose."""
    return (
        bool(parts)
        and ctx.options.use_nlp
        and not _leads_in(parts)
        and ends_sentence(parts[-1])
        and ends_lead_in(unit.text)
        and len(unit.text) < _TITLE_LINE
        and bool(after)
        and after[0].kind is Kind.PARAGRAPH
        and not is_result(unit.text.rstrip(" :"))
    )


def _leads_in(parts: list[str]) -> bool:
    """Whether the last paragraph read ends with a colon: it opens a list."""
    return bool(parts) and ends_lead_in(parts[-1])


def _continues(item: Unit) -> bool:
    """A list item that goes on with the sentence before it: lower-case start
    ("il peut : - poser … ; - réaliser …") or the preposition of the lead-in's
    complement ("lui permet : 1. De piloter … ;"), not an enumeration of
    names ("L'analyse et la construction … ;")."""
    return item.is_item and (starts_lower(item.text) or _COMPLEMENT.match(item.text) is not None)


def _lone_item(item: Unit, after: list[Unit]) -> bool:
    """A list item of one finished sentence with no item after it: the
    value a labelled frame prints as a bullet under its description label
    ("Mission générale" over "• Il assure …", then the next label)."""
    alone = not after or not after[0].is_item
    return item.is_item and alone and finished_prose(item.text)


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
    prose ends at a lead-in (``… doivent être capables :``). Under a heading
    naming only a part of a legal text ("Article Annexe I"), with no title line
    below it naming the certification (a bare "RÉFÉRENTIEL PROFESSIONNEL" right
    over the prose names nothing), the prose is the description only when its subject is the
    certification or its holder. A title printed
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
    part_only = ctx.rules.first("document-part", preamble[titles[0]].text) is not None
    below = preamble[titles[0] + 1 :]
    for at, unit in enumerate(below):
        if unit.kind is not Kind.PARAGRAPH or unit.is_item or unit.table is not None:
            break
        if not parts and ctx.rules.first("title", unit.text) and not ends_sentence(unit.text):
            # a title line names the certification under the part's heading, unless it
            # names only the kind of référentiel and prose follows it at once
            after = below[at + 1 : at + 2]
            named = not _bare_title(ctx, unit) or not (after and _prose(after))
            part_only = part_only and not named
            continue
        if any(ctx.rules.first(label, unit.text) for label in STRUCTURAL):
            break
        if ends_lead_in(unit.text):
            break  # a lead-in: the list it introduces is no description
        if not parts and starts_lower(unit.text):
            break  # prose opens a sentence: a lower-case line is a fragment ("type de …")
        if not parts and part_only and not _about_certification(ctx, unit.text):
            return None  # an annex's introduction (its field, its history), not the job's
        if ends_sentence(unit.text) and not is_mark(unit.text):
            parts.append(unit.text)  # a lone '.' between two tables is a separator, no prose
        elif parts:
            break
    return " ".join(parts) or None


def _bare_title(ctx: Context, unit: Unit) -> bool:
    """Whether a title line names neither a family nor a certification
    ("RÉFERENTIEL PROFESSIONNEL" alone: the kind of document only)."""
    hit = ctx.rules.first("title", unit.text)
    if hit is None or hit.rule.value != "none":
        return False
    return not (hit.match.groupdict().get("intitule") or "").strip()


def _about_certification(ctx: Context, text: str) -> bool:
    """Whether a sentence's subject is the certification itself ("Le certificat
    … constitue …") or its holder ("Le titulaire du CAP … possède …")."""
    return any(ctx.rules.first(label, text) for label in ("certification-subject", "holder"))


def _holder(ctx: Context, preamble: list[Unit]) -> str | None:
    """No description heading nor title: the first paragraph whose subject
    is the holder of the certification ("Le titulaire du CAP … possède …"),
    its finished sentences before a lead-in (:mod:`.jobsentences`) — a lead-in
    ("… doit être capable de :") opens the list of its units, no description."""
    for index, unit in enumerate(preamble):
        if unit.kind is Kind.PARAGRAPH and ctx.rules.first("holder", unit.text):
            if index and _facet(ctx, preamble[index - 1]):
                continue  # the holder's autonomy, one facet of the level, not the job
            return job_sentences(unit.text)
    return None


def _facet(ctx: Context, unit: Unit) -> bool:
    """A heading line over prose on one facet of the level ("Autonomie et
    responsabilité"), never the description."""
    facet = ctx.rules.first("not-description", unit.text)
    return facet is not None and not ends_sentence(unit.text)
