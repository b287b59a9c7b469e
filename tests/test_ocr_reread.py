"""A table cell Tesseract garbles on the whole page is read again alone (real scan)."""

from __future__ import annotations

from pathlib import Path

from referentiel.backends.ocr_page import PageJob, ocr_page
from referentiel.docmodel import Kind
from referentiel.options import Limits

SCAN = Path(__file__).parent / "data" / "real" / "cqp-relation-commerciale-distance.scan.pdf"


def test_ocr_garbled_cell_read_again_keeps_its_items_apart() -> None:
    """Page 9: on the whole page two lines of the left cell come back as noise
    ("EE", "PES For FEU") two lines tall, gluing the cell's four statements."""
    page = ocr_page(PageJob(SCAN, "pdf", 8, Limits()))
    table = next(b for b in page.blocks if b.kind is Kind.TABLE)
    cell = next(c for row in table.rows for c in row.cells if c.text.startswith("Identifier"))
    statements = [b.text for b in cell.blocks]
    first_words = [s.split()[0] for s in statements]
    assert first_words == ["Identifier", "Identifier", "Prendre", "Expliquer"]
    assert "en prenant en compte la réglementation et les recommandations" in statements[1]
    assert statements[3].endswith("en fonction des besoins du client")
