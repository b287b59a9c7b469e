"""Write the Word version of the synthetic no-bloc-level CQP.

The .docx is made from the .txt beside it so that both forms share one
reference JSON (``cqp-preparateur-commandes-entrepot.gold.json``). Word
structure is used the way a person typing the document would use it: the
title in the Title style, section names in Heading 1, each "Compétence N : …"
in Heading 2, the "Être capable de :" / "Critères d'évaluation :" lead-ins in
bold, and the "- " items as Word automatic bullets (List Bullet style: the
glyph is not in the text). Run from anywhere:

    .venv/bin/python tests/data/synthetic/make_docx.py
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from docx import Document

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "cqp-preparateur-commandes-entrepot.txt"
TARGET = SOURCE.with_suffix(".docx")
_UNIT = re.compile(r"^Compétence \d+ : ")


def build(source: Path = SOURCE, target: Path = TARGET) -> Path:
    """Convert the plain-text référentiel into a styled .docx."""
    doc = Document()
    lines = [line.strip() for line in source.read_text(encoding="utf-8").splitlines()]
    for line in filter(None, lines):
        if line.startswith("- "):
            doc.add_paragraph(line[2:], style="List Bullet")
        elif line.startswith("CQP "):
            doc.add_paragraph(line, style="Title")
        elif _UNIT.match(line):
            doc.add_heading(line, level=2)
        elif line.isupper():
            doc.add_heading(line, level=1)
        elif line.endswith(" :"):
            doc.add_paragraph().add_run(line).bold = True
        else:
            doc.add_paragraph(line)
    fixed = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    doc.core_properties.created = doc.core_properties.modified = fixed
    doc.core_properties.title = "CQP Préparateur(trice) de commandes en entrepôt"
    doc.save(str(target))
    return target


if __name__ == "__main__":
    print(build())
