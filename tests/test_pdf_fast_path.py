"""The fast PDF reading path gives exactly what pdfminer and pdfplumber give.

:mod:`referentiel.backends.pdf_content` reads content streams instead of
pdfminer's parser, :mod:`referentiel.backends.pdf_chars` places characters
instead of pdfminer's ``LTChar``: both are checked against the originals on
every real PDF, and the fallback to pdfminer on unusual content is exercised.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from fixtures.paths import ROOT
from pdfminer.pdfinterp import PDFContentParser, PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psparser import PSEOF
from pdfminer.utils import MATRIX_IDENTITY
from referentiel.backends.pdf_chars import Char
from referentiel.backends.pdf_content import FastInterpreter, Unusual, objects
from referentiel.backends.pdf_visible import _Frame, lay_out, turned
from referentiel.backends.symbol_fonts import map_symbol

REAL_PDFS = sorted([*ROOT.glob("sources/*.pdf"), *ROOT.glob("tests/data/real/*.pdf")])
TRICKY = (
    b"BT /F1 12 Tf 1 0 0 1 72.5 -.5 Tm [(a\\(b\\)c) -120 <4142 43> 3.] TJ "
    b"((nested) paren) Tj (esc\\n\\t\\101\\7x\\q) Tj <414> Tj <> Tj - + . 1.2.3 -.5 "
    b"true false [1 [2 3] << /A 1 /B [4] >> ] ] } > ET % comment\r\n"
    b"/N\xc3\xa9 /\xff q 0 g 1 1 m 2 2 l S Q ' \" *x\x00y"
)


def _pdfminer(data: bytes) -> list[Any]:
    """What pdfminer's own content parser reads from a stream."""
    try:
        parser = PDFContentParser([PDFStream({}, data)])
    except PSEOF:
        return []
    found = []
    while True:
        try:
            found.append(parser.nextobject()[1])
        except PSEOF:
            return found


def _content_streams(path: Path) -> list[bytes]:
    with pdfplumber.open(path) as pdf:
        return [stream_value(s).get_data() for page in pdf.pages for s in page.page_obj.contents]


@pytest.mark.parametrize("path", REAL_PDFS, ids=lambda p: p.name)
def test_every_content_stream_reads_as_pdfminer_reads_it(path: Path) -> None:
    streams = _content_streams(path)
    assert streams
    read = 0
    for data in streams:
        try:
            mine = objects(data)
        except Unusual:  # e.g. an array going on in the page's next stream: pdfminer reads it
            continue
        assert repr(mine) == repr(_pdfminer(data))
        read += 1
    assert read * 2 >= len(streams)  # the fast path reads most streams itself


def test_tricky_tokens_read_as_pdfminer_reads_them() -> None:
    mine = objects(TRICKY)
    assert repr(mine) == repr(_pdfminer(TRICKY))
    assert [b"a(b)c", -120, b"ABC", 3.0] in mine  # the TJ array, escapes and hex read


@pytest.mark.parametrize(
    "data",
    [
        b"q BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q",  # inline image
        b"(unterminated",
        b"<41",
        b"/A#20B Tf",  # escaped name
        b"(\\777) Tj",  # octal escape past a byte
        b"<< /A >>",  # odd dictionary
    ],
)
def test_unusual_content_is_left_to_pdfminer(data: bytes) -> None:
    with pytest.raises(Unusual):
        objects(data)


def _state_after(kind: type[PDFPageInterpreter], data: bytes) -> str:
    """What an interpreter leaves behind a stream: its argument stack and graphic state."""
    with pdfplumber.open(REAL_PDFS[0]) as pdf:
        interpreter = kind(pdf.rsrcmgr, _NullDevice())  # type: ignore[arg-type]
        interpreter.init_resources({})
        interpreter.init_state(MATRIX_IDENTITY)
        stream = PDFStream({}, data)
        stream.set_objid(1, 0)
        interpreter.execute([stream])
        return repr((interpreter.argstack, interpreter.graphicstate, interpreter.ctm))


class _NullDevice:
    """A device that draws nothing (pdfminer's interface, as far as these streams go)."""

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: None


@pytest.mark.parametrize(
    "data",
    [
        b"q 2 w 0 0 1 rg 1 0 0 1 5 5 cm 7 8 Q 3 w",  # read fast
        b"q 2 w BI /W 1 /H 1 ID \x00 EI 3 4 cm 9",  # inline image: pdfminer reads it
    ],
)
def test_interpreter_state_matches_pdfminer(data: bytes) -> None:
    assert _state_after(FastInterpreter, data) == _state_after(PDFPageInterpreter, data)


@pytest.mark.parametrize("path", REAL_PDFS, ids=lambda p: p.name)
def test_characters_match_pdfplumber(path: Path) -> None:
    """Every character the readers get has pdfplumber's values for what they use (a
    symbol font's check mark as its Unicode glyph; a character turned by a right angle
    whose matrix writes its zero cosines as tiny products is not upright, as pdfminer
    says it is)."""
    keys = ("text", "fontname", "size", "matrix", "upright", "x0", "x1", "top", "bottom", "doctop")
    with pdfplumber.open(path) as plain, pdfplumber.open(path) as fast:
        for theirs_page, our_page in zip(plain.pages, fast.pages, strict=True):
            frame = _Frame.of(our_page)
            ours = [frame.char(c) for c in _chars(lay_out(our_page))]
            theirs = [{k: c[k] for k in keys} for c in theirs_page.chars]
            for char in theirs:
                char["text"] = map_symbol(char["fontname"], char["text"])
                char["upright"] = char["upright"] and not turned(char["matrix"])
            assert ours == theirs


def _chars(container: Any) -> list[Char]:
    found: list[Char] = []
    for item in container:
        if isinstance(item, Char):
            found.append(item)
        elif hasattr(item, "_objs"):
            found.extend(_chars(item))
    return found
