"""Stage ``named-units``: units a document names in its sentences, not as headings.

Some référentiel annexes print no line of their own per unit. The agriculture
ministry's *définition des épreuves* names each capacité globale inside the
prose of the épreuve that validates it: ``Elle valide la capacité C1
"Communiquer …" .``, ``la capacité C5 Conseiller le client … .``, ``la
capacité C1 :  communiquer … .``, several in one sentence (``C6 Situer … , C7
Communiquer … et C8 Organiser …``), or a lead-in naming the level word and the
codes (``les capacités C8 à C12 :``) over one line per unit (``C 9 :  mettre
…``). A certiphyto référentiel de formation prints its objectives as
paragraphs ``Objectif O1 : …``, ``Objectif PP2 : …``, one numbering running
across two letter series (the common objective, then the spécialité's).

Such units are the document's blocs (contract, "Families and levels":
agriculture's capacité is the bloc; with no bloc level printed, the top units
are): each code named once with a title opens one, in the order first named;
a code named again by itself ("vérifie la capacité C10", "les capacités C8, C9
et C11") refers to it. The same code with another title is another unit (the
options of a diploma each list their own C9–C11); with the same title, the
same one. The stage applies only when the document prints no bloc word, no
table, and its outline found no level of a known unit word (the épreuves that
group the capacités are no contract level), and only to a series: three units
or more, their numbers following each other (an excerpt may skip one), titled
where first named, and most codes of their letters the text prints among them
(a text naming most capacités by code only, "C9 à C13", refers to a
référentiel printed elsewhere). It then gives the document's whole structure, as the
``streams`` stage does: the walk is skipped.
"""

from __future__ import annotations

import re

from ..textclean import fold
from .draft import Context, DBloc, Unit, Where
from .state import bloc_label

RULE = "named.unit"
_MIN_UNITS = 3  # titled units that make a series
_MAX_STEP = 2  # a number may skip one unit (an excerpt leaves one out)
_MIN_WORDS = 2  # a title has at least this many words
_QUOTES = {'"': '"', "«": "»", "“": "”"}
#: where a plain title ends: the sentence's end, or the next code of the series
_END = r"\s*(?:[.;]\s*$|\s[.;](?=\s|$)|[.;]\s+(?=[^\W\d_]))"
_NEXT = r"\s*(?:,|\s+et)\s+(?-i:{prefix})\s?(?P<number>\d{{1,2}})(?![\w.])"

_CODES = re.compile(r"(?<![\w.])([A-Z]{1,2})\s?(\d{1,2})(?![\w.])")  # "C10", "C 6"
_Named = tuple[str, str, int, Unit]  # code as printed, title, number, the unit naming it


def named_units(ctx: Context) -> None:
    """Open a bloc per unit the sentences name with a title, when they are
    the document's only units."""
    if ctx.streamed or bloc_label(ctx) == "bloc" or _known_outline(ctx):
        return
    if any(unit.table is not None for unit in ctx.units):
        return  # a table read by its columns holds the document's units
    named = _worded(ctx, ctx.units) or _in_sentences(ctx, ctx.units)
    if not named:
        return
    seen: set[tuple[str, str]] = set()
    for code, title, _number, unit in named:
        key = (code, fold(title))
        if key in seen:
            continue
        seen.add(key)
        ctx.draft.blocs.append(DBloc(code, title, Where(unit.page, unit.line, RULE)))
    ctx.streamed = True  # the named units are the structure: no walk over the prose


def _known_outline(ctx: Context) -> bool:
    """Whether the outline's bloc level is printed with a known unit word (or
    none: "C1 - …" lines), so the document's own units are read as such."""
    rule = ctx.outline.bloc
    if rule is None:
        return False
    for unit in ctx.units:
        hit = rule.match(unit.text)
        if hit is not None:
            word = re.sub(r"[\d\s]+\S*$", "", hit.group("code") or "")
            return not word or _level(ctx, word) in ("bloc", "competence")
    return False


def _level(ctx: Context, word: str) -> str:
    """The level a word names, its plural read as its singular ("capacités")."""
    level = ctx.rules.level(fold(word))
    if level == "unknown" and word.casefold().endswith(("s", "x")):
        level = ctx.rules.level(fold(word[:-1]))
    return level


def _worded(ctx: Context, units: list[Unit]) -> list[_Named]:
    """The longest run of consecutive paragraphs ``<word> <code> : <title>``
    of one unit word, their numbers a series whatever their letters ("O1",
    "PP2", "PP3")."""
    runs: list[list[_Named]] = []
    word: str | None = None
    for unit in units:
        hit = ctx.rules.first("worded-unit", unit.text)
        this = fold(hit.group("word") or "") if hit is not None else None
        if hit is None or this is None or _level(ctx, this) not in ("bloc", "competence"):
            word = None
            continue
        if this != word:
            runs.append([])
            word = this
        code = "".join((hit.group("code") or "").split())
        runs[-1].append((code, hit.group("libelle") or "", int(hit.group("number") or 0), unit))
    best = max(runs, key=len, default=[])
    return best if _series(best) else []


def _in_sentences(ctx: Context, units: list[Unit]) -> list[_Named]:
    """The units the sentences name after a bloc word, with their titles, and
    those a lead-in ending with a colon lists one per line after it."""
    named: list[_Named] = []
    mentioned: set[tuple[str, str]] = set()  # every code the text prints: letters, number
    listing: str | None = None  # the code letters a lead-in announced
    for unit in units:
        text = unit.text
        if listing is not None:
            line = ctx.rules.first("named-unit-line", text)
            code = "".join((line.group("code") or "").split()) if line else ""
            if line is not None and code.startswith(listing):
                title = _plain(line.group("libelle") or "", listing)[0]
                if title:
                    named.append((code, title, int(line.group("number") or 0), unit))
                continue
            listing = None
        for prefix, found in _mentions(ctx, text, unit):
            named.extend(found)
            if text.rstrip().endswith(":") and not found:
                listing = prefix
        mentioned |= set(_CODES.findall(text))
    titled = {(code.rstrip("0123456789"), number) for code, _title, number, _unit in named}
    prefixes = {prefix for prefix, _number in titled}
    printed = {(letters, int(n)) for letters, n in mentioned if letters in prefixes}
    if 3 * len(titled) < 2 * len(printed | titled):
        return []  # most units named by code only: references to a référentiel printed elsewhere
    return named if _series(named) else []


def _mentions(ctx: Context, text: str, unit: Unit) -> list[tuple[str, list[_Named]]]:
    """Each bloc-word mention in ``text`` (its code letters) with the titled
    units it names."""
    out: list[tuple[str, list[_Named]]] = []
    at = 0
    while (hit := ctx.rules.first("named-unit", text[at:])) is not None:
        end = at + hit.match.end()
        at = end
        if _level(ctx, hit.group("word") or "") != "bloc":
            continue
        code = "".join((hit.group("code") or "").split())
        out.append((code.rstrip("0123456789"), _titled(code, text[end:], unit)))
    return out


def _titled(code: str, rest: str, unit: Unit) -> list[_Named]:
    """The units named from ``code`` on: its title, then each code of its
    series the sentence goes on with (", C7 …", "et C8 …") and its title."""
    prefix = code.rstrip("0123456789")
    following = re.compile(_NEXT.format(prefix=re.escape(prefix)))
    found: list[_Named] = []
    number = int(code[len(prefix) :] or 0)
    while True:
        title, rest = _plain(rest, prefix)
        if title:
            found.append((prefix + str(number), title, number, unit))
        nxt = following.match(rest)
        if nxt is None:
            return found
        number = int(nxt.group("number"))
        rest = rest[nxt.end() :]


def _plain(rest: str, prefix: str) -> tuple[str, str]:
    """The title printed right after a code (quoted, after a colon, or up to
    the sentence's end or the next code of the series) and the text after it."""
    body = re.sub(r"^\s*(?::\s*)?", "", rest)
    opened = body[:1]
    if opened in _QUOTES:
        close = body.find(_QUOTES[opened], 1)
        if close < 0:
            return "", rest
        return _title(body[1:close], prefix), body[close + 1 :]
    stop = [
        m.start()
        for pattern in (_END, _NEXT.format(prefix=re.escape(prefix)))
        if (m := re.search(pattern, body))
    ]
    cut = min(stop, default=len(body))
    return _title(body[:cut], prefix), body[cut:]


def _title(text: str, prefix: str) -> str:
    """A unit's title, its quotes and closing period dropped; empty when the
    text is no title (a code list "à C12", a lone word)."""
    title = " ".join(text.strip().strip('"«»“”').split()).rstrip(" .;,")
    if not title[:1].isalpha() or len(title.split()) < _MIN_WORDS:
        return ""
    if re.search(rf"(?<!\w)(?-i:{re.escape(prefix)})\s?\d{{1,2}}(?![\w])", title):
        return ""
    return title


def _series(named: list[_Named]) -> bool:
    """Whether the named units' numbers follow each other (one may be skipped)."""
    numbers = sorted({number for _code, _title, number, _unit in named})
    steps = [b - a for a, b in zip(numbers, numbers[1:], strict=False)]
    return len(numbers) >= _MIN_UNITS and all(0 < step <= _MAX_STEP for step in steps)
