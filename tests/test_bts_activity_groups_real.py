"""The activités of a BTS booklet grouped in domaines or pôles d'activités, on
real excerpts: the synthesis tables of the MCO and GPME booklets (a « Domaine
d’activités N : » cell over its activités, beside the bloc de compétences cell
over its compétences) and the NDRC référentiel des activités professionnelles
(« Pôle 1 d’activités : … » over a table whose prose row « Description
générale » sits above its header). The domaine or pôle groups the activités, it
is no activité and no bloc of its own."""

from __future__ import annotations

from fixtures.paths import REAL
from referentiel.api import extract


def test_a_domaine_cell_lists_its_activites_beside_the_bloc_and_its_competences() -> None:
    ref = extract(REAL / "bts-mco-synthese-domaines-blocs.pdf")
    assert len(ref.activites) == 14
    assert ref.activites[0].libelle == (
        "Collecte, analyse et exploitation de l’information commerciale"
    )
    assert not any("Domaine" in a.libelle for a in ref.activites)
    assert [b.code for b in ref.blocs] == ["Bloc de compétences 1", "Bloc de compétences 2"]
    assert ref.blocs[1].libelle == "Animer et dynamiser l’offre commerciale"
    assert [c.libelle for c in ref.blocs[0].competences][:2] == [
        "Assurer la veille informationnelle",
        "Réaliser des études commerciales",
    ]


def test_coded_activites_under_their_domaine_and_the_next_domaine_opens_a_row() -> None:
    ref = extract(REAL / "bts-gpme-synthese-domaines-blocs.pdf")
    assert [a.code for a in ref.activites] == [f"{d}.{n}" for d in (1, 2) for n in range(1, 7)]
    assert ref.activites[6].libelle == "Conduite d’une veille"
    assert not any(a.taches for a in ref.activites)
    assert len(ref.blocs) == 2 and [len(b.competences) for b in ref.blocs] == [6, 6]


def test_a_pole_d_activites_is_no_bloc_and_the_prose_above_the_header_no_activite() -> None:
    ref = extract(REAL / "bts-ndrc-activites-pole1.pdf")
    assert ref.blocs == []
    assert [a.libelle for a in ref.activites] == [
        "Développement de clientèle",
        "Négociation, vente et valorisation de la relation client",
        "Animation de la relation client",
        "Veille et expertise commerciales",
    ]
    assert ref.activites[1].taches[1] == (
        "Proposition, négociation et vente d’une offre personnalisée"
    )


def test_plain_lines_under_pole_and_bloc_titles_and_a_general_unit_lead_in() -> None:
    ref = extract(REAL / "bts-ndrc-synthese-poles-blocs.pdf")
    assert len(ref.activites) == 10 and ref.activites[0].libelle == "Développement de clientèle"
    assert [b.code for b in ref.blocs] == [f"Bloc de compétences {n}" for n in (1, 2, 3)] + [None]
    assert [len(b.competences) for b in ref.blocs] == [4, 3, 3, 3]
    assert ref.blocs[3].libelle == "Culture générale et expression"
    assert ref.blocs[3].competences[0].libelle == "Respecter les contraintes de la langue écrite"
