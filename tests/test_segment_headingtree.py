"""A référentiel printed as a tree of unnumbered headings, on published
documents (tests/data/real): the top action headings are the blocs, the
deepest action headings their compétences, the level between them and the
lines under each heading no element; headings that state no ability are no
such tree."""

from __future__ import annotations

from fixtures.real_docs import REAL, extracted_json
from referentiel.api import parse
from referentiel.docmodel import Kind
from referentiel.options import Options
from referentiel.rules import default_rules
from referentiel.segment.draft import Context
from referentiel.segment.headingtree import heading_tree
from referentiel.segment.stream import units

LICENCE = "licence-info-apc-referentiel-competences.md"


def _units(name: str) -> Context:
    ctx = Context(parse(REAL / name), Options(), default_rules())
    units(ctx)
    return ctx


def test_the_top_and_deepest_headings_are_the_levels() -> None:
    ctx = _units(LICENCE)
    tree = heading_tree(ctx)
    assert tree is not None
    headings = [u for u in ctx.units if u.kind is Kind.HEADING]
    assert [u.level for u in headings if id(u) in tree.heads] == [1] * 6
    assert {u.level for u in headings if id(u) in tree.headed} == {3}
    assert len(tree.headed) == 36
    # the level between them groups the abilities: no element
    assert not any(id(u) in tree.heads | tree.headed for u in headings if u.level == 2)


def test_the_tree_gives_blocs_and_their_competences() -> None:
    blocs = extracted_json(LICENCE)["blocs"]
    assert [b["code"] for b in blocs] == [None] * 6
    assert blocs[0]["libelle"].startswith("Modéliser un processus de traitement")
    assert [len(b["competences"]) for b in blocs] == [7, 7, 8, 6, 3, 5]
    titles = [c["libelle"] for b in blocs for c in b["competences"]]
    assert titles[0].startswith("Identifier à partir d'une description")
    # the intermediate headings, the course codes and the national blocs named
    # under each compétence are no compétence
    others = ("Analyser une modélisation", "BDI ", "Blocs RNCP")
    assert not any(t.startswith(others) for t in titles)
    assert not any("BC0" in (b["code"] or "") for b in blocs)


def test_headings_over_other_units_are_no_tree() -> None:
    # an OCR service's Markdown: page markers as top headings over the
    # programme's own headings — two levels, but the top ones state no ability
    ctx = _units("qc-dec-sante-animale-ocr.md")
    assert len({u.level for u in ctx.units if u.kind is Kind.HEADING}) >= 2
    assert heading_tree(ctx) is None
