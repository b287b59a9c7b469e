"""Titles wrapped over paragraphs, numbered critères and near-twin abilities, read
on the real Légifrance annexes (DESJEPS, CAFERUIS, titres professionnels)."""

from __future__ import annotations

from fixtures.real_docs import competence, extract_real
from referentiel.models import Bloc, Referentiel


def _bloc(ref: Referentiel, code: str) -> Bloc:
    return next(b for b in ref.blocs if b.code == code)


def test_a_competence_heading_title_wrapped_onto_a_lower_case_paragraph_goes_on() -> None:
    # "OI 21   EC de gérer les ressources humaines" / "d'une organisation du secteur"
    ref = extract_real("desjeps-performance-sportive-referentiel-certification.md")
    assert competence(ref, "OI 21").libelle == (
        "EC de gérer les ressources humaines d'une organisation du secteur"
    )
    # a title ending a sentence takes nothing from below
    assert competence(ref, "OI 111").libelle.endswith("réseaux professionnels.")
    assert [len(b.competences) for b in ref.blocs] == [15, 16, 28, 12]


def test_a_unit_written_in_full_and_abbreviated_is_one_bloc_titled_by_its_body() -> None:
    # the summary list prints "Domaine de compétences 1" / "Conception …" / "ou de
    # service …"; the table holding the indicateurs prints "DC 1. - Conception …"
    ref = extract_real("caferuis-referentiel-professionnel.md")
    assert [b.code for b in ref.blocs] == [f"DC {n}" for n in range(1, 7)]
    assert _bloc(ref, "DC 1").libelle.rstrip(".") == (
        "Conception et conduite de projets d'unité ou de service dans le cadre du projet "
        "institutionnel"
    )
    # "Domaine de compétences 5 (transversal)": the parenthesis qualifies the unit,
    # so it is no part of the table's title "… partenariats (transversal)."
    assert _bloc(ref, "DC 5").libelle.rstrip(".") == (
        "Communication, interface, gestion de partenariats"
    )
    # the summary's "4.1 … de l'unité ou du service." is the table's 4.1, stated there
    assert [c.code for c in _bloc(ref, "DC 4").competences] == ["4.1", "4.2"]
    assert competence(ref, "4.1").libelle.endswith("de la gestion administrative de l'unité.")
    assert competence(ref, "2.4").libelle.startswith("Être en capacité d'appréhender")  # table only


def test_a_critere_numbered_under_a_competence_evaluates_it_without_its_number() -> None:
    ref = extract_real("caferuis-referentiel-professionnel.md")
    criteres = [k for b in ref.blocs for k in b.criteres]
    libelles = [k.libelle for k in criteres]
    assert "Savoir évaluer les risques." in libelles
    first_bloc = [k.libelle for k in _bloc(ref, "DC 1").criteres]
    assert len(first_bloc) == 8 and not any(k[:1].isdigit() for k in first_bloc)
    # "2.4.1. … d'intervention. 2.4.2. Savoir construire …" in one paragraph: two critères
    assert any(k.startswith("Savoir construire les outils homogènes") for k in libelles)
    assert any(k.endswith("zone d'activité ou d'intervention.") for k in libelles)
    # 1.1.x evaluate 1.1 although the row's cell ends on 1.2
    bloc = _bloc(ref, "DC 1")
    ids = {c.id: c.code for c in bloc.competences}
    first = next(k for k in bloc.criteres if k.libelle.startswith("Maîtriser la méthodologie"))
    assert [ids[i] for i in first.competences] == ["1.1"]


def test_near_twin_abilities_of_one_list_are_two_competences() -> None:
    # "Poser une menuiserie intérieure standard." / "… extérieure standard."
    ref = extract_real("tp-agent-entretien-batiment-rncp.md")
    libelles = [c.libelle for c in ref.blocs[3].competences]
    assert "Poser une menuiserie intérieure standard." in libelles
    assert "Poser une menuiserie extérieure standard." in libelles
    assert [len(b.competences) for b in ref.blocs] == [5, 6, 5, 5, 6, 8, 7]


def test_a_lead_in_list_inside_the_description_belongs_to_it() -> None:
    # "Cela se traduit par :" / "- un recentrage … ;" … then more description
    ref = extract_real("tp-secretaire-assistant-rncp.md")
    description = ref.certification.description or ""
    assert "Cela se traduit par : un recentrage de l'activité" in description
    assert description.endswith("le tri et le traitement des informations.")
    assert "Assurer le fonctionnement courant" not in description


def test_an_ability_stated_in_two_units_under_two_codes_stays_in_each() -> None:
    # "OI 1.8 EC d'intervenir pour assurer l'apprentissage en sécurité," and
    # "OI 2.7 EC d'intervenir pour assurer l'apprentissage en sécurité,": the
    # second is UC 2's own, and the objectives after it stay in UC 2
    ref = extract_real("cs-activites-athletiques-referentiel-certification.md")
    assert [b.code for b in ref.blocs] == ["UC 1", "UC 2"]
    for bloc, number in zip(ref.blocs, "12", strict=True):
        codes = [c.code or "" for c in bloc.competences]
        assert codes[:2] == ["OTI", f"OI {number}"]
        assert all(code.startswith(f"OI {number}.") for code in codes[2:])
    assert "OI 2.7" in [c.code for c in _bloc(ref, "UC 2").competences]
    assert "OI 1.8" in [c.code for c in _bloc(ref, "UC 1").competences]
