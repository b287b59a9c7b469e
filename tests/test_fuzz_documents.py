"""Fuzz the PDF and DOCX entry points with mutated sample files (seeded, bounded).

Each iteration mutates a bundled sample — byte flips, truncation, a deleted
slice, a corrupted or missing zip member, an unknown compression method — and
runs it through :func:`referentiel.api.extract`. The only outcomes allowed are a
project error naming the file on one line, or a référentiel that validates
against the JSON Schema.
"""

from __future__ import annotations

import io
import json
import random
import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from referentiel import api
from referentiel.errors import ReferentielError
from referentiel.models import json_schema
from referentiel.options import Options

ITERATIONS = 30
OPTIONS = Options(ocr="never")  # a damaged text layer would otherwise send 11 pages to OCR
pytestmark = pytest.mark.hang_limit(120)
PDF_SAMPLE = "cqp-delegue-veterinaire.pdf"
DOCX_SAMPLE = "cqp-delegue-veterinaire.docx"

Mutation = Callable[[bytes, random.Random], bytes]


# ---------------------------------------------------------------- byte-level mutations


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def delete_slice(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, 4096) :]


def truncate_keep_eof(data: bytes, rng: random.Random) -> bytes:
    """Cut a PDF but end it with ``%%EOF`` so the truncation check lets it through."""
    return truncate(data, rng) + b"\n%%EOF\n"


def flip_in_streams(data: bytes, rng: random.Random) -> bytes:
    """Damage the inside of compressed content streams (decoder errors)."""
    starts = [m.end() for m in re.finditer(rb"stream\r?\n", data)]
    out = bytearray(data)
    for start in rng.sample(starts, min(len(starts), 5)):
        for offset in range(rng.randint(1, 20)):
            if start + offset * 7 < len(out):
                out[start + offset * 7] = rng.randrange(256)
    return bytes(out)


def garble_tokens(data: bytes, rng: random.Random) -> bytes:
    """Replace PDF keywords and numbers with other ones (structure errors)."""
    tokens = [b"obj", b"endobj", b"/Kids", b"/Count", b"/Length", b"R", b"/Type", b"/Page"]
    out = data
    for _ in range(rng.randint(1, 10)):
        old = rng.choice(tokens)
        out = out.replace(old, rng.choice([b"", b"-1", b"99999999", b"/X", b"(", b"<<"]), 1)
    return out


# ---------------------------------------------------------------- zip-level mutations


def _members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, payload in members:
            archive.writestr(name, payload)
    return buffer.getvalue()


def corrupt_member(data: bytes, rng: random.Random) -> bytes:
    """Flip, cut or replace the content of one or two members (XML syntax errors)."""
    members = _members(data)
    for _ in range(rng.randint(1, 2)):
        index = rng.randrange(len(members))
        name, payload = members[index]
        how = rng.choice([flip_bytes, truncate, delete_slice]) if payload else flip_bytes
        members[index] = (name, how(payload or b"x", rng))
    return _zip(members)


def drop_member(data: bytes, rng: random.Random) -> bytes:
    members = _members(data)
    keep = [m for m in members if m[0] != "word/document.xml"]
    del keep[rng.randrange(len(keep))]
    document = [m for m in members if m[0] == "word/document.xml"]
    return _zip(keep + document)


def mangle_document_xml(data: bytes, rng: random.Random) -> bytes:
    """Well-formed but wrong WordprocessingML: elements removed, values out of range."""
    from lxml import etree

    members = dict(_members(data))
    root = etree.fromstring(members["word/document.xml"])
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for _ in range(rng.randint(1, 30)):
        choice = rng.randrange(4)
        if choice == 0:  # drop a structural element (a cell, a row, a grid column…)
            tag = rng.choice(["tc", "tr", "tcPr", "gridCol", "numPr", "pPr", "r", "t"])
            found = root.findall(f".//{w}{tag}")
            if found:
                element = rng.choice(found)
                element.getparent().remove(element)
        else:  # an absurd value where a number or a keyword is expected
            found = root.findall(f".//*[@{w}val]")
            if found:
                value = rng.choice(["", "-1", "0", "99999999", "restart", "continue", "x"])
                rng.choice(found).set(f"{w}val", value)
    members["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return _zip(list(members.items()))


def unknown_compression(data: bytes, rng: random.Random) -> bytes:
    """Declare compression method 99 on one member's local and central headers."""
    out = bytearray(data)
    headers = [m.start() for m in re.finditer(rb"PK\x03\x04", data)]
    central = [m.start() for m in re.finditer(rb"PK\x01\x02", data)]
    index = rng.randrange(min(len(headers), len(central)))
    struct.pack_into("<H", out, headers[index] + 8, 99)
    struct.pack_into("<H", out, central[index] + 10, 99)
    return bytes(out)


PDF_MUTATIONS: list[Mutation] = [
    flip_bytes,
    truncate,
    delete_slice,
    truncate_keep_eof,
    flip_in_streams,
    garble_tokens,
]
DOCX_MUTATIONS: list[Mutation] = [
    flip_bytes,
    truncate,
    delete_slice,
    corrupt_member,
    drop_member,
    mangle_document_xml,
    unknown_compression,
]


# ---------------------------------------------------------------- the runs


def assert_clean_outcome(path: Path) -> None:
    """A project error naming the file on one line, or a valid référentiel."""
    try:
        referentiel = api.extract(path, OPTIONS)
    except ReferentielError as err:
        assert str(err).startswith(f"{path}: ") and "\n" not in str(err)
        return
    jsonschema.validate(json.loads(referentiel.model_dump_json()), json_schema())


def _mutated(sample: Path, mutations: list[Mutation], seed: int, out: Path) -> Path:
    rng = random.Random(seed)
    mutation = mutations[seed % len(mutations)]
    data = mutation(sample.read_bytes(), rng)
    path = out / f"{seed:02d}-{mutation.__name__}{sample.suffix}"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("seed", range(ITERATIONS))
def test_fuzz_documents_pdf(sources_dir: Path, tmp_path: Path, seed: int) -> None:
    assert_clean_outcome(_mutated(sources_dir / PDF_SAMPLE, PDF_MUTATIONS, seed, tmp_path))


@pytest.mark.parametrize("seed", range(ITERATIONS))
def test_fuzz_documents_docx(sources_dir: Path, tmp_path: Path, seed: int) -> None:
    assert_clean_outcome(_mutated(sources_dir / DOCX_SAMPLE, DOCX_MUTATIONS, seed, tmp_path))
