"""Text that someone else OCR'd: the OCR backend's certain corrections, applied to text blocks.

Whether a text was OCR'd is decided cheaply from the confusions the OCR rules
know (``rules/ocr.yaml`` patterns: ``I'`` for ``l'``, ``jusqu'a``, ``AL.3`` for
``A1.3``), which clean French never contains: at least :data:`_MIN_HITS` of them
and one per :data:`_WORDS_PER_HIT` words. Only then are the blocks corrected,
word by word (lexicon-guarded confusions: ``ceuvre`` → ``œuvre``) and sentence
by sentence (patterns, ``a`` → ``à`` where certain), as :mod:`referentiel.ocrfix`
does for Tesseract's output; a clean text is never altered. A code opening a
block whose 1 was read as ``l`` or ``I`` (``Al La veille``, ``Al4 La …``) is
fixed when the document numbers other blocks with the same letter (``A2``, ``A3``).
"""

from __future__ import annotations

import re

from .. import ocrfix
from ..docmodel import Block, Kind

_MIN_HITS = 3
_WORDS_PER_HIT = 1000
_CODE = re.compile(r"^([A-Z])\.?\d+\b")  # a block opening with a code: "A2", "C.3"
_MISREAD_CODE = re.compile(r"^([A-Z])[lI|](\d*)(?=\s+[A-ZÀ-Ý])")  # "Al La …", "Al4 La …"


def looks_ocred(text: str) -> bool:
    """Whether ``text`` carries the confusions OCR makes (see the module docs)."""
    hits = sum(len(re.findall(rule.pattern, text)) for rule in ocrfix.load_rules().patterns)
    return hits >= _MIN_HITS and hits * _WORDS_PER_HIT >= len(text.split())


def correct(blocks: list[Block]) -> None:
    """Apply the certain OCR corrections to every block's text, table cells included."""
    texts = [b for top in blocks for b in top.walk() if b.kind is not Kind.TABLE and b.text]
    letters = {m.group(1) for b in texts if (m := _CODE.match(b.text))}
    for block in texts:
        block.text = correct_text(block.text)
        code = _MISREAD_CODE.match(block.text)
        if code and code.group(1) in letters:
            block.text = f"{code.group(1)}1{code.group(2)}{block.text[code.end() :]}"


def correct_text(text: str) -> str:
    """One block's text with its certain OCR corrections (spacing kept)."""
    parts = re.split(r"(\s+)", text)
    for index in range(0, len(parts), 2):
        fix = ocrfix.fix_word(parts[index]) if parts[index] else None
        if fix is not None:
            parts[index] = fix.after
    corrected, _ = ocrfix.fix_text("".join(parts))
    return corrected
