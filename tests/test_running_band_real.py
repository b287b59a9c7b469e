"""The running band on real PDFs: the reader keeps the text repeated in the
margins of most pages as the document's ``bands`` (the furniture it drops, and
a band standing inside a page frame's cell), page numbers left out; the
certification stage reads it only when nothing in the body names the document
(the collège programmes print their subject only there: 'Cycle 4 Technologie')."""

from __future__ import annotations

from fixtures.real_docs import REAL
from referentiel.api import extract
from referentiel.backends import pdf
from referentiel.docmodel import Document, Kind
from referentiel.options import Options

CYCLE4 = "college-cycle4-technologie-competences.pdf"
CYCLE3 = "college-cycle3-sciences-technologie-competences.pdf"
STI2D = "bac-sti2d-programme-competences.pdf"


def _read(name: str) -> Document:
    return pdf.parse(REAL / name, Options())


def test_dropped_furniture_is_kept_as_the_band_page_numbers_are_not() -> None:
    """The Bulletin officiel's running header and footer leave the blocks but
    stay in the bands, with the first page and their box in the margin."""
    document = _read(STI2D)
    texts = [band.text for band in document.bands]
    assert texts[0] == "Bulletin officiel spécial n° 3 du 17 mars 2011"
    assert "www.education.gouv.fr" in texts
    assert not any("/ 30" in text for text in texts)  # '1 / 30' is a page number
    first = document.bands[0]
    assert first.page == 1 and first.bbox is not None and first.bbox.bottom < 100
    assert not any("Bulletin officiel" in b.text for b in document.walk())


def test_a_band_inside_a_page_frame_is_found_and_left_in_place() -> None:
    """A designed page drawn inside a frame (cycle 4: the page is a table's cell)
    or a frame on one page only (cycle 3): the side band's line is in the bands,
    and the text stays where the reader put it."""
    for name, line in (
        (CYCLE4, "CyCle 4 TECHNOLOGIE"),
        (CYCLE3, "CYCLE 3 SCIENCES ET TECHNOLOGIE"),
    ):
        document = _read(name)
        assert [band.text.lstrip("\x84 ") for band in document.bands] == [line], name
        assert sum(b.text.endswith(line) for b in document.walk() if b.kind is not Kind.TABLE) == 2


def test_a_header_table_s_cells_are_band_lines() -> None:
    """The titre professionnel's ruled header table (labels over values) on every
    page: each cell is a band line; the page counter cell is not."""
    texts = [band.text for band in _read("tp-dwwm-rc-criteres.pdf").bands]
    assert {"SIGLE", "Code titre", "DWWM", "TP-01280"} <= set(texts)
    assert not any(text[:1].isdigit() and "/" not in text for text in texts)


def test_the_certification_is_read_from_the_band_last() -> None:
    """No line of the collège programmes names them: the band's subject after
    the cycle is the intitulé, no family; a body that names its certification
    keeps it (the CQP's band adds the booklet's kind)."""
    cycle4 = extract(REAL / CYCLE4).certification
    assert (cycle4.type, cycle4.intitule) == (None, "TECHNOLOGIE")
    cycle3 = extract(REAL / CYCLE3).certification
    assert (cycle3.type, cycle3.intitule) == (None, "SCIENCES ET TECHNOLOGIE")
    cqp = extract(REAL / "cqp-relation-commerciale-distance.pdf").certification
    assert cqp.intitule == "Relation commerciale à distance en commerces de gros"
