"""Lines of two columns glued with no gap, cut apart where a repeated passage ends.

OCR may read a page across two columns with a single space between them
(``Appliquer les procédures … découlant transversale :``): no gap says where
the right column starts (:mod:`.text_columns` cuts at gaps). A document that
prints the same passage several times (a transversal compétence stated under
every bloc) carries the evidence: when three lines or more in a row each open
with the next line of a passage printed alone elsewhere (OCR variants of a
letter or two aside) and go on, the passage is the left column and the rest of
each line the right one. The lines are read again column after column: the
passage, with the blank lines of its other copy, then the right column's
pieces with the blank lines of the run.
"""

from __future__ import annotations

from rapidfuzz import fuzz

_MIN_RUN = 3  # glued lines in a row, each opening with the passage's next line
_MIN_CHARS = 12  # a shorter line is no evidence of a passage
_MIN_REST = 3  # characters the right column must hold
_SLACK = 3  # characters an OCR variant's length may differ by
_SIMILARITY = 90

Piece = tuple[int, str]


def unglue(pieces: list[Piece]) -> list[Piece]:
    """``pieces`` (line number, text) with every run of glued lines read column after column."""
    # a page break is kept where it is: its line is never cut nor moved
    texts = ["" if "\f" in text else " ".join(text.split()) for _, text in pieces]
    known: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        if len(text) >= _MIN_CHARS:
            known.setdefault(_opening(text), []).append(index)
    out: list[Piece] = []
    index = 0
    while index < len(pieces):
        run = _run(pieces, texts, known, index)
        if len(run) < _MIN_RUN:
            out.append(pieces[index])
            index += 1
            continue
        end = run[-1][0] + 1
        out.extend(_columns(pieces, texts, run, end))
        index = end
    return out


def _opening(text: str) -> str:
    return " ".join(text.split()[:2])


def _split(texts: list[str], known: dict[str, list[int]], index: int) -> list[tuple[int, int]]:
    """Where the line at ``index`` may be cut: (position, index of the whole
    line elsewhere it opens with), one per candidate line."""
    text = texts[index]
    found: list[tuple[int, int]] = []
    for other in known.get(_opening(text), []):
        line = texts[other]
        if other == index or len(text) < len(line) + _MIN_REST:
            continue
        cuts = [
            (fuzz.ratio(text[:position], line), -abs(position - len(line)), position)
            for position in range(len(line) - _SLACK, len(line) + _SLACK + 1)
            if 0 < position < len(text) - _MIN_REST and text[position] == " "
        ]
        score, _, position = max(cuts, default=(0.0, 0, 0))
        if score >= _SIMILARITY:
            found.append((position, other))
    return found


def _run(
    pieces: list[Piece], texts: list[str], known: dict[str, list[int]], start: int
) -> list[tuple[int, int, int]]:
    """The glued lines from ``start`` on (blank lines skipped): (index, cut,
    index of the passage's line), each opening with the line after the
    previous one's in the passage; empty when ``start`` opens none."""
    best: list[tuple[int, int, int]] = []
    for position, other in _split(texts, known, start):
        run = [(start, position, other)]
        while True:
            index = _next_filled(pieces, texts, run[-1][0])
            follow = _next_filled(pieces, texts, run[-1][2])
            if index is None or follow is None:
                break
            cut = next((p for p, o in _split(texts, known, index) if o == follow), None)
            if cut is None:
                break
            run.append((index, cut, follow))
        best = run if len(run) > len(best) else best
    return best


def _next_filled(pieces: list[Piece], texts: list[str], index: int) -> int | None:
    """The next line holding text, None at a page break or the end."""
    for i in range(index + 1, len(texts)):
        if "\f" in pieces[i][1]:
            return None
        if texts[i]:
            return i
    return None


def _columns(
    pieces: list[Piece], texts: list[str], run: list[tuple[int, int, int]], end: int
) -> list[Piece]:
    """The run's lines as the left column (blank lines where its other copy
    has them), a blank line, then the right column (blank lines of the run)."""
    left: list[Piece] = []
    for at, (index, cut, other) in enumerate(run):
        if at and any(not texts[i] for i in range(run[at - 1][2] + 1, other)):
            left.append((pieces[index][0], ""))
        left.append((pieces[index][0], texts[index][:cut]))
    cuts = {index: cut for index, cut, _ in run}
    right: list[Piece] = [(pieces[run[0][0]][0], "")]
    for index in range(run[0][0], end):
        number = pieces[index][0]
        right.append((number, texts[index][cuts[index] + 1 :] if index in cuts else ""))
    return left + right
