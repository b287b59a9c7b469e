"""Lines of a two-column page read across both columns, cut apart again.

A text extractor reads a page line by line across its columns: the left
column's text and the right column's come out on one line, a gap between
them (``1.  Repérer les risques.  • Identification …``, ``20 Ministère …
Code :  02GP``). Two layout cues say where the right column starts:

* a bullet glyph inside a line (a list item of the right column);
* a gap of two spaces or more before a head the rules name (a zone or
  section cue, a fiche's column heads, a labelled field), unless the text before the
  gap is a head too (column heads printed side by side stay one line).

Each piece keeps the line number of its line.
"""

from __future__ import annotations

import re

from ..ocrfix import join_split_words
from ..rules import RuleSet
from ..textclean import BULLET_GLYPHS

_GLUED_BULLET = re.compile(rf"(?<=\S)\s+(?=[{re.escape(BULLET_GLYPHS)}]\s)")
_GAP = re.compile(r"(?<=\S)\s{2,}(?=\S)")
HEADS = ("zone", "section", "code-field", "fiche-enonce", "fiche-elements")


def is_head(text: str, rules: RuleSet) -> bool:
    """Whether a line is a head the rules name (structure, kept apart), its
    words the extractor broke mended first."""
    text = join_split_words(" ".join(text.replace("\f", " ").split()))
    return bool(text) and any(rules.first(label, text) for label in HEADS)


def column_pieces(lines: list[str], rules: RuleSet) -> list[tuple[int, str]]:
    """Every line as its pieces, each with its 1-based line number."""
    out: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        for part in _GLUED_BULLET.split(line) if "\f" not in line else [line]:
            out.extend((number, piece) for piece in _at_heads(part, rules))
    return out


def _at_heads(line: str, rules: RuleSet) -> list[str]:
    """``line`` cut before each head that follows a gap and text no head."""
    gaps = list(_GAP.finditer(line))
    if not gaps:
        return [line]
    pieces: list[str] = []
    start = 0
    for index, gap in enumerate(gaps):
        before = line[gaps[index - 1].end() if index else 0 : gap.start()]
        after_end = gaps[index + 1].start() if index + 1 < len(gaps) else len(line)
        after = line[gap.end() : after_end]
        if is_head(after, rules) and not is_head(before, rules):
            pieces.append(line[start : gap.start()])
            start = gap.end()
    pieces.append(line[start:])
    return [piece for piece in pieces if piece.strip()] or [line]
