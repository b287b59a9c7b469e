"""Activités listed under a lead-in that names them (real file).

The boucherie-poissonnerie convention prints its CQP PVPM as prose: each
« BLOCnn - … » line is followed by a lead-in sentence ending « … activités
suivantes : » and « — » items. No référentiel d'activités is printed elsewhere,
so the items under such a lead-in are the activités.

Each test reads the real file with the real reader and segmenter; what it
compares against is read from the document's own blocks or from its reference.
"""

from __future__ import annotations

from fixtures.paths import REAL
from fixtures.real_docs import extracted_json, gold_of
from referentiel.api import parse
from referentiel.docmodel import Kind
from referentiel.evaluate import similarity
from referentiel.rules import load_rules

PVPM = REAL / "cqp-poissonnerie-preparateur-vendeur-blocs.pdf"


def test_the_lead_ins_are_activites_rubrics() -> None:
    rules = load_rules()
    blocks = parse(PVPM).blocks
    leads = [b for b in blocks if rules.first("activities-rubric", b.text)]
    assert len(leads) == len(extracted_json(PVPM.name)["blocs"])
    after = [blocks[blocks.index(lead) + 1] for lead in leads]
    assert all(b.kind is Kind.LIST_ITEM for b in after)


def test_each_item_under_a_lead_in_is_an_activite() -> None:
    got = [a["libelle"] for a in extracted_json(PVPM.name)["activites"]]
    gold = [a["libelle"] for a in gold_of(PVPM)["activites"]]
    assert len(got) == len(gold)
    assert all(similarity(g, p) >= 0.9 for g, p in zip(gold, got, strict=True))
