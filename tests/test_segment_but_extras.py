"""B.U.T. extra fields (contract, 'Families and levels', B.U.T. row): each
compétence's situations professionnelles and niveaux, each apprentissage's
niveau, read from real published documents and scored by ``evaluate`` apart
from the contract's types."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from evaluate_helpers import as_prediction
from fixtures.real_docs import REAL
from referentiel.api import extract
from referentiel.evaluate import Report, evaluate
from referentiel.models import Referentiel

CYBER = REAL / "but-rt-cyber-competences.pdf"  # slides: label beside its list, "Niveau N"
BEAMER = REAL / "but-rt-devcloud-competences-beamer.pdf"  # level words, labels mid-row
INFO = REAL / "but-info-pn-competences.pdf"  # LaTeX: the list under its label


def _gold(name: str) -> dict[str, Any]:
    return json.loads((REAL / "gold" / f"{name}.gold.json").read_text(encoding="utf-8"))


def _extras(report: Report) -> dict[str, Any]:
    return {s.type: s for s in report.extras}


@pytest.fixture(scope="module")
def cyber() -> Referentiel:
    return extract(CYBER)


def test_situations_beside_their_wrapped_label_are_the_blocs(cyber: Referentiel) -> None:
    administrer = next(b for b in cyber.blocs if b.code == "Administrer")
    extra = administrer.model_extra or {}
    situations = extra["situations_professionnelles"]
    assert situations[0] == (
        "Conception et administration de l’infrastructure du réseau informatique d’une entreprise"
    )
    assert len(situations) == 3  # the criteres above and the levels below are not situations


def test_niveaux_and_each_apprentissage_s_level(cyber: Referentiel) -> None:
    administrer = next(b for b in cyber.blocs if b.code == "Administrer")
    extra = administrer.model_extra or {}
    assert extra["niveaux"][0] == {
        "niveau": "Niveau 1",
        "libelle": "Assister l’administrateur du réseau",  # its name wrapped under the label
    }
    assert [n["niveau"] for n in extra["niveaux"]] == ["Niveau 1", "Niveau 2", "Niveau 3"]
    levels = {c.libelle: (c.model_extra or {}).get("niveau") for c in administrer.competences}
    assert levels["Installer un poste client"] == "Niveau 1 - Assister l’administrateur du réseau"
    assert levels["Travailler en équipe"] == "Niveau 2 - Administrer un réseau"


def test_extraction_scores_one_on_the_extra_fields(cyber: Referentiel) -> None:
    pred = json.loads(cyber.model_dump_json())
    extras = _extras(evaluate(_gold("but-rt-cyber-competences"), pred))
    assert set(extras) == {"situations_professionnelles", "niveaux", "niveau"}
    assert all(s.f1 == 1.0 and s.mode == "extra" for s in extras.values())


def test_level_words_and_labels_set_mid_row() -> None:
    ref = extract(BEAMER)
    first = ref.blocs[0]
    extra = first.model_extra or {}
    assert [n["niveau"] for n in extra["niveaux"]] == ["Novice", "Intermédiaire", "Compétent"]
    levels = {c.libelle: (c.model_extra or {}).get("niveau") for c in first.competences}
    # the first apprentissage of a level's row is printed above the row's label
    assert levels["Configurer et dépanner le routage dynamique dans un réseau"] == (
        "Intermédiaire - Administrer un réseau"
    )
    assert levels["Installer un poste client"] == "Novice - Assister l’administrateur du réseau"
    assert "(cid" not in " ".join(extra["situations_professionnelles"])  # glyph bullets


def test_situations_under_their_label_in_a_column() -> None:
    ref = extract(INFO)
    extra = ref.blocs[0].model_extra or {}
    assert extra["situations_professionnelles"] == [
        "Élaborer une application informatique",
        "Faire évoluer une application informatique",
        "Maintenir en conditions opérationnelles une application informatique",
    ]


def test_extra_scores_count_misses_and_wrong_levels_apart_from_the_means() -> None:
    gold = _gold("but-rt-pilpro-competences")
    pred = as_prediction(gold)
    perfect = evaluate(gold, pred)
    pred = copy.deepcopy(pred)
    del pred["blocs"][0]["situations_professionnelles"][0]
    pred["blocs"][0]["competences"][0]["niveau"] = "Niveau 3 - Concevoir un réseau"
    report = evaluate(gold, pred)
    extras = _extras(report)
    situations = sum(len(b["situations_professionnelles"]) for b in gold["blocs"])
    assert extras["situations_professionnelles"].matched == situations - 1
    assert extras["situations_professionnelles"].pred == situations - 1
    assert extras["niveau"].matched == extras["niveau"].gold - 1
    assert extras["niveaux"].f1 == 1.0
    # the contract's types and the thresholds do not see them
    assert [(s.type, s.f1) for s in report.types] == [(s.type, s.f1) for s in perfect.types]
    assert report.failures(1.0, 1.0, 1.0) == []


def test_a_reference_without_extra_fields_scores_none() -> None:
    gold = _gold("but-qlio-cartographie")
    assert evaluate(gold, as_prediction(gold)).extras == []


@pytest.mark.parametrize(
    "name",
    [p.name.split(".")[0] for p in sorted((REAL / "gold").glob("but-*.gold.json"))],
)
def test_a_reference_scored_against_itself_scores_one_on_its_extra_fields(name: str) -> None:
    gold = _gold(name)
    assert all(s.f1 == 1.0 for s in evaluate(gold, as_prediction(gold)).extras)
