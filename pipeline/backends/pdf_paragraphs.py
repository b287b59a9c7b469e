"""Lines of one region (a text column or a table cell) → paragraphs and list items.

A paragraph wrapped over several lines becomes one block. A new block starts at
a bullet glyph, at a change of font size or boldness, after a vertical gap
wider than the line spacing, at a change of indentation, and after a *short*
line: when the first word of the next line would have fitted at the end of the
previous one, the line break was a hard one (end of paragraph or list item).
A line that fills the region is still a paragraph end when the next line
restarts with a capitalised word while the previous one ends on a plain
lower-case word, with no punctuation (see :func:`_capital_restart`): word
processors set consecutive paragraphs of a table cell with no space between
them, and a sentence wrapped in mid-flow does not resume with a capital.
A region that sets a label in a hanging indent (``C05 : Déterminer les`` /
``contraintes`` wrapped under ``Déterminer``) starts a new block at every line
opening with a label of the same shape at the label's place, full lines
included (see :func:`_hanging_labels`).
Words split over two lines are joined (see :func:`join_lines`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..docmodel import HEADING_SIZE, BBox, Block, Kind
from ..hyphens import HYPHENS, SOFT_HYPHEN, Known, join_wrapped
from ..textclean import BULLET_GLYPHS, DASHES, PRIVATE_USE_BULLETS, WORD_BULLETS, is_aside
from .pdf_words import Line, Word

_ALIGNED = 3.0  # points: two left edges this close line up (a wrapped line under its text)
_LEVEL_STEP = 4.0  # points: bullets set further apart than this are on two levels
_CENTRED_TITLE = 1.5  # points: a title's middle this close to its region's is centred
_CENTRED_ITEM = 4.0  # points: the same for each line of a list item (its bullet counted)
# Bullet glyphs as they come out of PDFs: Symbol/Wingdings private-use code
# points (Word and LibreOffice bullets), Unicode bullets, dashes, OCR-like "o".
_GLUED_BULLETS = set(PRIVATE_USE_BULLETS) | set(BULLET_GLYPHS)
# Long dashes set before a line's first letter with a kern and no space character
# ("—Enregistrement …", the Dictionnaire Permanent's list items): a marker at a
# line's start (a hyphen-minus glued to a word stays part of it).
_GLUED_DASHES = {"—", "–"}
_DASHES = set(DASHES)
_WORD_BULLETS = _GLUED_BULLETS | _DASHES | set(WORD_BULLETS) | {"o", "*"}
_COUNTER_CAPITALS = re.compile(r"(?<=#)[A-Z]+\b")  # "00ZN": capitals closing a code
_LABEL_ENDS = ":.)"  # how a label typed before its text may end ("C05 :", "1.", "a)")
# after a word's capital: a letter, or an elision's apostrophe and a letter ("L’application")
_ELIDED = re.compile(r"['’]?[^\W\d_]")
_ACRONYM = re.compile(r"[A-Z][A-Z&]*[A-Z]")  # "R&T", "SI": a whole word, no function word
# Words after which a wrapped sentence may resume on a capitalised name
# ("selon le / Code du travail", "auprès de / France Travail").
_FUNCTION_WORDS = frozenset(
    {
        *("à", "au", "aux", "avec", "chez", "dans", "de", "des", "du", "en", "entre"),
        *("et", "la", "le", "les", "leur", "leurs", "ou", "par", "pour", "sans", "selon"),
        *("sous", "sur", "un", "une", "vers", "voir", "auprès", "via", "ni", "ses", "son"),
        *("sa", "nos", "notre", "vos", "votre", "cf"),
    }
)


@dataclass
class Style:
    """Document-wide measures the paragraph rules compare against."""

    body_size: float = 10.0
    heading_sizes: list[float] = field(default_factory=list)  # large sizes, biggest first
    #: large sizes of all text, table cells included (a heading hint inside cells)
    cell_heading_sizes: frozenset[float] = frozenset()
    line_gap: float = 2.5  # usual space between two lines of one paragraph (points)
    vocabulary: frozenset[str] = frozenset()  # lower-cased words of the document


@dataclass
class _Draft:
    """A block being built from lines."""

    lines: list[Line]
    label: str | None
    x0: float  # where the first line starts (the bullet glyph, if any)
    text_x0: float  # where the text (after a bullet) starts on the first line

    @property
    def last(self) -> Line:
        return self.lines[-1]


def bullet_of(line: Line) -> tuple[str | None, list[Word]]:
    """The line's bullet label (normalised glyph) and its words without the glyph."""
    first = line.words[0]
    glyph = first.text[0]
    if first.text in _GLUED_BULLETS and len(line.words) == 1:
        return PRIVATE_USE_BULLETS.get(glyph, glyph), []  # an empty list item
    if first.text in _WORD_BULLETS and len(line.words) > 1:
        return PRIVATE_USE_BULLETS.get(first.text, first.text), line.words[1:]
    if glyph in _GLUED_BULLETS and len(first.text) > 1 or _glued_dash(first):
        rest = Word(**{**first.__dict__, "text": first.text[1:], "x0": first.after_first})
        return PRIVATE_USE_BULLETS.get(glyph, glyph), [rest, *line.words[1:]]
    return None, line.words


def _glued_dash(first: Word) -> bool:
    """Whether the line's first word is a long dash glued to a letter."""
    text = first.text
    return len(text) > 1 and text[0] in _GLUED_DASHES and text[1].isalpha()


def blocks_from_lines(
    lines: list[Line],
    left: float,
    right: float,
    page: int,
    style: Style,
    in_cell: bool = False,
) -> list[Block]:
    """Blocks of one region's lines (top to bottom) between its text edges ``left``, ``right``."""
    drafts: list[_Draft] = []
    hanging = _hanging_labels(lines)
    right = _measure(lines, right)
    if not in_cell:  # a cell's few lines show no leading of their own
        style = _local_leading(lines, style)
    for line in lines:
        label, words = bullet_of(line)
        if label is not None and not words:
            continue
        current = drafts[-1] if drafts else None
        if current is not None and (
            (
                label is None
                and not _opens_label(line, hanging)
                and not _same_label(current, line)
                and _continues(current, line, left, right, style)
            )
            or _dash_inside(current, label, line, style)
        ):
            current.lines.append(line)
            continue
        text_x0 = words[0].x0 if words else line.x0
        drafts.append(_Draft([Line(words)], label, line.x0, text_x0))
    levels = _levels(drafts, left, right)
    return [_block(d, page, style, in_cell, levels) for d in drafts]


def _continues(draft: _Draft, line: Line, left: float, right: float, style: Style) -> bool:
    """Whether ``line`` continues the paragraph or list item being built."""
    prev = draft.last
    if abs(line.size - prev.size) > 0.6:
        return False
    if _all_bold(prev.words) != _all_bold(line.words):
        return False
    gap = line.top - prev.bottom
    leading = style.line_gap + max(2.0, 0.3 * prev.size)
    if _cut_word(prev, line):
        leading = max(leading, 0.5 * prev.size)  # a word cut at the line's end goes on
    if gap > leading or gap < -prev.size / 2:
        return False
    first = line.words[0]
    space = 0.25 * first.size
    room = right - prev.x1
    if _set_apart(draft, line, left, right):
        return False
    if draft.label is None and _centred(prev, left, right) and _centred(line, left, right):
        room = (right - left) - (prev.x1 - prev.x0)
    wrapped_title = prev.size in style.heading_sizes and (
        first.text[:1].islower() or _open_end(prev)
    )
    if space + (first.x1 - first.x0) < room - 1.0 and not wrapped_title:
        return False  # the word would have fitted: the previous line ended a paragraph
    if draft.label is None and _capital_restart(prev, line):
        return False
    if draft.label is not None:
        # set under the text (a hanging indent), or flush under the bullet when
        # the sentence goes on in lower case (a list style with no indent)
        flush = abs(line.x0 - draft.x0) <= _ALIGNED and first.text[:1].islower()
        return line.x0 >= draft.text_x0 - _ALIGNED or flush
    if len(draft.lines) > 1:
        return abs(line.x0 - draft.lines[1].x0) <= _ALIGNED
    return line.x0 >= draft.lines[0].x0 - _ALIGNED - 0.5 * prev.size


_LEADING_STEP = 0.25  # points: line gaps this close are one leading


def _local_leading(lines: list[Line], style: Style) -> Style:
    """``style`` with a text region's own leading when its lines print a tighter
    one than the document's usual gap (a page of paragraphs set solid in a
    document whose lists are spaced): the gap most of its lines show, seen at
    least :data:`_MEASURED` times, so a paragraph break the document's
    spacing would hide (a label line under a full line) shows."""
    gaps: Counter[float] = Counter()
    for above, below in zip(lines, lines[1:], strict=False):
        gap = below.top - above.bottom
        if 0 <= gap < style.line_gap and abs(above.size - below.size) <= 0.6:
            gaps[round(gap / _LEADING_STEP) * _LEADING_STEP] += 1
    if not gaps:
        return style
    usual, seen = gaps.most_common(1)[0]
    if seen < _MEASURED or seen * 2 < sum(gaps.values()) or style.line_gap - usual < 1.0:
        return style
    return replace(style, line_gap=usual)


_MEASURED = 3  # full lines ending at one place that show a justified measure
_MEASURE_WORDS = 4  # words such a line holds (right-aligned labels are shorter)


def _measure(lines: list[Line], right: float) -> float:
    """Where the region's text really ends: a measure set inside the region's
    edge (a designed page's text frame in a box drawn wider) shows in its
    longest lines, several of them ending at the same place (justified text);
    else the region's edge."""
    full = [line for line in lines if len(line.words) >= _MEASURE_WORDS]
    if not full:
        return right
    edge = max(line.x1 for line in full)
    at_edge = [line for line in full if edge - line.x1 <= 0.6]
    if len(at_edge) < _MEASURED or edge >= right - 2.0:
        return right
    return edge


def _label_shape(words: list[Word]) -> str | None:
    """The shape of a line's leading words when they are a typed label ("C05 :" →
    "C# :"; "12." → "#."; "00ZN" → "#X", capitals after digits being a code's
    counter like its digits): at most three words and twelve characters, holding a
    digit or ending on a colon, a full stop or a parenthesis."""
    text = " ".join(w.text for w in words)
    if not words or len(words) > 3 or len(text) > 12:
        return None
    if not (any(c.isdigit() for c in text) or text[-1] in _LABEL_ENDS):
        return None
    return _COUNTER_CAPITALS.sub("X", re.sub(r"\d+", "#", text))


def _hanging_labels(lines: list[Line]) -> set[tuple[float, str]]:
    """Label places and shapes of a region's hanging indents: a line indented to
    where the text after the previous line's label starts ("C05 : Déterminer les" /
    "contraintes", the second line under "Déterminer") shows that label's place
    (the previous line's start) and shape."""
    found: set[tuple[float, str]] = set()
    for prev, line in zip(lines, lines[1:], strict=False):
        if line.x0 <= prev.x0 + _ALIGNED or line.top - prev.bottom > prev.size:
            continue
        for k in range(1, min(4, len(prev.words))):
            if abs(prev.words[k].x0 - line.x0) <= 1.0:
                shape = _label_shape(prev.words[:k])
                if shape is not None:
                    found.add((prev.x0, shape))
                break
    return found


def _opens_label(line: Line, hanging: set[tuple[float, str]]) -> bool:
    """Whether ``line`` opens with a label of a hanging indent, at that label's place."""
    return any(
        abs(line.x0 - x) <= 1.0 and _label_shape(line.words[: shape.count(" ") + 1]) == shape
        for x, shape in hanging
    )


def _same_label(draft: _Draft, line: Line) -> bool:
    """Whether ``line`` opens, where the paragraph opened, with a coded label of
    the paragraph's own shape ("SF18. …" then "SF19. …"): the next item of
    a series set flush, with no hanging indent to tell it."""
    first = draft.lines[0]
    if abs(line.x0 - first.x0) > 1.0:
        return False
    for k in range(1, 4):
        shape = _label_shape(first.words[:k])
        if shape and "#" in shape and any(c.isalpha() for c in shape):
            return _label_shape(line.words[:k]) == shape
    return False


def _capital_restart(prev: Line, line: Line) -> bool:
    """A line starting a new paragraph although the previous one is full.

    The next line opens on a capitalised word ("Aider", "L’application"; not "l'habillage", an
    acronym, a brand with inner capitals or a number) and the previous line
    ends on a lower-case word or an acronym ("… technique R&T") that is neither
    a function word nor followed by punctuation other than a closing
    parenthesis ("… (niveau B1 pour l’anglais)"):
    a wrapped sentence resumes in lower case, or on a name after an article or a
    preposition.
    """
    first = line.words[0].text
    last = prev.words[-1].text.removesuffix(")")
    if not (first[:1].isupper() and first[1:].lower() == first[1:] and _ELIDED.match(first[1:])):
        return False  # not a capitalised word: lower case, an acronym, "Ev'Alim", "1."
    if not (last[-1:].isalpha() and (last[:1].islower() or _ACRONYM.fullmatch(last))):
        return False
    tail = re.split(r"['’]", last)[-1].lower()
    return tail not in _FUNCTION_WORDS


def _cut_word(prev: Line, line: Line) -> bool:
    """A word cut by a hyphen at the end of ``prev`` ("DANSE-") that ``line``
    goes on with ("INTERPRÉTATION"): a title set with a wide leading wraps so."""
    last = prev.words[-1].text
    cut = len(last) > 2 and last[-1] in HYPHENS + SOFT_HYPHEN and last[-2].isalpha()
    return cut and line.words[0].text[:1].isalpha()


def _open_end(line: Line) -> bool:
    """A line that cannot end a title: it ends on a colon, a comma or a hyphen,
    or on a function word ("… ET PROPOSER UN" / "ACCOMPAGNEMENT …")."""
    last = line.words[-1].text
    if last[-1:] in ":,-":
        return True
    return re.split(r"['’]", last)[-1].lower() in _FUNCTION_WORDS


def _dash_inside(draft: _Draft, label: str | None, line: Line, style: Style) -> bool:
    """A dash starting a line at the text indent of a bulleted item is part of its text."""
    return (
        label in _DASHES
        and draft.label is not None
        and draft.label not in _DASHES
        and abs(line.x0 - draft.text_x0) <= 2.0
        and line.top - draft.last.bottom <= style.line_gap + 2.0
    )


_MARGIN = 10.0  # points: a line starting further from its region's left edge is set in


def _centred(line: Line, left: float, right: float) -> bool:
    """A line set in the middle of its region (titles): as short on both sides."""
    margin = line.x0 - left
    return margin > _MARGIN and _off_centre(line.x0, line.x1, left, right) <= _CENTRED_TITLE


def _off_centre(x0: float, x1: float, left: float, right: float) -> float:
    """How far the middle of ``x0``–``x1`` stands from the middle of ``left``–``right``:
    half the difference of its two margins."""
    return abs((x0 - left) - (right - x1)) / 2


def _set_apart(draft: _Draft, line: Line, left: float, right: float) -> bool:
    """A centred line wholly in parentheses under a line set in from the left
    edge: an aside set under a title ("(commune aux options EC et IR)"), no
    wrap (a title's wrapped parenthesis goes on under a line flush left)."""
    return (
        draft.label is None
        and draft.last.x0 - left > _MARGIN
        and _centred(line, left, right)
        and is_aside(" ".join(w.text for w in line.words))
    )


def _all_bold(words: list[Word]) -> bool:
    return bool(words) and all(w.bold for w in words)


def _levels(drafts: list[_Draft], left: float, right: float) -> list[float]:
    """Distinct bullet indents of a region, left to right: list level = position.
    Items of one glyph whose every line is centred in the region start where their
    length puts them: their indent is no level (one level)."""
    labelled = [d for d in drafts if d.label is not None]
    one_glyph = len(labelled) > 1 and len({d.label for d in labelled}) == 1
    if one_glyph and all(_centred_item(d, left, right) for d in labelled):
        return [min(d.x0 for d in labelled)]
    indents: list[float] = []
    for draft in drafts:
        if draft.label is not None and all(abs(draft.x0 - x) > _LEVEL_STEP for x in indents):
            indents.append(draft.x0)
    return sorted(indents)


def _centred_item(draft: _Draft, left: float, right: float) -> bool:
    """Whether every line of a list item is centred in its region (its bullet
    counted on its first line)."""
    first, *rest = draft.lines
    ends = [(draft.x0, first.x1)] + [(line.x0, line.x1) for line in rest]
    return all(_off_centre(x0, x1, left, right) <= _CENTRED_ITEM for x0, x1 in ends)


def _level_of(x: float, indents: list[float]) -> int:
    return min(range(len(indents)), key=lambda i: abs(indents[i] - x)) if indents else 0


def _block(draft: _Draft, page: int, style: Style, in_cell: bool, levels: list[float]) -> Block:
    text = join_lines([line.words for line in draft.lines], style.vocabulary)
    words = [w for line in draft.lines for w in line.words]
    first = draft.lines[0]
    bold = _all_bold(words)
    bbox = words_box(words).union(BBox(draft.x0, first.top, draft.x0, first.top))
    if draft.label is not None:
        return Block(
            Kind.LIST_ITEM,
            text,
            page=page,
            line=first.number,
            level=_level_of(draft.x0, levels),
            label=draft.label,
            bold=bold,
            bbox=bbox,
        )
    size = max(line.size for line in draft.lines)
    if not in_cell and size in style.heading_sizes and len(text) <= 250:
        level = style.heading_sizes.index(size) + 1
        return Block(
            Kind.HEADING, text, page=page, line=first.number, level=level, bold=bold, bbox=bbox
        )
    block = Block(Kind.PARAGRAPH, text, page=page, line=first.number, bold=bold, bbox=bbox)
    if in_cell and round(size, 1) in style.cell_heading_sizes and len(text) <= 250:
        block.features.add(HEADING_SIZE)  # a designed page's frame read as a table cell
    return block


def words_box(words: list[Word]) -> BBox:
    """The box around some words."""
    return BBox(
        min(w.x0 for w in words),
        min(w.top for w in words),
        max(w.x1 for w in words),
        max(w.bottom for w in words),
    )


def join_lines(lines: list[list[Word]], vocabulary: frozenset[str] = frozenset()) -> str:
    """The text of wrapped lines as one string, words cut at a line end rejoined
    (:func:`~referentiel.hyphens.join_wrapped`): a soft hyphen always joins the
    two halves, a plain hyphen goes when the document (or else the French
    lexicon) spells the whole word and not the compound ("contre-indications"
    is often broken at its own hyphen)."""
    text, known = "", Known(vocabulary)
    for words in lines:
        text = join_wrapped(text, " ".join(w.text for w in words), known)
    return " ".join(text.replace(SOFT_HYPHEN, "").split())
