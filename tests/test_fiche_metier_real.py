"""A civil-service body's référentiel métier (a répertoire's fiche métier
annexed to a concours arrêté), on the real files.

The RIME extract of the inspecteurs prints two métiers, each an unnumbered
heading over the same rubric labels (:mod:`referentiel.segment.rubrics`); the
conseillers techniques et pédagogiques supérieurs' fiche prints one métier,
its activités under qualified rubrics (:mod:`referentiel.segment.rubric_activites`)
and its compétences in numbered groups, a numbering the savoirs restart.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract, parse
from referentiel.evaluate import normalise
from referentiel.options import Options
from referentiel.rules import default_rules
from referentiel.segment import STAGES
from referentiel.segment.draft import Context
from referentiel.segment.rubrics import _sections

RIME = REAL / "legi-rime-inspecteurs-referentiel-metier.md"
CTPS = REAL / "legi-ctps-referentiel-metier.md"


def _texts(items: list[str]) -> list[str]:
    return [normalise(t) for t in items]


def test_each_metier_is_a_bloc_over_its_own_rubrics() -> None:
    """Two blocs named by the métiers' headings; each holds its own savoir-faire,
    the same words under both métiers included, and its connaissances."""
    got = extract(RIME)
    gold = gold_of(RIME)
    assert [b.libelle for b in got.blocs] == [b["libelle"] for b in gold["blocs"]]
    for bloc, expected in zip(got.blocs, gold["blocs"], strict=True):
        assert _texts([c.libelle for c in bloc.competences]) == _texts(
            [c["libelle"] for c in expected["competences"]]
        )
        assert _texts(bloc.connaissances) == _texts(expected["connaissances"])
    shared = {normalise(c.libelle) for c in got.blocs[0].competences} & {
        normalise(c.libelle) for c in got.blocs[1].competences
    }
    assert shared  # "Conduire des entretiens." is a compétence of both métiers


def test_the_rubric_labels_are_told_from_the_headings_by_repetition() -> None:
    """Two sections, each over the same four labels; the definition is no element."""
    ctx = Context(parse(RIME), Options(), default_rules())
    for name, stage in STAGES:
        stage(ctx)
        if name == "sections":
            break
    sections = _sections(ctx)
    assert [head.text for head, _ in sections] == [b["libelle"] for b in gold_of(RIME)["blocs"]]
    labels = {tuple(label.text for label, _ in rubrics) for _, rubrics in sections}
    assert len(labels) == 1 and len(next(iter(labels))) == 4
    got = extract(RIME)
    assert got.certification.description is None  # a métier's definition, not the certification's


def test_the_activites_rubrics_give_the_activites_in_order() -> None:
    """Both fiches: every item under an activités rubric is an activité, in
    document order; a lead-in over items is one activité, its items its tâches;
    the label wrapped onto a second paragraph is no activité."""
    for path in (RIME, CTPS):
        got = extract(path)
        gold = gold_of(path)
        assert _texts([a.libelle for a in got.activites]) == _texts(
            [a["libelle"] for a in gold["activites"]]
        )
        assert [_texts(a.taches) for a in got.activites] == [
            _texts(a["taches"]) for a in gold["activites"]
        ]
    libelles = {normalise(a.libelle) for a in extract(CTPS).activites}
    assert normalise("de l'éducation populaire et de la vie associative") not in libelles


def test_a_numbering_restarted_over_savoirs_ends_the_blocs() -> None:
    """'1. Disciplinaires' / '2. Méthodologiques' restart the compétences'
    numbering over noun phrases: no bloc; the four groups of compétences stay."""
    got = extract(CTPS)
    assert [(b.code, b.libelle) for b in got.blocs] == [
        (b["code"], b["libelle"]) for b in gold_of(CTPS)["blocs"]
    ]
    assert got.certification.intitule is not None
    assert normalise(got.certification.intitule) == normalise(
        gold_of(CTPS)["certification"]["intitule"]
    )
