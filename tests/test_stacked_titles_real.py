"""The BTS SP3S référentiel de certification (Légifrance Markdown, issue 9):
a capacité cell of the summary table, beside the compétences terminales'
own column, printing its title one word a line ("C4 S'informer" /
"Informer" / "Communiquer"): one title.

Each test reads the real file with the real reader and segmenter; what it
compares against is read from the document's tables or from its reference.
"""

from __future__ import annotations

import re

from fixtures.paths import REAL
from fixtures.real_docs import gold_of
from referentiel.api import extract, parse
from referentiel.docmodel import Kind

SP3S = REAL / "bts-sp3s-competences-capacite-c1.md"


def _stacked_cells() -> list[list[str]]:
    """Table cells whose first line is a capacité code and title and that hold
    more lines."""
    found = []
    for block in parse(SP3S).blocks:
        for row in block.rows if block.kind is Kind.TABLE else []:
            for cell in row.cells:
                lines = [b.text.strip() for b in cell.blocks]
                if len(lines) > 1 and re.fullmatch(r"C\d \S+", lines[0]):
                    found.append(lines)
    return found


def test_a_capacite_title_printed_one_word_a_line_is_one_title() -> None:
    stacked = _stacked_cells()
    assert stacked  # the print does put the title over several lines
    result = extract(SP3S)
    titles = {b.code: b.libelle for b in result.blocs}
    for lines in stacked:
        code, first = lines[0].split(" ", 1)
        assert titles[code] == " ".join([first, *lines[1:]])
    gold = gold_of(SP3S)
    assert [(b.code, b.libelle.casefold()) for b in result.blocs] == [
        (b["code"], b["libelle"].casefold()) for b in gold["blocs"]
    ]  # ("ANALYSER": the detail tables' capitals name C1 first)
