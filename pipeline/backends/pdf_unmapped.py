"""Characters of a font without a Unicode map, read again from the page's picture.

A subset font addressed by glyph number (Identity-H) with neither a ToUnicode
map nor a cmap in its program gives pdfminer's ``(cid:N)``: the text is lost,
only the glyphs are printed. Each line's run of such glyphs is rendered and
read by Tesseract; where the reading has one character per glyph (spaces
included), each glyph number is paired with its character. A glyph takes the
character it was most often read as on the page (one misread letter is
outvoted), and a run whose reading is longer (a ligature: one glyph, two
letters) gives its one unknown glyph the letters left between the known ones.
Without Tesseract, or when a reading pairs nothing, the characters stay as
they were.

A LONE undecoded glyph that opens a line, a capital letter right after it, is
a list mark (:func:`mark_lone_glyphs`): a text font's bullet its subset does not
map ("(cid:129)Présentation …"); a ligature would open a word in small letters.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from typing import Any

import numpy as np

from .symbol_fonts import BULLET

_CID = "(cid:"
_DPI = 300
_PAD = 2.0  # points of margin around a run
_LINE = "--oem 1 --psm 7"  # LSTM engine, one text line
_MIN_RUN = 2  # glyphs: a lone glyph is too little for Tesseract
_LIGATURE = 3  # at most this many letters for one glyph
_AFTER = 2.0  # font sizes: at most this far from the glyph to the capital after it
_SAME_LINE = 0.5  # font sizes: characters whose tops are closer share the glyph's line
_TOUCH = 0.1  # points: edges this close touch (a character glued to the glyph)

Key = tuple[str, str]  # font name, "(cid:N)"


def _runs(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Runs of consecutive undecoded characters of one font on one line."""
    runs: list[list[dict[str, Any]]] = []
    run: list[dict[str, Any]] = []
    for char in chars:
        if char["text"].startswith(_CID) and char.get("upright", True):
            last = run[-1] if run else None
            if (
                last is None
                or last["fontname"] == char["fontname"]
                and abs(last["top"] - char["top"]) < 0.5 * char["size"]
                and char["x0"] >= last["x0"]
            ):
                run.append(char)
                continue
        if len(run) >= _MIN_RUN:
            runs.append(run)
        run = [char] if char["text"].startswith(_CID) and char.get("upright", True) else []
    if len(run) >= _MIN_RUN:
        runs.append(run)
    return runs


def _read(picture: Any, page: Any, run: list[dict[str, Any]]) -> str:
    """Tesseract's reading of a run (its words joined by single spaces)."""
    from .ocr_tesseract import read_words

    scale = _DPI / 72
    left, top = float(page.bbox[0]), float(page.bbox[1])
    box = (
        int((min(c["x0"] for c in run) - _PAD - left) * scale),
        int((min(c["top"] for c in run) - _PAD - top) * scale),
        int((max(c["x1"] for c in run) + _PAD - left) * scale) + 1,
        int((max(c["bottom"] for c in run) + _PAD - top) * scale) + 1,
    )
    gray = np.asarray(picture.crop(box).convert("L"))
    return " ".join(w.text for w in read_words(gray, _LINE))


def _pair(keys: list[Key], text: str, votes: dict[Key, Counter[str]]) -> None:
    """Count the reading's characters for the glyphs, one to one."""
    for key, letter in zip(keys, text, strict=True):
        votes[key][letter] += 1


def _winners(votes: dict[Key, Counter[str]]) -> dict[Key, str]:
    """Each glyph's most frequent reading."""
    return {key: count.most_common(1)[0][0] for key, count in votes.items()}


def _words(keys: list[Key], text: str, known: dict[Key, str]) -> list[tuple[list[Key], str]]:
    """A run whose reading is not one character per glyph, cut into words at
    its glyphs read as spaces, paired with the reading's words (if as many)."""
    if len(keys) == len(text):
        return []
    words: list[list[Key]] = [[]]
    for key in keys:
        if known.get(key) == " ":
            words.append([])
        else:
            words[-1].append(key)
    while words and not words[-1]:  # a space glyph at the run's end
        words.pop()
    while words and not words[0]:
        words.pop(0)
    read = text.split(" ")
    if len(words) != len(read):
        return []
    return list(zip(words, read, strict=True))


def _ligature(keys: list[Key], text: str, known: dict[Key, str]) -> dict[Key, str]:
    """The letters of the one glyph of a run not known yet, if the known ones
    spell the reading's start and end around it."""
    unknown = [i for i, key in enumerate(keys) if key not in known]
    if len({keys[i] for i in unknown}) != 1 or len(unknown) != 1:
        return {}
    i = unknown[0]
    head = "".join(known[k] for k in keys[:i])
    tail = "".join(known[k] for k in keys[i + 1 :])
    middle = text[len(head) : len(text) - len(tail)]
    if not (text.startswith(head) and text.endswith(tail)) or not 1 < len(middle) <= _LIGATURE:
        return {}
    return {keys[i]: middle}


def reread_unmapped(page: Any, chars: list[dict[str, Any]]) -> None:
    """Give the undecoded characters of ``chars`` (``(cid:N)``) the text
    Tesseract reads for their glyphs on the rendered ``page`` (in place)."""
    runs = _runs(chars)
    if not runs:
        return
    try:
        picture = page.to_image(resolution=_DPI).original
        readings = [_read(picture, page, run) for run in runs]
    except (ImportError, OSError, RuntimeError):  # no Tesseract: the glyphs stay undecoded
        return
    votes: dict[Key, Counter[str]] = defaultdict(Counter)
    keyed = [[(c["fontname"], c["text"]) for c in run] for run in runs]
    for keys, text in zip(keyed, readings, strict=True):
        if len(keys) != len(text):  # glyphs placed apart, without a space glyph
            text = text.replace(" ", "")
        if len(keys) == len(text):
            _pair(keys, text, votes)
    known = _winners(votes)
    pairs = [
        pair
        for keys, text in zip(keyed, readings, strict=True)
        for pair in _words(keys, text, known)
    ]
    for keys, text in pairs:
        if len(keys) == len(text):
            _pair(keys, text, votes)
    known = _winners(votes)
    for keys, text in pairs:
        if len(text) > len(keys):
            known.update(_ligature(keys, text, known))
    for char in chars:
        char["text"] = known.get((char["fontname"], char["text"]), char["text"])


def mark_lone_glyphs(chars: list[dict[str, Any]]) -> None:
    """Read as a bullet (in place) each undecoded glyph standing alone at the
    start of a line (no character before it on its line within a font size)
    whose next character on the line is a capital letter. The upright
    characters are sorted by top once; a glyph's line is a slice of them."""
    upright = sorted(
        (i for i, c in enumerate(chars) if c.get("upright", True)), key=lambda i: chars[i]["top"]
    )
    tops = [chars[i]["top"] for i in upright]
    for char in chars:
        if not char["text"].startswith(_CID) or not char.get("upright", True):
            continue
        size = float(char["size"]) or 1.0
        reach = _SAME_LINE * size
        window = upright[
            bisect_left(tops, char["top"] - reach) : bisect_right(tops, char["top"] + reach)
        ]
        line = [
            chars[i]
            for i in sorted(window)
            if chars[i] is not char and abs(chars[i]["top"] - char["top"]) < reach
        ]
        before = [c for c in line if c["x0"] < char["x0"]]
        if any(char["x0"] - size <= c["x1"] <= char["x0"] + _TOUCH for c in before):
            continue
        after = [c for c in line if c["x0"] >= char["x1"] - _TOUCH and c["text"].strip()]
        if not after:
            continue
        first = min(after, key=lambda c: c["x0"])
        if first["x0"] - char["x1"] <= _AFTER * size and first["text"][:1].isupper():
            char["text"] = BULLET
