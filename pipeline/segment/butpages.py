"""B.U.T. référentiels whose compétences carry no number or bloc word.

In a B.U.T. each compétence is a bloc (contract, 'Families and levels'). When
no bloc heading is found by the rules or the outline, the document's own
layout says where the compétences are: each one heads a page of its own with
a bold statement opening on an infinitive ("Administrer les réseaux et
l'Internet"), its composantes, niveaux and apprentissages critiques around it
in any reading order; an overview page naming several of them side by side
is a summary (a reference to the blocs, not content), where the compétence's
short name printed on the same line as its statement is its code.

A statement read from a picture may be neither bold (light text on a dark
fill) nor outside a table, nor even open on a word the model knows (a garbled
verb): a page that prints one short name with its statement beside it on the
same line, and carries coded apprentissages critiques, is that compétence's
page all the same; a page printing several such pairs is a summary.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..nlp import is_action
from ..textclean import starts_lower
from .content import competence_code, is_composante
from .draft import Context, Unit, norm_text
from .state import is_bloc_heading, is_cue

_STRAY = re.compile(r"^[^\w«(]+\s+")  # marks alone before a statement (a box edge read)
_MAX_TITLE = 120  # characters: a longer bold line is prose, not a compétence's statement


@dataclass
class CompetencePages:
    """Where a B.U.T.'s compétences stand: one page each, and the summary pages."""

    titles: dict[int, Unit] = field(default_factory=dict)  # page → its compétence's statement
    summaries: set[int] = field(default_factory=set)  # pages naming several compétences
    codes: dict[str, str] = field(default_factory=dict)  # statement (folded) → short name
    names: dict[int, str] = field(default_factory=dict)  # id of a statement → its wrapped text
    wraps: set[int] = field(default_factory=set)  # ids of the lines a statement wrapped onto
    shorts: set[int] = field(default_factory=set)  # ids of short names beside a page's statement

    def used(self, unit: Unit) -> bool:
        """Whether ``unit`` is read with its page's statement (a wrapped line, the short name)."""
        return id(unit) in self.wraps or id(unit) in self.shorts

    def name(self, title: Unit) -> str:
        """A statement's text with the lines it wrapped onto."""
        return self.names.get(id(title), title.text)


def competence_pages(ctx: Context) -> CompetencePages | None:
    """The compétence pages of a B.U.T. without bloc headings; None otherwise
    (another family, bloc headings found, fewer than two such pages)."""
    if ctx.draft.type != "BUT" or not ctx.options.use_nlp:
        return None
    if any(is_bloc_heading(ctx, u.text) for u in ctx.units):
        return None
    by_page: dict[int, list[Unit]] = defaultdict(list)
    pages = CompetencePages()
    level_names = _level_names(ctx)
    for index, unit in enumerate(ctx.units):
        if unit.page is not None and _statement_title(ctx, unit):
            by_page[unit.page].append(unit)
            wraps = _wrapped_lines(unit, ctx.units[index + 1 :])
            if wraps:
                pages.names[id(unit)] = " ".join([unit.text, *(w.text for w in wraps)])
                pages.wraps.update(id(w) for w in wraps)
    pages.titles = {
        page: found[0]
        for page, found in by_page.items()
        if len(found) == 1 and id(found[0]) not in level_names
    }
    pages.summaries = {page for page, found in by_page.items() if len(found) > 1}
    _named_pages(ctx, pages)
    if len(pages.titles) < 2:
        return None
    _named_statements(ctx, pages)
    for unit in ctx.units:
        if unit.page in pages.summaries and _short_name(unit):
            for title in by_page[unit.page]:
                if title.line == unit.line:
                    pages.codes.setdefault(norm_text(pages.name(title)), unit.text.strip())
    return pages


def _level_names(ctx: Context) -> set[int]:
    """Ids of the units printed as a level's name under its "Niveau N" line:
    a niveau's statement, not its compétence's, however bold it reads (several
    on a page still make it a summary: the grid of the niveaux)."""
    found: set[int] = set()
    level: Unit | None = None
    for unit in ctx.units:
        if ctx.rules.first("niveau", unit.text):
            level = unit
        elif level is not None and under_level(level, unit):
            found.add(id(unit))
    return found


def under_level(level: Unit, unit: Unit) -> bool:
    """Whether ``unit`` stands below a "Niveau N" line, centred in its column
    on the same page (the level's name, beside its apprentissages critiques)."""
    box, above = unit.bbox, level.bbox
    if box is None or above is None or unit.page != level.page or box.top < above.top:
        return False
    return above.x0 <= (box.x0 + box.x1) / 2 <= above.x1


def _named_pages(ctx: Context, pages: CompetencePages) -> None:
    """Add the pages a short name and its statement beside it head: one pair
    on a page of coded lines is its compétence's page, several a summary."""
    pairs: dict[int, list[tuple[Unit, Unit]]] = defaultdict(list)
    coded: set[int] = set()
    for unit in ctx.units:
        if unit.page is None:
            continue
        if competence_code(ctx, unit.text):
            coded.add(unit.page)
        statement = _beside(ctx, unit) if _short_name(unit, bold=False) else None
        if statement is not None:
            pairs[unit.page].append((unit, statement))
    for page, found in pairs.items():
        if page in pages.titles:  # its statement read bold: a short name beside it is its code
            for name, statement in found:
                if statement is pages.titles[page]:
                    pages.codes.setdefault(norm_text(pages.name(statement)), name.text.strip())
                    pages.shorts.add(id(name))
            continue
        if page in pages.summaries:
            continue
        for name, statement in found:
            pages.codes.setdefault(norm_text(statement.text), name.text.strip())
        if len(found) > 1:
            pages.summaries.add(page)
        elif page in coded:
            pages.titles[page] = found[0][1]
            pages.shorts.add(id(found[0][0]))


def _named_statements(ctx: Context, pages: CompetencePages) -> None:
    """A statement read on one line with its short name before it ("Maintenir
    Assurer le maintien …"): a word printed alone elsewhere as a short name,
    then a statement opening on an infinitive. The word is its code."""
    shorts = {unit.text.strip().casefold() for unit in ctx.units if _short_name(unit, bold=False)}
    for title in pages.titles.values():
        first, _, rest = pages.name(title).partition(" ")
        rest = _STRAY.sub("", rest)  # a box's edge read between them ("Maintenir = Assurer")
        if first.casefold() in shorts and len(rest.split()) >= 2 and is_action(rest):
            pages.names[id(title)] = rest
            pages.codes.setdefault(norm_text(rest), first)


def _beside(ctx: Context, name: Unit) -> Unit | None:
    """The statement printed on the same line right of a short name: the
    nearest unit there of two words or more that is no code, cue or composante."""
    box = name.bbox
    if box is None:
        return None
    found: list[tuple[float, Unit]] = []
    for unit in ctx.units:
        other = unit.bbox
        if unit.page != name.page or other is None or other.x0 < box.x1:
            continue
        if min(box.bottom, other.bottom) <= max(box.top, other.top):
            continue  # not on the same line
        text = unit.text
        if len(text.split()) < 2 or len(text) > _MAX_TITLE or competence_code(ctx, text):
            continue
        if not (is_cue(ctx, unit) or is_composante(ctx, text)):
            found.append((other.x0 - box.x1, unit))
    return min(found, key=lambda pair: pair[0])[1] if found else None


_NEAR = 4  # units after a statement looked at for the lines it wrapped onto


def _wrapped_lines(title: Unit, after: list[Unit]) -> list[Unit]:
    """The bold lines a statement wrapped onto, read as paragraphs of their
    own, going on in lower case: set right under it at its left edge (a box
    beside it cut the line), or centred inside its width, on its lower half
    (a short name set larger on the statement's line makes its box as tall
    as two lines)."""
    found: list[Unit] = []
    last = title
    for unit in after[:_NEAR]:
        above, box = last.bbox, unit.bbox
        if above is None or box is None or unit.page != title.page:
            break
        if not (unit.bold and starts_lower(unit.text)):
            continue
        height = above.bottom - above.top
        below = abs(box.x0 - above.x0) <= 3.0 and 0 <= box.top - above.bottom <= height / 2
        inside = above.x0 < box.x0 and box.x1 < above.x1 and box.top >= above.top + height / 2
        if below or (inside and box.bottom <= above.bottom + height / 2):
            found.append(unit)
            last = unit
    return found


def _statement_title(ctx: Context, unit: Unit) -> bool:
    """A bold line of two words or more opening on an infinitive, that is no
    code, cue or composante essentielle."""
    text = unit.text
    if not unit.bold or unit.is_item or unit.table is not None or len(text) > _MAX_TITLE:
        return False
    if len(text.split()) < 2 or competence_code(ctx, text) or is_cue(ctx, unit):
        return False
    return not is_composante(ctx, text) and is_action(text)


def _short_name(unit: Unit, bold: bool = True) -> bool:
    """One capitalised word (the compétence's short name, "Administrer"),
    bold unless ``bold`` is False; when not bold, an infinitive."""
    words = unit.text.split()
    if len(words) != 1 or not words[0].isalpha() or not words[0][:1].isupper():
        return False
    return unit.bold if bold else unit.table is None and is_action(words[0])
