"""Référentiels in the layouts of other publishers, one test over every family.

``tests/data/generalise*/`` hold seventeen référentiels written blind in the
layouts of other publishers (fiches RNCP, titres professionnels REAC / RC,
BTS, CAP, CQP, CQPM, CQPI, school titles; PDF, DOCX, text, Markdown, HTML),
each with a hand-decided reference ``NAME.gold.json`` beside it. Every input
meets 0.95 on every scored type and relation; the checks below hold for every
layout, whatever family it comes from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from corpus_helpers import GOLD, assert_meets_gold, extract_json, gold_beside

INPUTS = sorted(
    path
    for folder in sorted(GOLD.parent.glob("generalise*"))
    for path in folder.iterdir()
    if not path.name.endswith(".gold.json") and path.name != "README.md"
)
MINIMUM = 0.95


def family(path: Path) -> str:
    """The layout family a blind input stands for: its name's first word and its format."""
    return f"{path.name.split('-', 1)[0]}-{path.suffix.lstrip('.')}"


@pytest.fixture(scope="module", params=INPUTS, ids=lambda p: f"{family(p)}:{p.name}")
def extracted(request: pytest.FixtureRequest) -> tuple[Path, dict[str, Any]]:
    path: Path = request.param
    return path, extract_json(path)


def test_layout_families_every_input_has_a_gold() -> None:
    assert len(INPUTS) == 18
    assert all(gold_beside(path)["blocs"] for path in INPUTS)


def test_layout_families_meet_their_gold(extracted: tuple[Path, dict[str, Any]]) -> None:
    assert_meets_gold(*extracted, MINIMUM)


def test_layout_families_bloc_codes_as_printed(extracted: tuple[Path, dict[str, Any]]) -> None:
    """Each bloc once, in order, with the code the document prints (a synthesis
    or correspondence table adds none)."""
    path, predicted = extracted
    assert [b["code"] for b in predicted["blocs"]] == [
        b["code"] for b in gold_beside(path)["blocs"]
    ]


def test_layout_families_no_element_named_by_a_bare_code(
    extracted: tuple[Path, dict[str, Any]],
) -> None:
    """A correspondence table ("A1 | C1.1, C1.2") links, it adds no activité or
    compétence named by a bare code."""
    _, predicted = extracted
    libelles = [a["libelle"] for a in predicted["activites"]] + [
        c["libelle"] for b in predicted["blocs"] for c in b["competences"]
    ]
    assert not [text for text in libelles if len(text) <= 4 or "," in text[:6]]


def test_layout_families_indicateurs_only_where_printed(
    extracted: tuple[Path, dict[str, Any]],
) -> None:
    """Sub-lists that are not indicateurs (a fiche's savoir-faire) close the
    critères: as many indicateurs as the reference."""
    path, predicted = extracted
    gold = sum(len(c["indicateurs"]) for b in gold_beside(path)["blocs"] for c in b["criteres"])
    assert sum(len(c["indicateurs"]) for b in predicted["blocs"] for c in b["criteres"]) == gold


def test_layout_families_markdown_table_cells_split_on_br() -> None:
    """Each ``<br>`` item of a Markdown critères cell is one critère of its row's compétence."""
    (path,) = [p for p in INPUTS if p.suffix == ".md"]
    predicted = extract_json(path)
    criteres = [c for b in predicted["blocs"] for c in b["criteres"]]
    assert len(criteres) == 9
    assert all("<br" not in c["libelle"] for c in criteres)
    assert all(len(c["competences"]) == 1 for c in criteres)
