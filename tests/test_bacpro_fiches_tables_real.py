"""Bac pro référentiels in the Ministry's PDF booklets, on real excerpts.

The bac pro CIEL compétence fiches print C01, C03 and C04 only (C02 and C05 are
« non mobilisée » in this diploma): a compétence word's series with gaps, each
unit once as a heading over its own content, is still the document's top level
when no bloc word is printed (:mod:`referentiel.segment.outline_gaps`).

The Éduscol table of a famille de métiers' compétences communes heads two
compétence columns side by side (« Compétences communes | Compétences
détaillées »): the left one holds the units, coded « CC1 : » with the title on
the line below, and the right one their abilities, one per line, opening on an
infinitive without a full stop (:func:`referentiel.segment.table_roles.detailed_pair`,
:func:`referentiel.segment.competence_cells.action_lines`)."""

from __future__ import annotations

from fixtures.paths import REAL
from referentiel.api import extract
from referentiel.docmodel import Block, Cell, Kind, Row
from referentiel.rules import default_rules
from referentiel.segment.competence_cells import action_lines
from referentiel.segment.draft import Unit
from referentiel.segment.table_roles import detailed_pair

_FICHES = REAL / "bacpro-ciel-competences-c01-c04.pdf"
_COMMUNES = REAL / "bacpro-tne-competences-communes.pdf"


def test_fiches_numbered_with_gaps_are_the_blocs() -> None:
    ref = extract(_FICHES)
    assert [b.code for b in ref.blocs] == ["C01", "C03", "C04"]
    assert ref.blocs[1].libelle == "PARTICIPER A UN PROJET"
    assert [len(b.criteres) for b in ref.blocs] == [6, 7, 8]
    assert not any(b.competences for b in ref.blocs)  # E1 … D3 are the activités cited


def test_compétences_communes_hold_their_detailed_abilities() -> None:
    ref = extract(_COMMUNES)
    assert [b.code for b in ref.blocs] == [f"CC{n}" for n in range(1, 10)]
    assert ref.blocs[0].libelle == "S’informer sur l’intervention ou sur la réalisation"
    assert [len(b.competences) for b in ref.blocs] == [3, 3, 3, 3, 4, 3, 3, 3, 3]
    assert ref.blocs[4].competences[1].libelle == "Tester et certifier les supports"
    assert ref.certification.type is None
    assert ref.certification.intitule == (
        "Famille des métiers des transitions numérique et énergétique"
    )


def _header(*texts: str) -> Row:
    return Row([Cell([Block(Kind.PARAGRAPH, text)]) for text in texts], header=True)


def test_two_competence_columns_headed_alike_make_the_left_one_the_units() -> None:
    rules = default_rules()
    roles: list[str | None] = ["activite", "competence", "competence"]
    row = _header("ACTIVITÉS", "COMPÉTENCES COMMUNES", "COMPÉTENCES DÉTAILLÉES")
    assert detailed_pair(roles, row, rules) == ["activite", "bloc", "competence"]
    # the same role reached by two words: an épreuve's objectives beside its compétences
    row = _header("ACTIVITÉS", "Objectifs de l'épreuve", "Compétences repérées")
    assert detailed_pair(roles, row, rules) == roles
    # beside a bloc column they stay compétences
    blocs: list[str | None] = ["bloc", "competence", "competence"]
    row = _header("Blocs", "Compétences", "Compétences détaillées")
    assert detailed_pair(blocs, row, rules) == blocs


def _unit(text: str, line: int) -> Unit:
    return Unit(Kind.PARAGRAPH, text, 1, line)


def test_action_lines_are_several_abilities_not_a_run_on() -> None:
    lines = [
        _unit("Compléter les documents techniques et administratifs", 1),
        _unit("Rédiger un compte-rendu, un rapport d’activité", 2),
    ]
    assert action_lines(lines)
    assert not action_lines(lines[:1])  # one line is one ability
    assert not action_lines([lines[0], _unit("Rédiger un compte-rendu.", 2)])
    assert not action_lines([lines[0], _unit("Les documents sont complétés", 2)])
