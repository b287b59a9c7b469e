"""Scanned pages inside a PDF with a text layer: the BTS MCO booklet's head.

The excerpt (cover, the signed arrêté as two scanned pictures, bloc 3 of the
référentiel de certification) has a text layer on pages 1 and 4 only; pages 2
and 3 are one image each, covering the page. Everything compared is read from
the PDF itself (pdfplumber) or from the reading it gets.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from referentiel.api import parse
from referentiel.backends.pdf_scans import covered
from referentiel.docmodel import Document, Kind
from referentiel.options import Options

MCO = Path(__file__).resolve().parent / "data" / "real" / "scan-bts-mco-arrete-bloc3.pdf"


@pytest.fixture(scope="module")
def document() -> Document:
    return parse(MCO)


def _scans() -> list[int]:
    with pdfplumber.open(MCO) as pdf:
        return [p.page_number for p in pdf.pages if not p.chars and covered(p)]


def test_the_scanned_pages_are_pictures_without_text() -> None:
    """The premise: two pages without a character, each covered by a picture;
    the others have a text layer."""
    assert _scans() == [2, 3]
    with pdfplumber.open(MCO) as pdf:
        assert all(len(pdf.pages[i].chars) > 50 for i in (0, 3))


def test_the_scanned_pages_are_read_in_their_place(document: Document) -> None:
    """The pictures are read by OCR (the document is not a scan: it keeps its
    text layer elsewhere), their text between the cover's and bloc 3's."""
    assert not document.ocr
    assert [w for w in document.warnings if w[0] == "PDF_SCANNED_PAGES" and "2, 3" in w[1]]
    pages = [b.page for b in document.blocks]
    assert pages == sorted(pages) and {2, 3} <= set(pages)
    words = " ".join(b.text for b in document.walk() if b.kind is not Kind.TABLE and b.page == 3)
    assert "Article" in words and "technicien" in words


def test_without_ocr_the_scanned_pages_stay_unread() -> None:
    document = parse(MCO, Options(ocr="never"))
    assert {b.page for b in document.blocks} == {1, 4}
    assert not [w for w in document.warnings if w[0] == "PDF_SCANNED_PAGES"]
