"""``referentiel.evaluate``: exact figures on hand-made gold / prediction pairs."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from evaluate_helpers import as_prediction, small_gold
from fixtures.paths import DATA
from referentiel.evaluate import Report, evaluate, normalise, similarity

ALL_GOLD = sorted((DATA / "gold").glob("*.gold.json")) + sorted(
    (DATA / "synthetic").glob("*.gold.json")
)


def _type(report: Report, name: str) -> Any:
    (score,) = [s for s in report.types if s.type == name]
    return score


def _relation(report: Report, name: str) -> Any:
    (rel,) = [r for r in report.relations if r.name == name]
    return rel


@pytest.mark.parametrize("path", ALL_GOLD, ids=lambda p: p.name)
def test_evaluate_perfect_prediction_scores_one(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    report = evaluate(gold, as_prediction(gold))  # ids, compétence ids in critère links
    assert report.failures(1.0, 1.0, 1.0) == []
    scored = [s for s in report.types if s.scored]
    assert scored and all(s.f1 == 1.0 for s in scored)
    assert all(r.accuracy == 1.0 for r in report.relations)


def test_evaluate_small_gold_counts_every_type() -> None:
    report = evaluate(small_gold(), as_prediction(small_gold()))
    counts = {s.type: s.gold for s in report.types if s.gold}
    assert counts == {
        "certification": 3,
        "activites": 2,
        "taches": 4,
        "blocs": 2,
        "competences": 6,
        "connaissances": 1,
        "modalites_evaluation": 2,
        "criteres": 4,
        "indicateurs": 7,
        "competences_transversales": 1,
    }
    links = _relation(report, "links critere.competences")
    assert (links.total, links.correct) == (4, 4)


def test_evaluate_missing_competence_gives_known_recall() -> None:
    pred = as_prediction(small_gold())
    del pred["blocs"][1]["competences"][2]
    score = _type(evaluate(small_gold(), pred), "competences")
    assert (score.gold, score.pred, score.matched) == (6, 5, 5)
    assert score.precision == 1.0
    assert score.recall == pytest.approx(5 / 6)
    assert score.f1 == pytest.approx(10 / 11)
    assert score.missed == ["C2.3 Éditer les documents de transport"]


def test_evaluate_renamed_below_threshold_is_a_miss() -> None:
    pred = as_prediction(small_gold())
    renamed = "Décharger un camion"
    assert similarity(renamed, "Décharger un véhicule en sécurité") < 0.90
    pred["blocs"][0]["competences"][0]["libelle"] = renamed
    score = _type(evaluate(small_gold(), pred), "competences")
    assert score.matched == 5
    assert score.precision == pytest.approx(5 / 6)
    assert score.recall == pytest.approx(5 / 6)
    assert score.extra == ["C1.1 Décharger un camion"]


def test_evaluate_small_edit_above_threshold_matches() -> None:
    pred = as_prediction(small_gold())
    edited = "Décharger un vehicule en securite"
    assert 0.90 <= similarity(edited, "Décharger un véhicule en sécurité") < 1.0
    pred["blocs"][0]["competences"][0]["libelle"] = edited
    assert _type(evaluate(small_gold(), pred), "competences").f1 == 1.0


@pytest.mark.parametrize(
    ("printed", "extracted"),
    [
        ("Aucun colis n’est endommagé", "Aucun colis n'est endommagé"),
        ("Le tri est exact", "le tri est exact."),
        ("Le tri est exact :", "Le  tri\u00a0est exact"),
        ("Qualité du tri : bonne", "qualité du tri: bonne"),
        ("« Qualité » du tri…", '"qualité" du tri'),
        ("Tri – manuel", "Tri - manuel;"),
    ],
)
def test_evaluate_normalisation_makes_strings_equal(printed: str, extracted: str) -> None:
    assert normalise(printed) == normalise(extracted)


def test_evaluate_code_mismatch_is_a_miss() -> None:
    pred = as_prediction(small_gold())
    pred["blocs"][0]["competences"][1]["code"] = "C1.9"
    score = _type(evaluate(small_gold(), pred), "competences")
    assert score.matched == 5
    assert score.missed == [
        "C1.2 Contrôler la conformité des colis reçus"
        "  (closest 1.00: C1.9 Contrôler la conformité des colis reçus)"
    ]


def test_evaluate_code_spacing_is_ignored() -> None:
    pred = as_prediction(small_gold())
    pred["blocs"][0]["code"] = "BC1."
    assert _type(evaluate(small_gold(), pred), "blocs").f1 == 1.0


def test_evaluate_certification_fields_are_items() -> None:
    pred = as_prediction(small_gold())
    pred["certification"]["intitule"] = "Cariste d'entrepôt"
    pred["certification"]["description"] = "Texte ajouté"
    score = _type(evaluate(small_gold(), pred), "certification")
    assert (score.gold, score.pred, score.matched) == (3, 4, 2)
    assert score.recall == pytest.approx(2 / 3)
    assert score.precision == pytest.approx(2 / 4)


def _coverage_gold() -> dict[str, Any]:
    gold = small_gold()
    gold["_scoring"]["strict"].remove("indicateurs")
    gold["_scoring"]["coverage"] = ["indicateurs"]
    return gold


def test_evaluate_split_indicateur_is_still_covered() -> None:
    gold = _coverage_gold()
    gold["blocs"][1]["criteres"][1]["indicateurs"] = [
        "La charge est calée, répartie et sanglée, le hayon est fermé"
    ]
    pred = as_prediction(gold)
    pred["blocs"][1]["criteres"][1]["indicateurs"] = [
        "La charge est calée, répartie et sanglée",
        "le hayon est fermé.",
    ]
    coverage = _type(evaluate(gold, pred), "indicateurs")
    assert coverage.mode == "coverage"
    assert (coverage.gold, coverage.pred) == (6, 7)
    assert (coverage.recall, coverage.precision) == (1.0, 1.0)
    gold["_scoring"] = {"strict": ["indicateurs"], "coverage": []}
    strict = _type(evaluate(gold, pred), "indicateurs")
    assert strict.matched == 5
    assert strict.recall == pytest.approx(5 / 6)


def test_evaluate_coverage_counts_missing_and_junk_text() -> None:
    gold = _coverage_gold()
    pred = as_prediction(gold)
    pred["blocs"][0]["criteres"][1]["indicateurs"].pop()
    pred["blocs"][1]["criteres"][0]["indicateurs"].append("Page 3 sur 12 Version du 01/02")
    score = _type(evaluate(gold, pred), "indicateurs")
    assert score.recall == pytest.approx(6 / 7)
    assert score.precision == pytest.approx(6 / 7)
    assert score.missed == ["Le responsable est alerté en cas de litige"]
    assert score.extra == ["Page 3 sur 12 Version du 01/02"]


def test_evaluate_coverage_requires_the_right_parent() -> None:
    gold = _coverage_gold()
    pred = as_prediction(gold)
    moved = pred["blocs"][0]["criteres"][0]["indicateurs"].pop()
    pred["blocs"][0]["criteres"][1]["indicateurs"].append(moved)
    report = evaluate(gold, pred)
    assert _type(report, "indicateurs").recall == pytest.approx(6 / 7)
    rel = _relation(report, "indicateurs → criteres")
    assert (rel.total, rel.correct) == (7, 6)


def test_evaluate_wrong_bloc_is_detected() -> None:
    pred = as_prediction(small_gold())
    moved = pred["blocs"][0]["competences"].pop()
    pred["blocs"][1]["competences"].append(moved)
    report = evaluate(small_gold(), pred)
    assert _type(report, "competences").f1 == 1.0  # found, but misplaced
    rel = _relation(report, "competences → blocs")
    assert (rel.total, rel.correct) == (6, 5)
    assert rel.wrong == [
        "C1.3 Enregistrer les anomalies dans le système d'information: expected under "
        "BC 1 Réceptionner et contrôler les flux entrants, found under "
        "BC 2 Préparer et charger les expéditions"
    ]
    assert any(f.startswith("competences → blocs: accuracy 0.83") for f in report.failures())


@pytest.mark.parametrize(
    ("path", "relation", "total"),
    [
        (("blocs", 0, "criteres", 0, "indicateurs"), "indicateurs → criteres", 7),
        (("activites", 0, "taches"), "taches → activites", 4),
    ],
)
def test_evaluate_child_under_wrong_parent_is_detected(
    path: tuple[Any, ...], relation: str, total: int
) -> None:
    pred = as_prediction(small_gold())
    siblings = pred
    for key in path[:-2]:
        siblings = siblings[key]
    # move the first child of the parent at path[-2] to the next parent
    first, second = siblings[path[-2]], siblings[path[-2] + 1]
    second[path[-1]].append(first[path[-1]].pop(0))
    report = evaluate(small_gold(), pred)
    rel = _relation(report, relation)
    assert (rel.total, rel.correct) == (total, total - 1)


def test_evaluate_critere_in_wrong_bloc_is_detected() -> None:
    pred = as_prediction(small_gold())
    pred["blocs"][1]["criteres"].append(pred["blocs"][0]["criteres"].pop(0))
    report = evaluate(small_gold(), pred)
    rel = _relation(report, "criteres → blocs")
    assert (rel.total, rel.correct) == (4, 3)
    # its indicateurs followed it: still under the matched critère
    assert _relation(report, "indicateurs → criteres").accuracy == 1.0


def test_evaluate_critere_links_compare_codes_of_predicted_ids() -> None:
    pred = as_prediction(small_gold())
    assert pred["blocs"][0]["criteres"][1]["competences"] == ["BC01.C02", "BC01.C03"]
    pred["blocs"][0]["criteres"][1]["competences"] = ["BC01.C02"]
    rel = _relation(evaluate(small_gold(), pred), "links critere.competences")
    assert (rel.total, rel.correct) == (4, 3)
    assert rel.wrong == ["Les anomalies sont tracées: gold ['c1.2', 'c1.3'], predicted ['c1.2']"]


def test_evaluate_competence_activity_links() -> None:
    pred = as_prediction(small_gold())
    pred["blocs"][1]["competences"][0]["activites"] = ["A1"]
    rel = _relation(evaluate(small_gold(), pred), "links competence.activites")
    assert (rel.total, rel.correct) == (7, 6)  # 6 compétences + 1 transversale


def test_evaluate_links_not_scored_when_gold_has_none() -> None:
    gold = small_gold()
    for bloc in gold["blocs"]:
        for crit in bloc["criteres"]:
            crit["competences"] = []
    pred = as_prediction(small_gold())  # links everything
    assert _relation(evaluate(gold, pred), "links critere.competences").total == 0


def test_evaluate_identical_critere_headings_are_told_apart_by_links() -> None:
    gold = small_gold()
    for crit in gold["blocs"][0]["criteres"]:
        crit["libelle"] = "En matière de méthodes utilisées"
    pred = as_prediction(gold)
    pred["blocs"][0]["criteres"].reverse()
    report = evaluate(gold, pred)
    assert _relation(report, "indicateurs → criteres").accuracy == 1.0
    assert _relation(report, "links critere.competences").accuracy == 1.0


def test_evaluate_unscored_and_empty_types_do_not_fail() -> None:
    gold = small_gold()
    gold["_scoring"]["strict"].remove("connaissances")
    pred = as_prediction(gold)
    pred["blocs"][0]["connaissances"] = ["Texte parasite"]
    pred["blocs"][0]["competences"][0]["resultats_attendus"] = ["Texte parasite"]
    report = evaluate(gold, pred)
    assert _type(report, "connaissances").mode == "unscored"
    assert _type(report, "resultats_attendus").f1 == 0.0  # empty in the gold
    assert report.failures(1.0, 1.0, 1.0) == []


def test_evaluate_without_scoring_key_scores_everything_strictly() -> None:
    gold = small_gold()
    del gold["_scoring"]
    report = evaluate(gold, as_prediction(gold))
    assert {s.mode for s in report.types} == {"strict"}


def test_report_failures_follow_thresholds() -> None:
    pred = as_prediction(small_gold())
    del pred["blocs"][1]["competences"][2]  # competences F1 = 10/11 ≈ 0.909
    report = evaluate(small_gold(), pred)
    # the critère linked to the deleted compétence now names an unknown id
    assert report.failures(0.90, 0.95, 0.75) == []
    assert report.failures(0.95, 0.95, 0.95) == [
        "competences: strict F1 0.90 < 0.95 (P 1.00, R 0.83; 6 gold, 5 predicted)",
        "links critere.competences: accuracy 0.75 < 0.95 (3 of 4)",
    ]


def test_report_render_ends_with_summary() -> None:
    pred = as_prediction(small_gold())
    del pred["blocs"][1]["competences"][2]
    text = evaluate(small_gold(), pred).render(details=True)
    lines = text.splitlines()
    assert lines[-1] == (
        "summary: strict F1 min 0.90 (competences) · coverage F1 — · "
        "parent min 0.75 (links critere.competences) → FAIL at 0.95"
    )
    assert re.search(r"^competences\s+strict\s+6\s+5\s+1\.00\s+0\.83\s+0\.90$", text, re.M)
    assert "  - missing: C2.3 Éditer les documents de transport" in lines


def test_report_summary_pass_and_mixed_thresholds() -> None:
    report = evaluate(small_gold(), as_prediction(small_gold()))
    assert report.summary().endswith("→ PASS at 0.95")
    assert report.summary(0.9, 0.8, 0.95).endswith(
        "→ PASS at strict 0.90 / coverage 0.80 / parent 0.95"
    )


def test_report_combine_adds_counts() -> None:
    pred = as_prediction(small_gold())
    del pred["blocs"][1]["competences"][2]
    one = evaluate(small_gold(), pred)
    two = evaluate(small_gold(), as_prediction(small_gold()))
    total = _type(Report.combine([one, two]), "competences")
    assert (total.gold, total.pred, total.matched) == (12, 11, 11)
    assert total.recall == pytest.approx(11 / 12)


def test_report_to_dict_is_json() -> None:
    pred = as_prediction(small_gold())
    del pred["blocs"][1]["competences"][2]
    data = json.loads(json.dumps(evaluate(small_gold(), pred).to_dict()))
    (row,) = [t for t in data["types"] if t["type"] == "competences"]
    assert row["recall"] == round(5 / 6, 4)
    assert data["failures"] and data["summary"].startswith("summary: ")


def test_evaluate_coverage_falls_back_to_the_bloc_when_the_critere_is_unmatched() -> None:
    gold = _coverage_gold()
    pred = as_prediction(gold)
    pred["blocs"][0]["criteres"][0]["libelle"] = "Sécurité du poste"
    report = evaluate(gold, pred)
    assert _type(report, "criteres").matched == 3
    indicateurs = _type(report, "indicateurs")
    assert (indicateurs.recall, indicateurs.precision, indicateurs.missed) == (1.0, 1.0, [])
    rel = _relation(report, "indicateurs → criteres")
    assert (rel.total, rel.correct) == (5, 5)  # the 2 under the unmatched critère are not judged


def test_report_combine_keeps_modes_apart() -> None:
    strict = small_gold()
    coverage = _coverage_gold()
    total = Report.combine(
        [evaluate(strict, as_prediction(strict)), evaluate(coverage, as_prediction(coverage))]
    )
    rows = [(s.type, s.mode, s.gold) for s in total.types if s.type == "indicateurs"]
    assert rows == [("indicateurs", "coverage", 7), ("indicateurs", "strict", 7)]
    assert [s.type for s in total.types][:3] == ["certification", "activites", "taches"]


def test_evaluate_uncoded_competence_links_by_position_id() -> None:
    """A compétence printing no code is named in the gold's critère links by
    its position id ("BC01.C02"); a predicted link to the uncoded compétence
    keeps that id instead of an empty code."""
    gold = small_gold()
    bloc = gold["blocs"][0]
    for comp in bloc["competences"]:
        comp["code"] = None
    for crit in bloc["criteres"]:
        crit["competences"] = ["BC01.C02"]
    pred = as_prediction(gold)
    assert pred["blocs"][0]["criteres"][0]["competences"] == ["BC01.C02"]
    assert _relation(evaluate(gold, pred), "links critere.competences").accuracy == 1.0
    pred["blocs"][0]["criteres"][0]["competences"] = ["BC01.C01"]
    rel = _relation(evaluate(gold, pred), "links critere.competences")
    assert rel.correct == rel.total - 1
