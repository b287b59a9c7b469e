"""A two-level outline 'n - ' over 'n.m - ' in an activités part (real file).

The industries alimentaires' accord of 2004 prints the préparateur's
« Référentiel d'activités » as bold group lines « 1 - Alimentation du poste de
travail » each over its items « 1.1 - Se procure … », « 1.2 - … »: the numbering
makes a group the activité and its items the tâches, not activités of their
own. Group 2 prints a bold sub-heading before its first item and, among its
items, another sub-heading and two paragraphs of note: the series « 2.7 » goes on
after them under the same activité. Group 5 has a single item, followed by the
next group « 6 - … », a numbered line (no prose under a sub-section heading).

Each test reads the real file with the real reader and segmenter; what it
compares against is read from the document's reference.
"""

from __future__ import annotations

from fixtures.paths import REAL
from fixtures.real_docs import extracted_json, gold_of
from referentiel.evaluate import similarity

PREPARATEUR = REAL / "cqp-industries-alimentaires-preparateur.pdf"


def _activites() -> list[dict]:
    return list(extracted_json(PREPARATEUR.name)["activites"])


def test_the_groups_are_the_activites() -> None:
    gold = gold_of(PREPARATEUR)["activites"]
    assert [(a["code"], a["libelle"]) for a in _activites()] == [
        (a["code"], a["libelle"]) for a in gold
    ]


def test_an_item_numbered_under_a_group_is_no_activite() -> None:
    assert not [a["code"] for a in _activites() if "." in (a["code"] or "")]


def test_the_items_are_the_tâches_of_their_group() -> None:
    gold = {a["code"]: a["taches"] for a in gold_of(PREPARATEUR)["activites"]}
    for activite in _activites():  # the text layer prints 'ToC' for 'T°C'
        expected = gold[activite["code"]]
        assert len(activite["taches"]) == len(expected)
        assert all(
            similarity(t, g) >= 0.95 for t, g in zip(activite["taches"], expected, strict=True)
        )


def test_the_series_goes_on_past_a_sub_heading_and_a_note() -> None:
    conduite = next(a for a in _activites() if a["code"] == "2")
    assert len(conduite["taches"]) == 13  # 2.1 … 2.6, a sub-heading, two paragraphs, 2.7 … 2.13
    assert not any(t.startswith(("Activité de", "Elle se caractérise")) for t in conduite["taches"])
