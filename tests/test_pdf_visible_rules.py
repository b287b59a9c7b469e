"""A thin filled rule crossing a line of text hides nothing and colours nothing
(real PDF): the running footer's rule of the Dictionnaire Permanent pages is a
black box one point high, drawn through the last row of a grid that runs over
the footer; the row's words on that line are read."""

from __future__ import annotations

import pdfplumber
from fixtures.paths import ROOT
from referentiel.backends.pdf_visible import visible_chars

CITG = ROOT / "tests" / "data" / "real" / "cqp-grains-conducteur-installation-bloc3.pdf"


def _lines(page: int) -> dict[int, str]:
    with pdfplumber.open(CITG) as pdf:
        chars = visible_chars(pdf.pages[page])
    lines: dict[int, str] = {}
    for char in chars:
        key = round(char["top"])
        lines[key] = lines.get(key, "") + char["text"]
    return lines


def test_the_line_a_footer_rule_crosses_is_read() -> None:
    with pdfplumber.open(CITG) as pdf:
        page = pdf.pages[2]
        rules = [r for r in page.rects if r["height"] < 2 and r["width"] > page.width / 2]
        crossed = {
            round(c["top"]) for c in page.chars for r in rules if c["top"] < r["top"] < c["bottom"]
        }
    assert rules and crossed, "the footer's rule runs through a line of the grid"
    lines = _lines(2)
    for top in crossed:
        assert lines.get(top, "").replace(" ", ""), f"the line at {top} is read"


def test_a_rule_hides_no_line_the_plain_reader_sees() -> None:
    """Every line pdfplumber reads on the page is read by the visible reader too."""
    with pdfplumber.open(CITG) as pdf:
        plain = {round(c["top"]) for c in pdf.pages[2].chars if c["text"].strip()}
    assert plain <= set(_lines(2))
