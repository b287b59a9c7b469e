"""Character error rate of the OCR'd scans, before and after the OCR corrections.

For each ``sources/NAME.scan.pdf`` the reference is the text layer of its twin
``sources/NAME.pdf`` (the same document before printing and scanning). Both
sides are flattened page by page in reading order (tables row by row, cell by
cell — the order pdfium also follows for these PDFs), bullets, running headers
and page numbers removed, whitespace collapsed; CER = edit distance / length
of the reference, summed over pages.

Usage: ``python bench/ocr_cer.py [NAME ...]``  (prints a markdown table)
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
from rapidfuzz.distance import Levenshtein

from pipeline.backends import ocr
from pipeline.docmodel import Block, Document
from pipeline.options import Options

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
_BULLETS = re.compile(r"^[\s•·▪◦●○■□\-–—*+©°«»\uf0a7\uf0b7\uf0d8]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "\u00a0": " ", "\u202f": " "})


def normalise(text: str) -> str:
    """NFC, straight apostrophes, single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_APOSTROPHES).split())


def clean_pages(path: Path) -> list[str]:
    """The text layer of each page, running headers and page numbers removed."""
    pdf = pdfium.PdfDocument(str(path))
    pages = []
    for page in pdf:
        text = page.get_textpage().get_text_range()
        pages.append([_BULLETS.sub("", line).strip() for line in text.splitlines()])
    pdf.close()
    counts = Counter(line for lines in pages for line in set(lines) if line)
    running = {line for line, n in counts.items() if n > len(pages) // 2}
    page_number = re.compile(r"^page\s*\d+\s*/\s*\d+$", re.I)
    return [
        normalise(" ".join(ln for ln in lines if ln not in running and not page_number.match(ln)))
        for lines in pages
    ]


def ocr_pages(document: Document) -> list[str]:
    """The OCR text of each page, in the document's order."""
    pages: dict[int, list[str]] = {}

    def add(block: Block) -> None:
        if block.text and block.page:
            pages.setdefault(block.page, []).append(block.text)

    for block in document.walk():
        add(block)
    return [normalise(" ".join(pages.get(n, []))) for n in range(1, (document.pages or 0) + 1)]


def cer(reference: list[str], hypothesis: list[str]) -> float:
    errors = sum(Levenshtein.distance(r, h) for r, h in zip(reference, hypothesis, strict=True))
    return errors / max(1, sum(len(r) for r in reference))


def main(names: list[str]) -> None:
    names = names or sorted(p.name.removesuffix(".scan.pdf") for p in SOURCES.glob("*.scan.pdf"))
    print("| document | pages | CER raw OCR | CER corrected | change |")
    print("|---|---:|---:|---:|---:|")
    for name in names:
        reference = clean_pages(SOURCES / f"{name}.pdf")
        scan = SOURCES / f"{name}.scan.pdf"
        raw = cer(reference, ocr_pages(ocr.parse(scan, Options(), correct=False)))
        fixed = cer(reference, ocr_pages(ocr.parse(scan, Options())))
        print(
            f"| {name} | {len(reference)} | {raw:.2%} | {fixed:.2%} | {fixed - raw:+.2%} |",
            flush=True,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
