"""Page furniture: running headers, footers and page numbers, found on blocks.

A block lying in the top or bottom band of its page is *furniture* when the
same text stands at about the same place on most pages (a ruled footer table
counts like any other block: its cells' text is its text). Digits are folded
("Page 3 / 12" matches "Page 4 / 12") only in texts that speak of pages (the
word, or a counter "3 sur 12", "3 of 12"), so "Bloc 1" and "Bloc 2" stay
apart, and in texts that open or end on a number following the pages (a
running footer printing a title of two words at least and the page's number,
"Génie civil 61" then "62 Génie civil": each page's number, higher than the
last page's by at least as many pages, on pages printing no number apart;
facing pages may print the title's parts in swapped order, "Revue · Génie
civil 61" then "62 Génie civil · Revue": the words are compared, not their order;
"N° 2" is a counter, no title): those
are furniture wherever they stand, in a table cell too (the cell loses them).
A margin block that is only a page number ("3", "- 3 -", "Page 3 sur 12") is
furniture even on one page. A margin block
repeated on several pages, but not on most, is kept and marked ``repeated``.

The *running band* (:func:`running_band`) is the text of the margin blocks,
those nested in a table's cells too (a page drawn inside a frame), that stand
at the same place on most pages, page numbers left out: readers keep it as the
document's metadata (:class:`~referentiel.docmodel.Band`).

OCR text is noisy: its readers ask for near-equal texts to count as the same.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from ...docmodel import Band, Block, Kind
from ..page_numbers import page_number_line

MARGIN = 0.12  # share of the page height searched at the top and at the bottom
_SAME_PLACE = 8.0  # points: a repeated block may move this much between pages
_NEAR_EQUAL = 85  # rapidfuzz ratio from which two noisy (OCR) texts are the same
_PAGE_NUMBER = page_number_line("#+")  # on a key, its digits folded


_COUNTER = re.compile(r"(^|\s)#\s+(sur|of)\s+#(\s|$)")
_NUMBER = re.compile(r"\d{1,4}$")  # a number at a text's edge, one word of its own
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_APART = re.compile(r"[^\W\d_]|[)\]]")  # a letter, or a bracket closing what holds another number
_WORD = re.compile(r"[^\W\d_]{3,}")  # a title beside the number has two words at least
_EDGE = "#~ "  # the key's prefix of a text whose edge number was set aside


@dataclass
class _Candidate:
    block: Block
    zone: str  # "top" | "bottom"
    distance: float  # from the page edge of its zone
    key: str
    number: int | None = None  # the number set aside at the text's edge (key starts with _EDGE)


def furniture(pages: list[list[Block]], heights: list[float], noisy: bool = False) -> set[int]:
    """``id()`` of every furniture block; blocks ``repeated`` too rarely are marked so.

    ``pages`` are the blocks of each page (``bbox`` set, in points), ``heights``
    the pages' heights in points; ``noisy`` lets near-equal texts match (OCR).
    """
    top = {id(block) for blocks in pages for block in blocks}
    candidates = [
        found
        for blocks, height in zip(pages, heights, strict=True)
        for outer in blocks
        for block in outer.walk()
        if (block is outer or block.kind is not Kind.TABLE)
        and (found := _candidate(block, height)) is not None
        and (block is outer or found.number is not None)
    ]
    drop: set[int] = set()
    for run in _runs(candidates, len(pages), noisy):
        nested = run.group[0].number is not None
        if run.page_number:
            drop.update(id(found.block) for found in run.group)
        elif run.running and (nested or all(id(found.block) in top for found in run.kept)):
            drop.update(id(found.block) for found in run.kept)
        elif run.count >= 2:
            for found in run.kept:
                if id(found.block) in top:
                    found.block.features.add("repeated")
    _prune([block for blocks in pages for block in blocks], drop)
    return drop & top


def _prune(blocks: list[Block], drop: set[int]) -> None:
    """Take the dropped blocks out of the table cells they stand in."""
    for block in blocks:
        for row in block.rows:
            for cell in row.cells:
                cell.blocks = [nested for nested in cell.blocks if id(nested) not in drop]
                _prune(cell.blocks, drop)


def running_band(pages: list[list[Block]], heights: list[float], noisy: bool = False) -> list[Band]:
    """The texts standing in the margins at the same place on most pages (blocks
    inside table cells included, page numbers left out), each with its first
    page and box, in the order of the document."""
    candidates = [
        found
        for blocks, height in zip(pages, heights, strict=True)
        for top in blocks
        for block in top.walk()
        if block.kind is not Kind.TABLE and (found := _candidate(block, height)) is not None
    ]
    bands: list[Band] = []
    for run in _runs(candidates, len(pages), noisy):
        if run.running and not run.page_number:
            first = run.kept[0].block
            text = " ".join(first.text.split())
            if run.kept[0].number is not None:
                text = _edge_number(text)[0]
            bands.append(Band(text, first.page, first.bbox))
    return bands


@dataclass
class _Run:
    """One margin text across the pages: its mentions, those at the usual place, and the verdict."""

    group: list[_Candidate]
    kept: list[_Candidate]
    count: int  # pages where it stands at the usual place
    page_number: bool
    running: bool  # stands there on most pages


def _runs(candidates: list[_Candidate], pages: int, noisy: bool) -> list[_Run]:
    runs = []
    numbered = {found.block.page for found in candidates if _PAGE_NUMBER.match(found.key)}
    for group, kept in _split(_groups(candidates, noisy), numbered):
        count = len({found.block.page for found in kept})
        key = group[0].key
        page_number = bool(_PAGE_NUMBER.match(key))
        runs.append(_Run(group, kept, count, page_number, _is_furniture(count, pages, "#" in key)))
    return runs


def _is_furniture(count: int, pages: int, folded: bool) -> bool:
    """Whether a text found on ``count`` of ``pages`` pages runs through the
    document: on half of them, or on more than half when its page numbers were
    folded (texts that differ, made equal: a heading continued over two pages
    of four, "… (page 1/2)", "… (page 2/2)", is no running header)."""
    if count < 2:
        return False
    return count * 2 > pages if folded else count * 2 >= pages


def _candidate(block: Block, height: float) -> _Candidate | None:
    box = block.bbox
    if box is None:
        return None
    if box.bottom <= height * MARGIN:
        zone, distance = "top", box.top
    elif box.top >= height * (1 - MARGIN):
        zone, distance = "bottom", height - box.bottom
    else:
        return None  # in the body: no margin text, nothing to read
    text = _text(block)
    key = _key(text)
    if not key:
        return None
    number = None
    if key == " ".join(text.lower().split()):  # no page number folded
        rest, number = _edge_number(key)
        key = key if number is None else _EDGE + " ".join(sorted(rest.split()))
    return _Candidate(block, zone, distance, key, number)


def _edge_number(text: str) -> tuple[str, int | None]:
    """The text without the number it opens or ends on (a letter between the
    number and any other digit, or a bracket closing that digit's aside:
    "Mise à jour (juin 2025) 117"), and that number."""
    first, _, after = text.partition(" ")
    before, _, last = text.rpartition(" ")
    if _NUMBER.match(first) and _LETTER.search(_DIGIT.split(after, 1)[0]):
        rest, number = after, first
    elif before and _NUMBER.match(last) and _APART.search(_DIGIT.split(before)[-1]):
        rest, number = before, last
    else:
        return text, None
    if len(_WORD.findall(rest)) < 2:
        return text, None  # a counter's label ("N° 2", "Fiche 3"), no title
    return rest, int(number)


def _split(
    groups: list[list[_Candidate]], numbered: set[int | None]
) -> list[tuple[list[_Candidate], list[_Candidate]]]:
    """Groups whose edge numbers do not follow the pages ("Bloc 1", "Bloc 2"),
    or stand on pages that print their number apart (a page prints its number
    once: "Bloc 2" on page 2 beside "Page 2 / 3" is a heading), split back into
    their own texts, numbers unfolded; each group with its members at the
    usual place (:func:`_same_place`)."""
    out: list[tuple[list[_Candidate], list[_Candidate]]] = []
    for group in groups:
        kept = _same_place(group)
        if group[0].number is None or (
            _follows_pages(kept) and not numbered & {found.block.page for found in kept}
        ):
            out.append((group, kept))
            continue
        exact: dict[str, list[_Candidate]] = defaultdict(list)
        for found in group:
            found.key, found.number = " ".join(_text(found.block).lower().split()), None
            exact[found.key].append(found)
        out.extend((own, _same_place(own)) for own in exact.values())
    return out


def _follows_pages(kept: list[_Candidate]) -> bool:
    """One number a page, each higher than the last by at least as many pages."""
    ordered = sorted(kept, key=lambda found: found.block.page or 0)
    pairs = zip(ordered, ordered[1:], strict=False)
    return len(ordered) >= 2 and all(
        (b.number or 0) - (a.number or 0) >= (b.block.page or 0) - (a.block.page or 0) > 0
        for a, b in pairs
    )


def _text(block: Block) -> str:
    if block.kind is not Kind.TABLE:
        return block.text
    return " ".join(cell.text for row in block.rows for cell in row.cells)


def _key(text: str) -> str:
    """What identifies a margin block across pages: its text, numbers folded in page numbers."""
    key = " ".join(text.lower().split())
    folded = re.sub(r"\d+", "#", key)
    pages = _PAGE_NUMBER.match(folded) or "page" in folded or _COUNTER.search(folded)
    return folded if pages else key


def _groups(candidates: list[_Candidate], noisy: bool) -> list[list[_Candidate]]:
    """Candidates of one zone with the same key (near-equal keys too when ``noisy``)."""
    exact: dict[tuple[str, str], list[_Candidate]] = defaultdict(list)
    for found in candidates:
        exact[(found.zone, found.key)].append(found)
    if not noisy:
        return list(exact.values())
    groups: list[list[_Candidate]] = []
    heads: list[tuple[str, str]] = []
    for (zone, key), members in exact.items():
        for i, (head_zone, head_key) in enumerate(heads):
            if zone == head_zone and fuzz.ratio(_letters(key), _letters(head_key)) >= _NEAR_EQUAL:
                groups[i].extend(members)
                break
        else:
            heads.append((zone, key))
            groups.append(list(members))
    return groups


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def _same_place(group: list[_Candidate]) -> list[_Candidate]:
    """The members of ``group`` standing where most of them stand."""
    distances = sorted(found.distance for found in group)
    middle = distances[len(distances) // 2]
    return [found for found in group if abs(found.distance - middle) <= _SAME_PLACE]
