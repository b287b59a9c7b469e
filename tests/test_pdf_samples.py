"""PDF backend on the sample référentiels (sources/*.pdf, LibreOffice exports)."""

from __future__ import annotations

import re

import pdfplumber
import pytest
from fixtures.paths import ROOT
from referentiel.backends import pdf
from referentiel.docmodel import Block, Document, Kind
from referentiel.options import Options

SAMPLES = sorted(p for p in (ROOT / "sources").glob("*.pdf") if not p.name.endswith(".scan.pdf"))
COMMERCIAL = "cqp-commercial-sedentaire-alimentaire.pdf"
VETERINAIRE = "cqp-delegue-veterinaire.pdf"
CQPM = "cqpm-technico-commercial-industriel.pdf"


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    return {path.name: pdf.parse(path, Options()) for path in SAMPLES}


@pytest.fixture(scope="module")
def page_lines() -> dict[str, list[list[str]]]:
    """Each sample's pages as pdfplumber's own extracted text lines."""
    found = {}
    for path in SAMPLES:
        with pdfplumber.open(path) as document:
            found[path.name] = [page.extract_text().split("\n") for page in document.pages]
    return found


@pytest.mark.parametrize("name", [p.name for p in SAMPLES])
def test_pdf_samples_running_header_and_page_numbers_removed(
    documents: dict[str, Document], page_lines: dict[str, list[list[str]]], name: str
) -> None:
    header = page_lines[name][1][0]  # first line of page 2: the running header
    same = [b for b in documents[name].walk() if b.text == header]
    assert all(b.kind is Kind.HEADING for b in same)  # the document's title, where printed
    assert len(same) * 2 < len(page_lines[name])
    texts = [b.text for b in documents[name].walk()]
    assert not [t for t in texts if re.fullmatch(r"Page \d+ / \d+", t)]
    assert documents[name].pages == len(page_lines[name])


def test_pdf_samples_commercial_table_stitched_over_its_pages(
    documents: dict[str, Document],
) -> None:
    tables = [b for b in documents[COMMERCIAL].blocks if b.kind is Kind.TABLE]
    assert len(tables) == 1
    table = tables[0]
    assert [row.header for row in table.rows[:3]] == [True, True, False]
    first = [row.cells[0].blocks[0].text for row in table.rows[2:] if row.cells[0].blocks]
    activities = [t.split(" :")[0] for t in first if re.match(r"A\.?\d\.\d", t)]
    assert activities == [f"A1.{n}" for n in range(1, 8)] + [f"A2.{n}" for n in range(1, 7)] + [
        f"A.3.{n}" for n in range(1, 7)
    ]
    assert {len({id(c) for c in row.cells}) for row in table.rows[2:]} <= {1, 4}
    pages = {b.page for b in table.walk() if b.kind is not Kind.TABLE}
    assert pages == set(range(1, 7))
    last = table.rows[-1].cells  # row A.3.6, cut by the break before page 6, joined
    item = last[0].blocks[-1]  # a list item cut by that break, joined
    assert item.text == "Intégration des informations dans le reporting de l'entreprise"
    assert item.page == 5
    assert [b.text for b in last[3].blocks[-2:]] == [
        "Les solutions proposées par le candidat sont adaptées à la situation du client "
        "et ont été validées par le service concerné",
        "Les aléas rencontrés sont renseignés dans le reporting de l'entreprise",
    ]


def _first(document: Document, pattern: str) -> Block:
    return next(b for b in document.walk() if re.match(pattern, b.text))


@pytest.mark.parametrize(
    ("name", "pattern", "page"),
    [
        (VETERINAIRE, r"Bloc de compétences 4 –", 4),
        (VETERINAIRE, r"Modalités d’évaluation", 5),
        (VETERINAIRE, r"La vente est conclue", 11),
        (CQPM, r"2\. REFERENTIEL D'EVALUATIONS", 4),
        (CQPM, r"BDC 0166", 3),
        (CQPM, r"3\. CONDITIONS D'ADMISSIBILITE", 12),
        (COMMERCIAL, r"A2\.1 :", 2),
        (COMMERCIAL, r"BC 3", 4),
    ],
)
def test_pdf_samples_provenance_of_known_elements(
    documents: dict[str, Document],
    page_lines: dict[str, list[list[str]]],
    name: str,
    pattern: str,
    page: int,
) -> None:
    block = _first(documents[name], pattern)
    assert block.page == page
    assert block.line is not None
    assert block.text.split()[0] in page_lines[name][page - 1][block.line - 1]


@pytest.mark.parametrize("name", [p.name for p in SAMPLES])
def test_pdf_samples_every_line_points_at_its_text(
    documents: dict[str, Document], page_lines: dict[str, list[list[str]]], name: str
) -> None:
    for block in documents[name].walk():
        if block.kind is Kind.TABLE or not block.text:
            continue
        line = page_lines[name][block.page - 1][block.line - 1]
        assert block.text.split()[0] in line, (block.page, block.line, block.text)
