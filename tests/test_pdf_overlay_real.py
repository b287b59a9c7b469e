"""Page overlays on a real PDF: an RNCP fiche printed from its web page.

The page's floating help button ("Une question ? ✖") is printed at the same
place on all 13 pages, over the body text on page 5. Everything compared is
read from the PDF itself (pdfplumber): the button's characters and the body
words under it.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from referentiel.api import parse
from referentiel.docmodel import Kind

FICHE = Path(__file__).resolve().parent / "data" / "real" / "lp-rncp40343-fiche.pdf"


def _texts(path: Path) -> list[tuple[int | None, str]]:
    document = parse(path)
    texts = []
    for block in document.walk():
        if block.kind is Kind.TABLE:
            continue
        texts.append((block.page, block.text))
    return texts


def test_the_overlay_is_printed_on_every_page() -> None:
    """The premise: the button's word stands at one place on all pages."""
    with pdfplumber.open(FICHE) as pdf:
        places = {
            (round(c["x0"]), round(c["top"]))
            for page in pdf.pages
            for c in page.chars
            if c["text"] == "✖"
        }
        assert len(places) == 1 and len(pdf.pages) == 13


def test_overlay_text_is_gone_and_reported() -> None:
    texts = _texts(FICHE)
    assert not [t for _, t in texts if "Une question" in t or "✖" in t]
    warnings = parse(FICHE).warnings
    assert [w for w in warnings if w[0] == "PDF_PAGE_OVERLAY" and "Une question ? ✖" in w[1]]


def test_body_words_under_the_overlay_read_clean() -> None:
    texts = [t for page, t in _texts(FICHE) if page == 5]
    joined = " ".join(texts)
    assert "évaluation de projet" in joined
    assert "évaUlnuaet" not in joined and "r?oje" not in joined


def test_documents_without_overlays_are_not_warned() -> None:
    real = FICHE.parent
    for name in ("but-rt-cyber-competences.pdf", "titre-fig-ingenieur-referentiel.pdf"):
        assert not [w for w in parse(real / name).warnings if w[0] == "PDF_PAGE_OVERLAY"]
