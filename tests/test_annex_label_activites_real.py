"""Légifrance annexes whose label ("Annexe I", "Article Annexe I") is printed
over the title of their part ("Référentiel des activités professionnelles"),
on the real files.

The label names the container, so the title after it opens the activités
section (it is no part listed after another); the activités stage then reads
only the activités' structure in it, not the numbered lines of the
introduction that opens the section.
"""

from __future__ import annotations

from pathlib import Path

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract, parse
from referentiel.evaluate import normalise
from referentiel.options import Options
from referentiel.rules import default_rules
from referentiel.segment.draft import Context
from referentiel.segment.outline import outline
from referentiel.segment.sections import sections
from referentiel.segment.stream import units

RCI = REAL / "cap-rci-referentiel.md"
DESIGN = REAL / "bts-design-mode-textile-fonctions.md"


def _sectioned(path: Path) -> Context:
    ctx = Context(parse(path), Options(), default_rules())
    for stage in (units, outline, sections):
        stage(ctx)
    return ctx


def test_the_title_after_an_annex_label_opens_its_section() -> None:
    """« Annexe I » then « Référentiel des activités professionnelles »: the
    title opens the activités section, in both annexes."""
    for path in (RCI, DESIGN):
        title = next(u for u in _sectioned(path).units if u.text.startswith("Référentiel des"))
        assert title.starts_section == "activites", path.name


def test_the_introductions_numbered_lines_are_no_activites() -> None:
    """The introduction's numbered sentences (cap-rci) and numbered sub-section
    headings (« 1. Champ d'activités » over « 1.1. Définition ») are none: the
    activités are the records' (with their coded tâches) and the table's."""
    for path in (RCI, DESIGN):
        ref = extract(path)
        gold = gold_of(path)
        assert [(a.code, a.libelle) for a in ref.activites] == [
            (a["code"], a["libelle"]) for a in gold["activites"]
        ], path.name


def test_coded_taches_under_an_activite_record() -> None:
    """« Activité 1 : … » over « 1.1. … 1.3. »: the lines numbered under the
    activité are its tâches, up to the record's next label."""
    ref = extract(RCI)
    gold = gold_of(RCI)
    assert [[normalise(t) for t in a.taches] for a in ref.activites] == [
        [normalise(t) for t in a["taches"]] for a in gold["activites"]
    ]
