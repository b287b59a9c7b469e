"""Codes of one numbering series repaired where OCR misread them.

A document numbers its items in series: ``AC11.01``, ``AC11.02``, ``AC11.03``.
Read from a small picture, a code may come back with a space inside it
(``AC 11.02``), with a digit taken for a look-alike (``AC11.09``), or on the
line of the item before it when its bullet was lost (``… (corrective)
AC23.03 | Diagnostiquer …``). The series shows what was printed (rule
``code_series``, ``rules/ocr.yaml``):

* a code with a space inside, among codes of its letters printed glued more
  often than not, is glued;
* a code that breaks its series (level and letters) where the rank the series
  expects there differs from the one read by one digit read for a look-alike,
  and that rank is printed nowhere else in the series, takes it;
* a paragraph or list item opened by a code, that reads on with the next
  code of the same series followed by the same separator, is two items.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..docmodel import Block, Kind
from ..ocrfix import CodeSeriesRule, load_rules

_TEXT_KINDS = (Kind.PARAGRAPH, Kind.LIST_ITEM, Kind.HEADING)
_OPENING = re.compile(r"^\W{0,3}")  # a bullet read before the code


def repair_codes(blocks: list[Block]) -> list[Block]:
    """``blocks`` with their series' codes repaired and glued items split."""
    rule = load_rules().code_series
    if rule is None:
        return blocks
    code = re.compile(rule.code)
    texts = [b for top in blocks for b in top.walk() if b.kind in _TEXT_KINDS]
    _glue_spaced(texts, code)
    _follow_series(texts, code, rule)
    return _split_glued(blocks, code)


def _glue_spaced(texts: list[Block], code: re.Pattern[str]) -> None:
    """Glue the spaced codes of letters their series prints glued more often."""
    spaced: Counter[str] = Counter()
    glued: Counter[str] = Counter()
    for block in texts:
        for found in code.finditer(block.text):
            (spaced if found.group("space") else glued)[found.group("letters")] += 1
    for block in texts:
        block.text = code.sub(
            lambda m: _glued(m) if glued[m.group("letters")] > spaced[m.group("letters")] else m[0],
            block.text,
        )


def _glued(found: re.Match[str]) -> str:
    return f"{found.group('letters')}{found.group('major')}.{found.group('minor')}"


def _follow_series(texts: list[Block], code: re.Pattern[str], rule: CodeSeriesRule) -> None:
    """Give a code breaking its series the rank the series expects, when that
    rank is one look-alike digit away and printed nowhere else."""
    series: dict[tuple[str, str], list[str]] = {}
    for block in texts:
        for found in code.finditer(block.text):
            ranks = series.setdefault((found.group("letters"), found.group("major")), [])
            if not ranks or ranks[-1] != found.group("minor"):
                ranks.append(found.group("minor"))
    fixes: dict[tuple[str, str, str], str] = {}
    for (letters, major), ranks in series.items():
        for previous, rank in zip(ranks, ranks[1:], strict=False):
            expected = f"{int(previous) + 1:0{len(previous)}d}"
            if rank != expected and expected not in ranks and _look_alike(rank, expected, rule):
                fixes[(letters, major, rank)] = expected
    if not fixes:
        return
    for block in texts:
        block.text = code.sub(lambda m: _ranked(m, fixes), block.text)


def _look_alike(read: str, printed: str, rule: CodeSeriesRule) -> bool:
    """Whether ``read`` is ``printed`` with one digit read for a look-alike."""
    if len(read) != len(printed):
        return False
    differ = [(a, b) for a, b in zip(read, printed, strict=True) if a != b]
    return len(differ) == 1 and rule.digits.get(differ[0][0]) == differ[0][1]


def _ranked(found: re.Match[str], fixes: dict[tuple[str, str, str], str]) -> str:
    key = (found.group("letters"), found.group("major"), found.group("minor"))
    if key not in fixes:
        return found[0]
    return f"{found.group('letters')}{found.group('space')}{found.group('major')}.{fixes[key]}"


def _split_glued(blocks: list[Block], code: re.Pattern[str]) -> list[Block]:
    """Each top-level item reading on with the next code of its series parted
    in two (the second keeps the first's kind, place and label)."""
    out: list[Block] = []
    for block in blocks:
        out.extend(_parts(block, code) if block.kind in _TEXT_KINDS else [block])
    return out


def _parts(block: Block, code: re.Pattern[str]) -> list[Block]:
    opening = code.match(block.text, _OPENING.match(block.text).end())  # type: ignore[union-attr]
    if opening is None:
        return [block]
    separator = block.text[opening.end() : opening.end() + 2].strip()[:1]
    nxt = f"{int(opening.group('minor')) + 1:0{len(opening.group('minor'))}d}"
    for found in code.finditer(block.text, opening.end()):
        after = block.text[found.end() : found.end() + 2].strip()[:1]
        if (
            found.group("letters", "major") == opening.group("letters", "major")
            and found.group("minor") == nxt
            and after == separator
            and separator
            and not separator.isalnum()
        ):
            first = replace(
                block, text=block.text[: found.start()].rstrip(), features=set(block.features)
            )
            rest = replace(block, text=block.text[found.start() :], features=set(block.features))
            return [first, *_parts(rest, code)]
    return [block]
