"""Raw OCR text (Tesseract's plain output, pages separated by form feeds) → blocks.

Plain OCR text wraps every paragraph over several lines and separates
paragraphs with blank lines; bullets come out as ``>``, ``+``, ``e``, ``©``…
This module rebuilds the paragraphs and list items the text backend expects:

* a line starting with a bullet glyph starts a list item (glyph → ``label``);
* a line starting with a code, a bloc heading or a link cue (rules labelled
  ``ocr-text-starter``) starts a paragraph;
* other lines continue the paragraph above (hyphenation undone), also across a
  blank line when the text above is unfinished and the line starts in lower case;
* specks read at the end of a paragraph are removed (rules labelled
  ``ocr-text-strip``);
* page numbers and running headers (lines read again on most pages, the first
  occurrence kept) are dropped — not repeated column headers and section
  titles, which say what the next chunk is; certain misreadings of codes are fixed (rules
  labelled ``ocr-code-fix``: "AL.4" → "A1.4", "C2,5" → "C2.5").

Provenance: line = the paragraph's first line in the file; page = the page
(form feeds counted), None when the text has no form feed.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ..docmodel import Block, Kind
from ..rules import RuleSet, default_rules
from ..textclean import ends_sentence, is_upper

_WRAPPED_SHARE = 0.08  # share of lines continued by a lower-case line: wrapped text
_MIN_LINES = 20
_RUNNING_MIN_CHARS = 12
_RUNNING_SIMILARITY = 90
_FUZZY_MAX = 3000  # distinct lines compared fuzzily; beyond, exact repeats only


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
    blocks: list[Block] = []
    current: Block | None = None
    after_blank = False
    paged = "\f" in text
    lines = text.split("\n")
    repeated = {n for n in running_lines(lines, rules) if not _cue(lines[n - 1], rules)}
    page = 1
    for number, raw in enumerate(lines, start=1):
        if "\f" in raw:
            page += raw.count("\f")
            current = None
        line = " ".join(raw.replace("\f", " ").split())
        if not line:
            after_blank = True
            continue
        if rules.first("ocr-text-noise", line) or number in repeated:
            current = None if number in repeated else current  # another column follows
            continue
        line = fix_code(_LEADING_QUOTE.sub("", line), rules)
        bullet = rules.first("ocr-text-bullet", line)
        if bullet is not None:
            current = Block(
                Kind.LIST_ITEM,
                bullet.group("text") or "",
                page=page if paged else None,
                line=number,
                label=bullet.group("glyph"),
            )
            blocks.append(current)
        elif (
            current is not None
            and _continues(current, line, after_blank, rules)
            and not (current.kind is Kind.LIST_ITEM and _heads_list(line, lines, number, rules))
        ):
            current.text = _join(current.text, line)
        else:
            current = Block(Kind.PARAGRAPH, line, page=page if paged else None, line=number)
            blocks.append(current)
        after_blank = False
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


def running_lines(lines: list[str], rules: RuleSet) -> set[int]:
    """Line numbers (1-based) of running headers and footers: a line read again
    on most pages (≥ 3 and two thirds of them, OCR variants included); the first
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
    for index, page in enumerate(pages):
        for number, key in page:
            slot = exact.get(key)
            if slot is None and len(seen) <= _FUZZY_MAX:  # OCR variants, while cheap
                slot = next(
                    (
                        i
                        for i, (known, _) in enumerate(seen)
                        if fuzz.ratio(known, key) >= _RUNNING_SIMILARITY
                    ),
                    None,
                )
            if slot is None:
                slot = len(seen)
                seen.append((key, set()))
                where.append([])
            exact[key] = slot
            seen[slot][1].add(index)
            where[slot].append(number)
    for (_, on), numbers in zip(seen, where, strict=True):
        if len(on) >= needed:
            first = " ".join(lines[numbers[0] - 1].replace("\f", " ").split())
            title = is_upper(first) or rules.first("title", first) is not None
            drop.update(numbers[1:] if title else numbers)
    return drop


def _cue(line: str, rules: RuleSet) -> bool:
    """A column header or section title: structure, kept even when repeated."""
    text = " ".join(line.replace("\f", " ").split())
    return any(rules.first(label, text) for label in ("zone", "section"))


def _key(line: str) -> str:
    return " ".join(re.sub(r"[^\w']+", " ", line.casefold()).split())


def _continues(block: Block, line: str, after_blank: bool, rules: RuleSet) -> bool:
    """Whether ``line`` continues ``block`` (a wrapped line, not a new paragraph)."""
    if rules.first("ocr-text-starter", line):
        return False
    if is_upper(block.text) != is_upper(line):
        return False  # a title line next to text
    if after_blank:
        return line[:1].islower() and not ends_sentence(block.text)
    return line[:1].islower() or not block.text.endswith((".", "!", "?", "…"))


_CAPITALISED = re.compile(r"^[A-ZÀ-ÝŒ][a-zà-ÿœ']")  # "La …", "L'…", not "CRM"
_LEADING_QUOTE = re.compile(r"^[‘'`´]+(?=[a-zà-ÿ])")  # a speck read before a wrapped line
_HYPHEN = re.compile(r"(\w)-$")


def _join(text: str, line: str) -> str:
    if _HYPHEN.search(text) and line[:1].islower():
        return text[:-1] + line
    return f"{text} {line}"
