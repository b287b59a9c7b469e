"""Modalités cells of the branch CQP grids (real files, Dictionnaire Permanent).

A modalités cell sets its modality over several paragraphs: a label line over
its description ("Questionnaire à visée professionnelle" / "Le candidat
répond …"), a name broken before its acronym ("Cas pratique" / "CCF"), a
duration under the study it times. A paragraph that ends no sentence goes on
in the next paragraph of the same cell; practical fields ("Lieu de
l'évaluation :", "Évaluateur :" and a bare "Durée :" among them) are details,
with the list items printed right under one (a total duration over its steps).
A critères cell drawn beside every compétence row of its table judges the
whole bloc, no one compétence.
"""

from __future__ import annotations

from functools import cache

from fixtures.real_docs import REAL
from referentiel.api import extract
from referentiel.models import Referentiel

IMMOBILIER = "cqp-immobilier-negociateur-blocs1-2.pdf"
GRAINS = "cqp-grains-conducteur-installation-bloc3.pdf"
COMMIS = "cqp-espaces-loisirs-commis-de-salle.pdf"


@cache
def _extracted(name: str) -> Referentiel:
    return extract(REAL / name)


def _modalites(name: str, code: str) -> list[str]:
    bloc = next(b for b in _extracted(name).blocs if b.code == code)
    return list(bloc.modalites_evaluation)


def test_a_modality_broken_before_a_capitalised_line_is_one() -> None:
    found = _modalites(IMMOBILIER, "Bloc 1")
    assert "Cas pratique CCF" in found
    assert (
        "Cas pratique sur la prospection des clients-vendeurs "
        "Contrôle en cours de Formation (CCF)" in found
    )
    assert any(m.endswith("foncier Durée de 4 heures") for m in found)
    assert "CCF" not in found and "Durée de 4 heures" not in found


def test_a_label_line_and_its_paragraph_are_one_modality() -> None:
    found = _modalites(GRAINS, "Bloc 3")
    assert len(found) == 3
    assert found[0].startswith("Questionnaire à visée professionnelle Le candidat répond")
    assert found[1].startswith("Observation au poste Une observation au poste")
    assert found[2].startswith("Observation en situation de travail et entretien avec le")


def test_a_bare_duration_among_detail_fields_is_a_detail() -> None:
    bloc = next(b for b in _extracted(GRAINS).blocs if b.code == "Bloc 3")
    assert not any("Durée :" in m for m in bloc.modalites_evaluation)
    details = bloc.modalites_details or []
    assert any(d.startswith("Durée : tout au long de la démarche CQP") for d in details)
    assert any("Durée : 15 minutes" in d for d in details)


def test_a_critere_cell_beside_every_row_links_no_one_competence() -> None:
    blocs = _extracted(COMMIS).blocs
    whole = [b for b in blocs if b.code in ("A1", "A3", "A4", "A5")]
    assert whole and all(not k.competences for b in whole for k in b.criteres)
    a2 = next(b for b in blocs if b.code == "A2")  # two rows, each its critères
    codes = {c.id: c.code for c in a2.competences}
    assert [[codes[i] for i in k.competences] for k in a2.criteres] == [
        ["A2 C1"],
        ["A2 C2"],
        ["A2 C2"],
        ["A2 C2"],
    ]


def test_a_lead_in_over_its_codes_and_their_modality_is_one() -> None:
    found = _modalites(COMMIS, "A2")
    assert found[0].startswith("Compétences : A2 C1 à A2 C2: Le candidat est évalué")
    assert "Compétences :" not in found


ELECTROMENAGER = "cqp-electromenager-technicien-reparateur-bloc1.pdf"


def test_the_parts_listed_under_a_duration_field_are_its_details() -> None:
    bloc = _extracted(ELECTROMENAGER).blocs[0]
    assert not any("minutes" in m for m in bloc.modalites_evaluation)
    details = [d for d in bloc.modalites_details if d]
    assert len(details) == 2
    for detail in details:
        assert detail.startswith("Durée totale de l'épreuve : 60 minutes")
        assert "Préparation de l'épreuve : 15 minutes" in detail
        assert detail.endswith("Questions/Réponses avec le jury : 15 minutes")
