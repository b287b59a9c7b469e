"""Character error rate of the OCR'd scans, before and after the OCR corrections.

For each ``sources/NAME.scan.pdf`` the reference is the text layer of its twin
``sources/NAME.pdf`` (the same document before printing and scanning). Both
reference is flattened page by page (bullets, running headers and page numbers
removed, whitespace collapsed). The reading order of a multi-column table
differs between pdfium's text layer and the rebuilt document, so the CER is
order-free: each OCR'd paragraph or cell text is aligned on its best-matching
window of the page's reference (rapidfuzz), its edit distance to that window
counted; reference text no paragraph covers counts as deleted.
CER = errors / reference length, summed over pages.

Usage: ``python bench/ocr_cer.py [NAME ...]``  (prints a markdown table)
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
from referentiel.backends import ocr
from referentiel.docmodel import Document
from referentiel.options import Options

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


def ocr_pages(document: Document) -> list[list[str]]:
    """The OCR'd texts (paragraphs, list items, cell paragraphs) of each page."""
    pages: list[list[str]] = [[] for _ in range(document.pages or 0)]
    seen: set[int] = set()
    for block in document.walk():
        if block.text and block.page and id(block) not in seen:  # merged cells once
            seen.add(id(block))
            pages[block.page - 1].append(normalise(block.text))
    return pages


def page_errors(reference: str, texts: list[str]) -> int:
    """Edit operations between a page's reference and its OCR'd texts, in any order."""
    covered = [False] * len(reference)
    errors = 0
    for text in texts:
        hit = fuzz.partial_ratio_alignment(text, reference)
        if hit is None or hit.score < 50:
            errors += len(text)  # nothing like it on the page: all inserted
            continue
        window = reference[hit.dest_start : hit.dest_end]
        errors += Levenshtein.distance(text, window)
        covered[hit.dest_start : hit.dest_end] = [True] * (hit.dest_end - hit.dest_start)
    errors += sum(1 for c, done in zip(reference, covered, strict=True) if not done and c != " ")
    return errors


def cer(reference: list[str], hypothesis: list[list[str]]) -> float:
    errors = sum(page_errors(r, h) for r, h in zip(reference, hypothesis, strict=True))
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
