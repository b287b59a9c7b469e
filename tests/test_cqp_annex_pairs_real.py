"""Two CQP annexes' weak spots (real files).

The habillement's critères are label lines over one paragraph: compétence 1's
labels end with a colon, compétence 2's with none; one label stands under the
line a page break carried over, its paragraph's last word cut by a hyphen on
the page before. The CDNA's compétences table names its activité once a row,
beside a cell listing several compétences; one activité of its activités
table lost its dash.
"""

from __future__ import annotations

from functools import cache

from fixtures.real_docs import REAL
from referentiel.api import extract, parse
from referentiel.docmodel import Kind
from referentiel.models import Bloc, Referentiel

HABILLEMENT = REAL / "cqp-habillement-administrateur-ventes.pdf"
CDNA = REAL / "cqp-cdna-vendeur-conseil-magasin.pdf"


@cache
def _extracted(name: str) -> Referentiel:
    return extract(REAL / name)


def _bloc(ref: Referentiel, code: str) -> Bloc:
    return next(b for b in ref.blocs if b.code == code)


def test_a_label_line_under_a_full_line_is_its_own_paragraph() -> None:
    # set 5 points under the line above, where the paragraphs around are set 2 apart
    paragraphs = [b for b in parse(HABILLEMENT).walk() if b.kind is Kind.PARAGRAPH and b.page == 4]
    assert any(b.text.startswith("Prise en compte des priorités") for b in paragraphs)
    assert not any("discrétion" in b.text and "Prise en compte" in b.text for b in paragraphs)


def test_a_paragraph_cut_by_a_page_break_is_one_indicateur() -> None:
    bloc = _bloc(_extracted(HABILLEMENT.name), "Compétence 4")
    assert [len(c.indicateurs) for c in bloc.criteres] == [1, 1, 1]
    assert "facilement accessibles" in bloc.criteres[0].indicateurs[0]
    assert bloc.criteres[1].libelle.startswith("Prise en compte des priorités")
    assert not any(c.libelle[:1].islower() for c in bloc.criteres)


def test_bare_labels_follow_the_documents_labelled_pairs() -> None:
    bloc = _bloc(_extracted(HABILLEMENT.name), "Compétence 2")
    assert len(bloc.criteres) == 4
    assert all(len(c.indicateurs) == 1 for c in bloc.criteres)
    assert all(c.indicateurs[0].startswith("Capacité à") for c in bloc.criteres)
    assert bloc.criteres[2].libelle == "Suivi des stocks"


def test_a_paragraph_over_more_lines_than_its_label_is_its_indicateur() -> None:
    bloc = _bloc(_extracted(HABILLEMENT.name), "Compétence 3")
    assert len(bloc.criteres) == 3
    used = next(c for c in bloc.criteres if c.libelle.startswith("Utilisation de l'outil"))
    assert len(used.indicateurs) == 1 and used.indicateurs[0].startswith("Capacité à procéder")


def test_every_competence_of_a_row_is_linked_to_its_activite() -> None:
    ref = _extracted(CDNA.name)
    expected = {"C7": "A1", "C4": "A2", "C1": "A3", "C5": "A3", "C2": "A4", "C3": "A4"}
    expected["C6"] = "A5"
    for bloc in ref.blocs:
        assert bloc.competences
        for comp in bloc.competences:
            assert comp.activites == [expected[bloc.code or ""]], comp.code


def test_an_item_that_lost_its_dash_is_the_next_of_its_series() -> None:
    activites = {a.code: a.libelle for a in _extracted(CDNA.name).activites}
    assert "A5.2" in activites and activites["A5.2"].startswith("Recueil des informations")
    assert "A5.2" not in activites["A5.1"]
