"""The DOCX backend on the real sample référentiels in ``sources/``."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from fixtures.paths import SOURCES
from lxml import etree
from referentiel.api import parse
from referentiel.docmodel import Block, Document, Kind

DOCX = sorted(SOURCES.glob("*.docx"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    return {path.name: parse(path) for path in DOCX}


def _body_paragraphs(path: Path) -> list[str]:
    """Text of every ``w:p`` in the body, in document order (cells included)."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    body = root.find(f"{W}body")
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]


def _find(document: Document, prefix: str) -> Block:
    return next(b for b in document.walk() if b.text.startswith(prefix))


def test_docx_samples_found() -> None:
    assert len(DOCX) == 4


@pytest.mark.parametrize("path", DOCX, ids=lambda p: p.name)
def test_docx_line_is_the_body_paragraph_number(path: Path, documents: dict[str, Document]) -> None:
    paragraphs = _body_paragraphs(path)
    blocks = [b for b in documents[path.name].walk() if b.kind is not Kind.TABLE]
    assert len(blocks) > 100
    for block in blocks:
        source = " ".join(paragraphs[block.line - 1].split())
        assert source.endswith(block.text), (block.line, block.text)


@pytest.mark.parametrize("path", DOCX, ids=lambda p: p.name)
def test_docx_running_header_and_page_numbers_excluded(
    path: Path, documents: dict[str, Document]
) -> None:
    texts = [b.text for b in documents[path.name].walk()]
    assert not any(re.fullmatch(r"Page \d+( / \d+)?", t) for t in texts)
    # the body is in document order: the first block is the document's first paragraph
    assert documents[path.name].blocks[0].line == 1


def test_docx_numbered_activities_get_word_labels(documents: dict[str, Document]) -> None:
    document = documents["cqp-delegue-veterinaire.numbered.docx"]
    numbered = [b for b in document.walk() if b.label and b.label[0].isdigit()]
    assert [b.label for b in numbered] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert all(b.kind is Kind.LIST_ITEM and b.level == 0 for b in numbered)
    assert numbered[0].text.startswith("Organisation de ses activités commerciales")
    # the label is not in the text; the plain version prints it in the text instead
    plain = _find(documents["cqp-delegue-veterinaire.docx"], "1. Organisation de ses activités")
    assert plain.label is None and not numbered[0].text.startswith("1.")


def test_docx_numbered_and_plain_versions_have_the_same_text(
    documents: dict[str, Document],
) -> None:
    numbered = documents["cqp-delegue-veterinaire.numbered.docx"]
    plain = documents["cqp-delegue-veterinaire.docx"]
    joined = [
        f"{b.label} {b.text}" if b.label and b.label[0].isdigit() else b.text
        for b in numbered.walk()
    ]
    assert joined == [b.text for b in plain.walk()]


def test_docx_cqpm_connaissances_cell_shared_by_its_rows(documents: dict[str, Document]) -> None:
    document = documents["cqpm-technico-commercial-industriel.docx"]
    table = next(b for b in document.blocks if b.kind is Kind.TABLE)
    assert [c.text for c in table.rows[0].cells] == [
        "Blocs de compétences",
        "Compétences professionnelles",
        "Connaissances associées",
    ]
    assert table.rows[0].header is True
    first, second = table.rows[1], table.rows[2]
    assert first.cells[2] is second.cells[2] and first.cells[2].row_span == 2
    assert first.cells[0] is second.cells[0]  # the bloc cell too
    assert first.cells[0].text.startswith("BDC 0158")
    assert first.cells[1] is not second.cells[1]
    knowledge = first.cells[2].blocks
    assert knowledge[0].kind is Kind.LIST_ITEM and knowledge[0].label == "•"


def test_docx_commercial_table_merges(documents: dict[str, Document]) -> None:
    document = documents["cqp-commercial-sedentaire-alimentaire.docx"]
    table = next(b for b in document.blocks if b.kind is Kind.TABLE)
    assert [r.header for r in table.rows[:3]] == [True, True, False]
    assert table.rows[0].cells[2].col_span == 2  # "RÉFÉRENTIEL D'ÉVALUATION" over 2 columns
    assert table.rows[2].cells[0].col_span == 4  # the bloc title row
    assert table.rows[2].cells[0].text.startswith("BC 1.")
    modalites = table.rows[3].cells[2]
    assert modalites.row_span > 1 and table.rows[4].cells[2] is modalites


def test_docx_headings_from_word_styles(documents: dict[str, Document]) -> None:
    document = documents["cqpm-technico-commercial-industriel.docx"]
    heading = _find(document, "2. REFERENTIEL D'EVALUATIONS")
    assert (heading.kind, heading.level) == (Kind.HEADING, 1)
    sub = _find(document, "2.2. MODALITES D'EVALUATION")
    assert (sub.kind, sub.level) == (Kind.HEADING, 2)


def _pdf_page_text(pdf: Path, page: int) -> str:
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return " ".join(out.split())


@pytest.mark.parametrize(
    ("name", "prefix"),
    [
        ("cqp-delegue-veterinaire", "Description de la qualification"),
        ("cqp-delegue-veterinaire", "Les professionnels en exercice mettent en œuvre"),
        ("cqpm-technico-commercial-industriel", "1.1. Mission (s) et activités"),
        ("cqpm-technico-commercial-industriel", "Le technico-commercial industriel commercialise"),
    ],
)
def test_docx_page_matches_the_pdf_rendering(
    name: str, prefix: str, documents: dict[str, Document]
) -> None:
    block = _find(documents[f"{name}.docx"], prefix)
    assert block.page is not None
    assert prefix in _pdf_page_text(SOURCES / f"{name}.pdf", block.page)


def test_docx_pages_from_breaks_never_exceed_the_rendering(documents: dict[str, Document]) -> None:
    """Counted breaks are a lower bound: each page number is at most the true one."""
    document = documents["cqp-delegue-veterinaire.docx"]
    pdf = SOURCES / "cqp-delegue-veterinaire.pdf"
    pages = [_pdf_page_text(pdf, n) for n in range(1, 12)]
    checked = 0
    for block in document.walk():
        key = block.text[:40]
        found = [n for n, text in enumerate(pages, 1) if len(key) == 40 and key in text]
        if len(found) == 1:
            assert block.page is not None and block.page <= found[0], block.text
            checked += 1
    assert checked > 100
    assert "DOCX_PAGES_FROM_BREAKS" in [w[0] for w in document.warnings]


def test_docx_without_breaks_has_no_pages(documents: dict[str, Document]) -> None:
    document = documents["cqp-commercial-sedentaire-alimentaire.docx"]
    assert document.pages is None
    assert {b.page for b in document.walk()} == {None}
