"""Corpus accuracy for scans: every ``sources/*.scan.pdf`` OCR'd (real Tesseract) and scored.

The scans are OCR'd once for the whole module (the slowest fixture of the suite):
strict F1 ≥ 0.90 per strictly scored type and coverage F1 ≥ 0.90 against the
hand-checked reference JSON (the same gold as the clean versions), plus the
structure the OCR backend must rebuild (continued tables, running headers gone).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fixtures.paths import ROOT
from referentiel.api import parse
from referentiel.docmodel import Document, Kind
from referentiel.evaluate import evaluate
from referentiel.models import Referentiel
from referentiel.options import Options
from referentiel.output import to_json
from referentiel.segment import segment

GOLD = ROOT / "tests" / "data" / "gold"
SCANS = sorted((ROOT / "sources").glob("*.scan.pdf"))
NAMES = [p.name.removesuffix(".scan.pdf") for p in SCANS]
PAGES = {
    "cqp-commercial-sedentaire-alimentaire": 6,
    "cqp-delegue-veterinaire": 11,
    "cqpm-technico-commercial-industriel": 12,
}
_PAGE_NUMBER = re.compile(r"^page\s*\d+\s*/\s*\d+$", re.I)


@pytest.fixture(scope="module")
def scans() -> dict[str, tuple[Document, Referentiel]]:
    """Each scan parsed through the product path (PDF backend → OCR) and segmented, once."""
    result = {}
    for path, name in zip(SCANS, NAMES, strict=True):
        document = parse(path)
        result[name] = (document, segment(document, Options()))
    return result


def test_corpus_scan_every_scan_has_a_gold() -> None:
    assert sorted(PAGES) == NAMES
    assert all((GOLD / f"{name}.gold.json").exists() for name in NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_corpus_scan_is_ocr(scans: dict[str, tuple[Document, Referentiel]], name: str) -> None:
    document, referentiel = scans[name]
    assert document.ocr is True and document.format == "pdf"
    assert document.pages == PAGES[name]
    assert referentiel.source.ocr is True


@pytest.mark.parametrize("name", NAMES)
def test_corpus_scan_meets_thresholds(
    scans: dict[str, tuple[Document, Referentiel]], name: str
) -> None:
    gold = json.loads((GOLD / f"{name}.gold.json").read_text(encoding="utf-8"))
    predicted = json.loads(to_json(scans[name][1]))
    report = evaluate(gold, predicted)
    assert report.failures(0.90, 0.90, 0.85) == [], report.render()


@pytest.mark.parametrize("name", NAMES)
def test_corpus_scan_running_headers_and_page_numbers_dropped(
    scans: dict[str, tuple[Document, Referentiel]], name: str
) -> None:
    document = scans[name][0]
    texts = [b.text for b in document.walk() if b.kind is not Kind.TABLE]
    assert not [t for t in texts if _PAGE_NUMBER.match(t)]
    # every page of these scans starts with the running header (line 1): it must be gone
    firsts = [b for b in document.walk() if b.line == 1 and b.kind is not Kind.TABLE]
    assert not firsts, [b.text for b in firsts]


@pytest.mark.parametrize("name", NAMES)
def test_corpus_scan_repeated_table_headers_dropped(
    scans: dict[str, tuple[Document, Referentiel]], name: str
) -> None:
    for table in (b for b in scans[name][0].blocks if b.kind is Kind.TABLE):
        first = [c.text for c in table.rows[0].cells]
        repeats = [r for r in table.rows[1:] if [c.text for c in r.cells] == first]
        assert not repeats, first


@pytest.mark.parametrize(
    ("name", "tables"),
    [("cqp-delegue-veterinaire", 4), ("cqp-commercial-sedentaire-alimentaire", 1)],
)
def test_corpus_scan_tables_continued_over_pages_are_one(
    scans: dict[str, tuple[Document, Referentiel]], name: str, tables: int
) -> None:
    document = scans[name][0]
    found = [b for b in document.blocks if b.kind is Kind.TABLE]
    assert len(found) == tables  # as many as the text extraction has
    assert len({b.page for row in found[0].rows for c in row.cells for b in c.blocks}) > 1


@pytest.mark.parametrize("name", NAMES)
def test_corpus_scan_provenance_page_and_line(
    scans: dict[str, tuple[Document, Referentiel]], name: str
) -> None:
    referentiel = scans[name][1]
    places = [c.provenance for bloc in referentiel.blocs for c in bloc.competences]
    assert places and all(p.page and p.line and p.line >= 1 for p in places)
    assert all(1 <= p.page <= PAGES[name] for p in places)


@pytest.mark.parametrize("name", NAMES)
def test_corpus_scan_boxes_on_the_page_and_over_the_words(
    scans: dict[str, tuple[Document, Referentiel]], name: str
) -> None:
    """Every block and element has a box in points inside its page; a bloc's box
    holds its code or the first word of its libellé where the scan's text twin prints it."""
    import pdfplumber

    document, referentiel = scans[name]
    with pdfplumber.open(ROOT / "sources" / f"{name}.scan.pdf") as pdf:
        sizes = {p.page_number: (float(p.width), float(p.height)) for p in pdf.pages}
    for block in document.walk():
        box, (width, height) = block.bbox, sizes[block.page or 0]
        assert box is not None
        assert 0 <= box.x0 < box.x1 <= width + 1 and 0 <= box.top < box.bottom <= height + 1
    assert referentiel.blocs
    with pdfplumber.open(ROOT / "sources" / f"{name}.pdf") as twin:
        for bloc in referentiel.blocs:
            where = bloc.provenance
            assert where.page is not None and where.bbox is not None
            box = where.bbox
            words = [
                w["text"]
                for w in twin.pages[where.page - 1].extract_words()
                if box.x0 - 3 <= (w["x0"] + w["x1"]) / 2 <= box.x1 + 3
                and box.top - 3 <= (w["top"] + w["bottom"]) / 2 <= box.bottom + 3
            ]
            printed = [bloc.libelle.split()[0], *(bloc.code or "").split()]  # libellé or code
            assert any(p.lower() in w.lower() for p in printed for w in words), (printed, words)


@pytest.mark.parametrize("name", NAMES)
def test_corpus_scan_has_the_referentiel_key_of_its_text(
    scans: dict[str, tuple[Document, Referentiel]], extracted_dir: Path, name: str
) -> None:
    """A scan is one more file of its référentiel: the catalogue groups it with the text."""
    from referentiel.export.key import referentiel_key

    text = next(extracted_dir.rglob(f"{name}.json"))
    expected = referentiel_key(Referentiel.model_validate_json(text.read_bytes()))
    assert referentiel_key(scans[name][1]) == expected
