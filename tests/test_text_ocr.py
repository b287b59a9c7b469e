"""Text that someone else OCR'd gets the OCR backend's certain corrections; clean
text is never altered."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fixtures.paths import ROOT
from referentiel.backends import text
from referentiel.backends.text_ocr import correct_text, looks_ocred
from referentiel.options import Options

RAW_OCR = ROOT / "tests" / "data" / "real" / "bts-negociation-ocr.txt"
CLEAN = sorted((ROOT / "sources").glob("*.txt"))


@pytest.fixture(scope="module")
def bts() -> str:
    document = text.parse(RAW_OCR, Options())
    assert document.ocr
    return "\n".join(b.text for b in document.walk())


def test_text_ocr_raw_text_gets_the_certain_corrections(bts: str) -> None:
    """The corrections the reference's notes list: ceuvre → œuvre, I' → l',
    Ia → la, congu → conçu, fagon → façon, Al / Al4 → A1 / A14 as codes."""
    raw = RAW_OCR.read_text(encoding="utf-8")
    assert "ceuvre" in raw and "ceuvre" not in bts
    assert bts.count("œuvre") == raw.count("ceuvre") + raw.count("Ceuvre")
    assert len(re.findall(r"\bI'[a-zé]", raw)) > 50
    assert not re.findall(r"\bI'[a-zé]", bts)
    assert "de l'entreprise" in bts and "de la prospection" in bts
    assert "est conçu selon" in bts and "de façon rationnelle" in bts
    lines = bts.split("\n")
    veille = "A1 La réalisation d’une veille sur son marché et l'analyse de sa zone d’intervention"
    assert veille in lines
    assert any(line.startswith("A14 La qualification") for line in lines)
    assert not any(line.startswith(("Al ", "Al4 ")) for line in lines)


def test_text_ocr_words_the_lexicon_knows_are_kept() -> None:
    assert correct_text("Il a réalisé la mise en ceuvre") == "Il a réalisé la mise en œuvre"
    assert correct_text("CRM, RSE et Al Capone") == "CRM, RSE et Al Capone"


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_text_ocr_clean_texts_are_not_touched(path: Path) -> None:
    """A clean extraction does not look OCR'd, and its blocks are exactly those
    of the line reader alone (byte-identical texts)."""
    source = path.read_text(encoding="utf-8")
    assert not looks_ocred(source)
    document = text.parse(path, Options())
    assert not document.ocr
    assert document.blocks == text.parse_lines(source.split("\n"))
