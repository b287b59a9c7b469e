"""Ministries' cadres de référence as Légifrance grids, on real files: a
column no rule names whose bare numbers the compétences beside it extend
(« Missions | Activités | Compétences », :mod:`referentiel.segment.parent_column`),
compétences coded by their bloc's code extended (« D1 » beside « D1.1 : … »,
:mod:`referentiel.segment.bloc_extension`), and compétences linked to the
activité their number extends (:mod:`referentiel.segment.numberlinks`).

Each test reads a real file of tests/data/real with the real reader and
segmenter and compares with the document's hand-checked reference.
"""

from __future__ import annotations

from fixtures.paths import REAL
from fixtures.real_docs import gold_of
from referentiel.api import extract, parse
from referentiel.docmodel import Kind
from referentiel.rules import default_rules
from referentiel.segment.headers import header_roles

DDEEAS = REAL / "cadre-ddeeas-directeur-competences.md"
B2I = REAL / "cadre-b2i-adultes-domaines.md"


def test_a_column_numbering_the_competences_parents_holds_the_blocs() -> None:
    """Missions « 1. … » to « 7. … » in an unnamed column, the compétences
    « n.m.k. … » beside them: each mission is a bloc, coded by its number."""
    ref = extract(DDEEAS)
    gold = gold_of(DDEEAS)
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        (b["code"], b["libelle"]) for b in gold["blocs"]
    ]
    assert [[c.code for c in b.competences] for b in ref.blocs] == [
        [c["code"] for c in b["competences"]] for b in gold["blocs"]
    ]


def test_competences_link_to_the_activite_their_number_extends() -> None:
    """The second compétence of a cell and those of rows whose activité cell
    is empty are linked to the activité their code extends, as the rows'
    own links are."""
    ref = extract(DDEEAS)
    gold = gold_of(DDEEAS)
    assert [[c.activites for c in b.competences] for b in ref.blocs] == [
        [c["activites"] for c in b["competences"]] for b in gold["blocs"]
    ]


def test_competences_coded_by_their_blocs_code_extended() -> None:
    """« D1.1 : … » lines glued in one cell beside « D1 : … »: one compétence
    a line, in that bloc, with its code; every row opens its own bloc."""
    ref = extract(B2I)
    gold = gold_of(B2I)
    assert [b.code for b in ref.blocs] == ["D1", "D2", "D3", "D4", "D5"]
    assert [[(c.code, c.libelle) for c in b.competences] for b in ref.blocs] == [
        [(c["code"], c["libelle"]) for c in b["competences"]] for b in gold["blocs"]
    ]


def test_a_bare_domaine_header_names_the_bloc_column() -> None:
    """« DOMAINE | OBJECTIF | COMPÉTENCES » in header cells: the first
    column holds the blocs, the last the compétences, the middle one none."""
    table = next(b for b in parse(B2I).blocks if b.kind is Kind.TABLE)
    assert header_roles(table.rows[0], default_rules()) == {0: "bloc", 2: "competence"}


def test_every_objectif_cell_is_reported_when_no_element_holds_it() -> None:
    """The B2i's OBJECTIF column goes into no element; each of its five cells is an
    UNPLACED_TEXT warning, D4's included, though three of its six words are printed
    in order by its sibling compétence D4.1 (« une démarche de recherche »)."""
    ref = extract(B2I)
    gold = gold_of(B2I)
    objectifs = [b["intention"] for b in gold["blocs"]]
    unplaced = [w.message for w in ref.warnings if w.code == "UNPLACED_TEXT"]
    assert len(objectifs) == 5
    for objectif in objectifs:
        assert any(objectif[:40] in message for message in unplaced), objectif
