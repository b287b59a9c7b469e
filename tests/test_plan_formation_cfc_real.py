"""A Swiss CFC plan de formation (SEFRI), on the real excerpts: "Compétence
opérationnelle a1: …" units whose objectifs évaluateurs "a1.2: Ils … (C4)" are
coded by the unit's code, letters included, plus one level; the objectifs are the
unit's compétences, one each, even when their letters are small (no wrapped
line joins two of them) and when a page break cuts one; the prose's "• ils …"
steps describe the work and are no critères; the profession named above
"avec certificat fédéral de capacité (CFC)" is the intitulé."""

from __future__ import annotations

import re

from fixtures.paths import REAL
from fixtures.real_docs import extracted_json, gold_of
from referentiel.api import extract
from referentiel.evaluate import evaluate
from referentiel.textclean import starts_lower


def test_objectifs_evaluateurs_are_the_competences_of_their_unit() -> None:
    ref = extract(REAL / "cfc-informaticien-plan-formation-domaine-a.pdf")
    assert [b.code for b in ref.blocs] == [f"a{n}" for n in range(1, 8)]
    codes = [c.code for c in ref.blocs[1].competences]
    assert codes == ["a2.1", "a2.2", "a2.3"]
    assert ref.blocs[1].competences[1].libelle.startswith("Ils pèsent les avantages")
    assert all(not b.criteres for b in ref.blocs)  # a4's "• ils définissent …" steps
    assert (ref.certification.type, ref.certification.intitule) == (
        None,
        "informaticienne / informaticien",
    )


def test_an_objectif_cut_by_the_page_break_stays_one() -> None:
    ref = extract(REAL / "cfc-informaticien-plan-formation-domaine-f.pdf")
    f1 = ref.blocs[0].competences
    assert [c.code for c in f1] == [f"f1.{n}" for n in range(1, 8)]
    assert "des dépendances déterminantes" in f1[5].libelle


def test_a_small_letter_code_opens_an_item() -> None:
    assert not starts_lower("a1.2: Ils appliquent diverses techniques")
    assert starts_lower("des dépendances déterminantes et des conséquences")
    assert starts_lower("m2 de surface utile")  # no separator after it: a word


def test_the_taxonomy_level_leaves_the_libelle_for_its_own_field() -> None:
    for name, small in (("a", "a1.1"), ("f", "f1.3")):  # f1.3 prints it "(c3)"
        data = extracted_json(f"cfc-informaticien-plan-formation-domaine-{name}.pdf")
        comps = [c for b in data["blocs"] for c in b["competences"]]
        assert all(c["niveau_taxonomique"] in {"C3", "C4", "C5"} for c in comps)
        assert not any(re.search(r"\([Cc]\d\)", c["libelle"]) for c in comps)
        first = next(c for c in comps if c["code"] == small)
        assert first["libelle"].endswith(".") and first["niveau_taxonomique"] == "C3"
    f75 = next(c for c in comps if c["code"] == "f7.5")  # the level alone on its last line
    assert not f75["libelle"].endswith("(C3)") and f75["niveau_taxonomique"] == "C3"


def test_the_taxonomy_level_is_scored_as_an_extra_field() -> None:
    """The reference's niveau_taxonomique is scored apart (mode extra): all
    right on the extraction, all wrong on one whose levels are shifted."""
    name = "cfc-informaticien-plan-formation-domaine-a.pdf"
    pred = extracted_json(name)
    gold = gold_of(REAL / name)
    score = next(s for s in evaluate(gold, pred).extras if s.type == "niveau_taxonomique")
    assert (score.mode, score.f1) == ("extra", 1.0)
    shifted = {"C3": "C4", "C4": "C5", "C5": "C3"}
    for bloc in pred["blocs"]:
        for comp in bloc["competences"]:
            comp["niveau_taxonomique"] = shifted[comp["niveau_taxonomique"]]
    score = next(s for s in evaluate(gold, pred).extras if s.type == "niveau_taxonomique")
    assert score.f1 == 0.0
