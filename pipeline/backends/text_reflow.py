"""Raw OCR text (Tesseract's plain output, pages separated by form feeds) → blocks.

Plain OCR text wraps every paragraph over several lines and separates
paragraphs with blank lines; bullets come out as ``>``, ``+``, ``e``, ``©``…
This module rebuilds the paragraphs and list items the text backend expects:

* a line starting with a bullet glyph starts a list item (glyph → ``label``);
* lines in lower case under a short lead-in ending with a colon are the
  items of a list whose bullets were lost, one item per line ending with a
  comma;
* a line starting with a code, a bloc heading or a link cue (rules labelled
  ``ocr-text-starter``) starts a paragraph;
* other lines continue the paragraph above (a word cut by a hyphen joined again
  when the lexicon knows it: :mod:`referentiel.hyphens`), also across a
  blank line when the text above is unfinished and the line starts in lower case
  (or with "I'…", how OCR reads "l'…");
* specks read at the end of a paragraph are removed (rules labelled
  ``ocr-text-strip``);
* a line read across two columns is cut where the right column starts
  (:mod:`.text_columns`); a head (a zone or section cue, a column head, a
  labelled field) stands alone, unless its own words wrap on in lower case;
* page numbers and running headers (lines read again on most pages, the first
  occurrence kept) are dropped — not repeated column headers and section
  titles, which say what the next chunk is; certain misreadings of codes are fixed (rules
  labelled ``ocr-code-fix``: "AL.4" → "A1.4", "C2,5" → "C2.5").

Provenance: line = the paragraph's first line in the file; page = the page
(form feeds counted), None when the text has no form feed.

Linear in the input: a paragraph being rebuilt keeps its lines as parts (joined
once at the end) and what the continuation tests need (its last line, whether
its letters are all capitals), so adding a line never re-reads the paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ..docmodel import Block, Kind
from ..hyphens import FRENCH, wrap_end
from ..ocrfix import join_split_words
from ..rules import RuleSet, default_rules
from ..textclean import ends_lead_in, ends_sentence, is_upper
from .text_columns import column_pieces, is_head
from .text_passages import unglue

_HEAD_LETTERS = 120  # a line holding more letters is no head
_LEAD_IN_LETTERS = 80  # a lead-in over a list is a short head
_WRAPPED_SHARE = 0.08  # share of lines continued by a lower-case line: wrapped text
_MIN_LINES = 20
_RUNNING_MIN_CHARS = 12
_RUNNING_SIMILARITY = 90
_EDGE_LINES = 4  # lines at the top and at the bottom of a page that may be running
_FUZZY_MAX = 200  # edge lines OCR variants are sought among (the first pages')


def is_raw_ocr(text: str) -> bool:
    """Whether a text looks like plain OCR output: form feeds between pages, or
    paragraphs wrapped over lines (many lines continued by a lower-case line),
    and no TAB-separated table."""
    lines = text.split("\n")
    if any("\t" in line for line in lines):
        return False
    if "\f" in text:
        return True
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < _MIN_LINES:
        return False
    wrapped = sum(
        1
        for i in filled
        if i + 1 < len(lines) and lines[i + 1][:1].islower() and not ends_sentence(lines[i].strip())
    )
    return wrapped / len(filled) >= _WRAPPED_SHARE


def fix_code(text: str, rules: RuleSet) -> str:
    """``text`` with the certain OCR misreadings of a leading code fixed."""
    for rule in rules.labelled("ocr-code-fix"):
        text = rule.regex.sub(rule.value or "", text, count=1)
    return text


def reflow(text: str, rules: RuleSet | None = None) -> list[Block]:
    """The paragraphs and list items of a raw OCR text (``page`` set when
    form feeds separate the pages)."""
    rules = rules or default_rules()
    growing: list[_Growing] = []
    current: _Growing | None = None
    after_blank = False
    paged = "\f" in text
    pieces = unglue(column_pieces(text.split("\n"), rules))
    lines = [piece for _, piece in pieces]
    running = running_lines(lines, rules)
    repeated = {n for n in running if not is_head(lines[n - 1], rules)}
    page = 1
    for index, (number, raw) in enumerate(pieces, start=1):
        if "\f" in raw:
            page += raw.count("\f")
            current = None
        line = " ".join(raw.replace("\f", " ").split())
        if not line:
            after_blank = True
            continue
        if rules.first("ocr-text-noise", line) or index in repeated:
            current = None if index in repeated else current  # another column follows
            continue
        line = fix_code(_LEADING_QUOTE.sub("", line), rules)
        bullet = rules.first("ocr-text-bullet", line)
        if bullet is not None:
            block = Block(
                Kind.LIST_ITEM,
                page=page if paged else None,
                line=number,
                label=bullet.group("glyph"),
            )
            current = _Growing(block)
            current.add(bullet.group("text") or "")
            growing.append(current)
        elif current is not None and _lost_item(current, line, rules):
            current = _Growing(
                Block(Kind.LIST_ITEM, page=page if paged else None, line=number), lost=True
            )
            current.add(line)
            growing.append(current)
        elif (
            current is not None
            and _continues(current, line, after_blank, rules)
            and not (
                current.block.kind is Kind.LIST_ITEM
                and _heads_list(line, lines, index, rules)
                and not _ends_item(current, line)
            )
        ):
            current.add(line)
        else:
            current = _Growing(Block(Kind.PARAGRAPH, page=page if paged else None, line=number))
            current.add(line)
            growing.append(current)
        if index in running:
            current = None  # a head read again on every page: its words are known, none wrap on
        after_blank = False
    blocks = [paragraph.done() for paragraph in growing]
    for block in blocks:
        for rule in rules.labelled("ocr-text-strip"):
            block.text = rule.regex.sub(rule.value or "", block.text)
    return [b for b in blocks if b.text]


def _heads_list(line: str, lines: list[str], number: int, rules: RuleSet) -> bool:
    """A capitalised line between bullets is a heading of the bullets below it
    (a critère above its indicateurs), not the end of the bullet above."""
    if not _CAPITALISED.match(line) or number >= len(lines):
        return False
    following = " ".join(lines[number].replace("\f", " ").split())
    return bool(following) and rules.first("ocr-text-bullet", following) is not None


def _ends_item(current: _Growing, line: str) -> bool:
    """Whether a capitalised line finishes the bullet above it: the bullet's
    last line stops mid-sentence (no mark at its end) and the line ends the
    sentence ("… du même dépôt" + "Git que celui utilisé …."), a wrapped
    proper noun, not a heading over the bullets below."""
    return not current.last.rstrip().endswith(_MARKS) and ends_sentence(line)


def running_lines(lines: list[str], rules: RuleSet) -> set[int]:
    """Line numbers (1-based) of running headers and footers: a line read again
    on most pages (≥ 3 and two thirds of them, OCR variants of a line read at
    the top or bottom of a page included); the first
    occurrence is kept when it may be the document's title (capitals or a
    title cue)."""
    pages: list[list[tuple[int, str]]] = [[]]
    for number, raw in enumerate(lines, start=1):
        if "\f" in raw:
            pages.extend([] for _ in range(raw.count("\f")))
        key = _key(raw)
        if len(key) >= _RUNNING_MIN_CHARS:
            pages[-1].append((number, key))
    needed = max(3, -(-2 * len(pages) // 3))
    if len(pages) < 3:
        return set()
    drop: set[int] = set()
    seen: list[tuple[str, set[int]]] = []  # a line's key and the pages it was read on
    where: list[list[int]] = []
    exact: dict[str, int] = {}
    # OCR variants are matched fuzzily against the lines at a page's edges (where
    # running headers and footers are) that can still be on enough pages: a
    # bounded number of comparisons per line.
    candidates: list[str] = []
    candidate_slots: list[int] = []
    sought: set[int] = set()
    for index, page in enumerate(pages):
        for position, (number, key) in enumerate(page):
            slot = exact.get(key)
            if slot is None:
                match = next(_similar(key, candidates), None)
                slot = candidate_slots[match[2]] if match else None
            if slot is None:
                slot = len(seen)
                seen.append((key, set()))
                where.append([])
            edge = position < _EDGE_LINES or position >= len(page) - _EDGE_LINES
            eligible = index <= len(pages) - needed and len(candidates) < _FUZZY_MAX
            if edge and eligible and slot not in sought:
                sought.add(slot)
                candidates.append(key)
                candidate_slots.append(slot)
            exact[key] = slot
            seen[slot][1].add(index)
            where[slot].append(number)
    for (_, on), numbers in zip(seen, where, strict=True):
        if len(on) >= needed:
            first = " ".join(lines[numbers[0] - 1].replace("\f", " ").split())
            title = is_upper(first) or rules.first("title", first) is not None
            drop.update(numbers[1:] if title else numbers)
    return drop


def _similar(key: str, known: list[str]) -> Iterator[tuple[str, float, int]]:
    """The keys of ``known`` an OCR variant of ``key`` could be, in order."""
    return process.extract_iter(key, known, scorer=fuzz.ratio, score_cutoff=_RUNNING_SIMILARITY)


def _key(line: str) -> str:
    """A line as compared across pages: words only, without the page number
    a running header or footer prints at one end."""
    return _PAGE_NUMBER.sub("", " ".join(re.sub(r"[^\w']+", " ", line.casefold()).split()))


_PAGE_NUMBER = re.compile(r"^\d{1,4}\s+|\s+\d{1,4}$")


@dataclass
class _Growing:
    """A paragraph or list item being rebuilt from its lines."""

    block: Block
    parts: list[str] = field(default_factory=list)  # each with the separator before it
    letters: int = 0
    lower: bool = False  # some letter is not a capital
    lost: bool = False  # an item of a list whose bullets the OCR lost

    def add(self, line: str) -> None:
        """Append a wrapped line: a word cut by a hyphen is joined again
        (:func:`~referentiel.hyphens.wrap_end`, the lexicon's words known)."""
        if not self.parts:
            self.parts.append(line)
        else:
            self.parts[-1], separator = wrap_end(self.parts[-1], line, FRENCH)
            self.parts.append(f"{separator}{line}")
        letters = [c for c in line if c.isalpha()]
        self.letters += len(letters)
        self.lower = self.lower or not all(c.isupper() for c in letters)

    @property
    def text(self) -> str:
        """The text so far."""
        return "".join(self.parts)

    @property
    def last(self) -> str:
        """The text's end (its last line)."""
        return self.parts[-1]

    @property
    def upper(self) -> bool:
        """Whether the text so far is in capitals (as :func:`is_upper`)."""
        return self.letters >= 4 and not self.lower

    def done(self) -> Block:
        """The block, its words broken by the extractor mended (a space before a
        full stop, a word cut by a space: :func:`~referentiel.ocrfix.join_split_words`)."""
        self.block.text = join_split_words(_SPACED_STOP.sub("", "".join(self.parts)))
        return self.block


def _lost_item(current: _Growing, line: str, rules: RuleSet) -> bool:
    """Whether ``line`` starts an item of a list whose bullets the OCR lost:
    clauses in lower case under a short lead-in ending with a colon (a
    critère's head over its indicateurs, "Qualité de … :", a production's
    lead-in "La conduite …, restituées par :"; not a bulleted statement opened
    by an article or a code, whose colon announces the end of its own
    sentence), each item ending its last line with a comma; a cue, a head or
    a capitalised line ends the list."""
    if rules.first("ocr-text-starter", line) or is_head(line, rules):
        return False
    if current.lost:
        return current.last.endswith(",") and _CLAUSE.match(line) is not None
    return (
        ends_lead_in(current.last)
        and current.letters < _LEAD_IN_LETTERS
        and _CLAUSE.match(line) is not None
        and not (
            current.block.kind is Kind.LIST_ITEM and rules.first("ocr-text-starter", current.text)
        )
    )


def ends_in_codes(line: str) -> bool:
    """Whether a line ends in a list of codes joined by "+" or "," ("… : C6 + C7
    + C8"): such a line stands alone, its own paragraph, unless a lead-in ending
    with a colon announces it."""
    return _CODE_LIST.search(line) is not None


def _head(current: _Growing, rules: RuleSet) -> bool:
    """Whether the text so far is a head, or a title naming the document."""
    if current.letters >= _HEAD_LETTERS:
        return False
    text = " ".join(current.text.split())
    title = rules.first("title", text)
    return is_head(text, rules) or (title is not None and bool(title.group("intitule")))


def _continues(current: _Growing, line: str, after_blank: bool, rules: RuleSet) -> bool:
    """Whether ``line`` continues the paragraph (a wrapped line, not a new paragraph)."""
    if rules.first("ocr-text-starter", line):
        return False
    if ends_in_codes(current.last) or (ends_in_codes(line) and not ends_lead_in(current.last)):
        return False  # a list of codes ends its own line (the codes an épreuve assesses)
    if not after_blank and current.text.count("(") > current.text.count(")"):
        return True  # a parenthesis opened above closes on this line ("(RSE," / "RGAA).")
    if _LONE_WORD.match(line) and not current.last.endswith(_MARKS):
        return False  # a capitalised word alone on its line heads what follows ("Contenu")
    if not line[:1].islower() and (is_head(line, rules) or _head(current, rules)):
        return False  # a head stands alone, unless its own words wrap on
    if current.upper != is_upper(line):
        return False  # a title line next to text
    clause = _CLAUSE.match(line) is not None
    if after_blank:
        return clause and not ends_sentence(current.last)
    return clause or not current.last.endswith((".", "!", "?", "…"))


_MARKS = (".", "!", "?", "…", ":", ";", ",")  # a line ending on one of them ends a clause
_CAPITALISED = re.compile(r"^[A-ZÀ-ÝŒ][a-zà-ÿœ']")  # "La …", "L'…", not "CRM"
_LEADING_QUOTE = re.compile(r"^[‘'`´]+(?=[a-zà-ÿ])")  # a speck read before a wrapped line
# a clause in lower case; "I'…" is how OCR reads "l'…"
_CLAUSE = re.compile(r"^(?:[a-zà-ÿœ]|I['’\"]+(?=[a-zà-ÿ]))")
_CODE = r"[A-Z]{1,3}\d{1,3}(?:\.\d{1,3})*"
_CODE_LIST = re.compile(rf"(?:^|[\s:]){_CODE}(?:\s*[+,]\s*{_CODE})+\s*$")
_LONE_WORD = re.compile(r"^[A-ZÀ-ÝŒ][a-zà-ÿœ]+\s*:?$")
_SPACED_STOP = re.compile(r"(?<=[^\W\d_]) +(?=[.,](?:\s|$))")  # "bureau ." → "bureau."
