"""Sections of one repeated template read as blocs, on the real file.

The IBODE référentiel de formation numbers nothing: three sections, each an
« Objectif : … capable de réaliser … : » paragraph, a list of items and a
table of the same shape. The repeated template is the bloc level: the
document is read, not refused.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract, parse
from referentiel.evaluate import normalise
from referentiel.nlp import states_ability
from referentiel.options import Options
from referentiel.rules import default_rules
from referentiel.segment.draft import Context
from referentiel.segment.stream import units
from referentiel.segment.templated import templated_sections

FORMATION = REAL / "de-ibode-referentiel-formation.md"
ACTIVITES = REAL / "de-ibode-referentiel-activites.md"


def _sections(path: object) -> list[tuple[str, int]]:
    ctx = Context(parse(path), Options(), default_rules())
    units(ctx)
    return [(statement, len(items)) for statement, _head, items, _frame in templated_sections(ctx)]


def test_the_three_objective_sections_are_one_template() -> None:
    got = _sections(FORMATION)
    assert [count for _statement, count in got] == [3, 3, 4]
    assert all(statement.startswith("l'infirmier") for statement, _count in got)


def test_a_document_without_the_repeated_template_has_none() -> None:
    assert _sections(ACTIVITES) == []


def test_an_ability_needs_capable_de_and_an_infinitive() -> None:
    assert states_ability("l'infirmier doit être capable de réaliser les actes suivants :")
    assert not states_ability("l'infirmier est capable")
    assert not states_ability("les personnes capables de la formation")


def test_the_blocs_and_their_competences_are_read_not_refused() -> None:
    got = extract(FORMATION)
    gold = gold_of(FORMATION)
    assert [normalise(b.libelle) for b in got.blocs] == [
        normalise(b["libelle"]) for b in gold["blocs"]
    ]
    assert [len(b.competences) for b in got.blocs] == [len(b["competences"]) for b in gold["blocs"]]
    assert all(b.code is None for b in got.blocs)
    assert any(w.code == "LOW_CONFIDENCE_STRUCTURE" for w in got.warnings)


def test_each_table_is_read_by_what_its_columns_hold() -> None:
    """The column of result statements ("Les … sont …") holds the critères, the
    noun-phrase columns the connaissances; the full-width closing row neither."""
    got = extract(FORMATION)
    gold = gold_of(FORMATION)
    assert [[normalise(c.libelle) for c in b.criteres] for b in got.blocs] == [
        [normalise(c["libelle"]) for c in b["criteres"]] for b in gold["blocs"]
    ]
    assert [len(b.connaissances) for b in got.blocs] == [
        len(b["connaissances"]) for b in gold["blocs"]
    ]
    assert not any("Durée" in k for b in got.blocs for k in b.connaissances)
