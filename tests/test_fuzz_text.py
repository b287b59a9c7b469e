"""Property-based: random and mutated text/markup through the text reader and segmenter.

Inputs are built from the pieces référentiel extractions are made of (code-like
prefixes, section titles, bullets, tabs, HTML tags, markdown) mixed with random
text and random bytes. Whatever comes in, the only exceptions allowed are the
project's own (:class:`~referentiel.errors.ReferentielError`), and every référentiel
that comes out validates against the published JSON Schema.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from referentiel.api import parse
from referentiel.docmodel import Document
from referentiel.errors import ReferentielError
from referentiel.models import json_schema
from referentiel.options import Options
from referentiel.textio import decode

# FUZZ_EXAMPLES=5000 FUZZ_RANDOM=1 pytest tests/test_fuzz_text.py: a longer, unseeded hunt
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # nothing written to .hypothesis/
    derandomize=not os.environ.get("FUZZ_RANDOM"),  # same examples on every run and in CI
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

PIECES = [
    "BC 1",
    "BC01 -",
    "Bloc de compétences n° 2 :",
    "Bloc 3",
    "BDC 0158",
    "C1.2 :",
    "C.3.1",
    "A1.1",
    "Compétence 3",
    "Compétences",
    "Critères d'évaluation",
    "Critères d’évaluation :",
    "Indicateurs",
    "Modalités d'évaluation",
    "Référentiel d'activités",
    "Connaissances associées",
    "Conditions de réalisation",
    "Résultats attendus",
    "CQP",
    "CQPM",
    "RNCP12345",
    "1.",
    "a)",
    "•",
    "·",
    "-",
    "–",
    "▪",
    "o ",
    "e ",
    "©",
    "**",
    "#",
    "## ",
    "[bookmark: _Toc1]",
    "<p>",
    "</p>",
    "<br>",
    "<b>",
    "</b>",
    "<ul>",
    "<li>",
    "<table><tr><td>",
    "</td><td>",
    "<td rowspan=3>",
    "<td colspan=0>",
    "</tr></table>",
    "<h1>",
    "</h1>",
    "<!--",
    "&amp;",
    "&nbsp;",
    "&#0;",
    "\t",
    "\t\t",
    " ",
    ":",
    ";",
    "…",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "\f",
    "\x00",
    "\x0b",
    "\r",
    "Accueillir le client et identifier ses besoins",
    "l'ensemble des éléments est vérifié",
]
LINE = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=8).map("".join)
TEXT = st.lists(LINE, max_size=40).map("\n".join)
ENCODING = st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"])
SCHEMA = json_schema()


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="fuzz-text-") as folder:
        yield Path(folder)


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace" if encoding == "cp1252" else "surrogatepass")


def _parse(folder: Path, data: bytes, suffix: str) -> Document | None:
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    try:
        return parse(path)
    except ReferentielError as err:
        assert "\n" not in str(err) and str(err).startswith(str(path))
        return None


@FUZZ
@given(text=TEXT, encoding=ENCODING)
def test_fuzz_text_decode_round_trips(text: str, encoding: str) -> None:
    text = text.replace("\r", "")
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return  # not representable in that encoding: nothing to round-trip
    decoded, _ = decode(data)
    if encoding == "cp1252" and re.search(rb"[\xc2-\xf4][\x80-\xbf]", data):
        return  # bytes that also read as UTF-8: legitimately ambiguous
    assert decoded == text.lstrip("\ufeff")


@FUZZ
@given(data=st.binary(max_size=2000))
def test_fuzz_text_decode_random_bytes(data: bytes) -> None:
    try:
        text, _ = decode(data)
    except ReferentielError:
        return
    assert "\r" not in text


@FUZZ
@given(text=TEXT, encoding=ENCODING, suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_fuzz_text_reader_yields_document_or_project_error(
    workdir: Path, text: str, encoding: str, suffix: str
) -> None:
    document = _parse(workdir, _encode(text, encoding), suffix)
    if document is not None:
        for block in document.blocks:
            assert block.line is None or block.line >= 1


@FUZZ
@given(text=TEXT, suffix=st.sampled_from([".txt", ".html"]))
def test_fuzz_text_segmenter_output_validates(workdir: Path, text: str, suffix: str) -> None:
    from referentiel.segment import segment

    document = _parse(workdir, text.encode("utf-8", errors="surrogatepass"), suffix)
    if document is None:
        return
    try:
        referentiel = segment(document, Options())
    except ReferentielError:
        return
    jsonschema.validate(json.loads(referentiel.model_dump_json()), SCHEMA)
