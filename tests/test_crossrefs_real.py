"""Cross-references (``segment/crossrefs.py``) on the real BTS CIEL fiches:
the activités « R1 – … », « D3 – … » each fiche cites are printed word for word
under several compétences C01–C04, in other letters than theirs — references,
no units, no unplaced text; the fiches' own codes and contents are untouched."""

from __future__ import annotations

import re

import pytest
from fixtures.paths import REAL
from referentiel.api import extract, parse
from referentiel.options import Options
from referentiel.rules import default_rules
from referentiel.segment import STAGES
from referentiel.segment.draft import Context

_DOC = REAL / "bts-ciel-competences-c01-c04.pdf"
_CITED = re.compile(r"^[RD]\d\s*[-–]\s")


@pytest.fixture(scope="module")
def marked() -> list[str]:
    ctx = Context(parse(_DOC), Options(), default_rules())
    for name, stage in STAGES:
        stage(ctx)
        if name == "cross-references":
            break
    return [unit.text for unit in ctx.units if id(unit) in ctx.crossrefs]


def test_every_cited_activite_is_a_reference(marked: list[str]) -> None:
    cited = [text for text in marked if _CITED.match(text)]
    assert len(cited) == 18  # 5 + 3 + 4 + 6 under C01 … C04
    # printed once only, but in the letters of the lines repeated beside it
    assert "R3 – Exploitation et maintien en condition opérationnelle" in cited
    assert "R2 – Installation et qualification" in cited


def test_the_label_over_each_run_goes_with_it(marked: list[str]) -> None:
    labels = [text for text in marked if not _CITED.match(text)]
    assert len(labels) == 4
    assert all(text.rstrip().endswith(":") for text in labels)


def test_the_fiches_read_as_before() -> None:
    ref = extract(_DOC)
    assert [b.code for b in ref.blocs] == ["C01", "C02", "C03", "C04"]
    assert all(not b.competences for b in ref.blocs)
    assert [len(b.criteres) for b in ref.blocs] == [6, 6, 8, 8]
    assert [len(b.connaissances) for b in ref.blocs][:2] == [5, 5]
    unplaced = [w.message for w in ref.warnings if w.code == "UNPLACED_TEXT"]
    assert not any(re.search(r"'[RD]\d|Principales", m) for m in unplaced)
