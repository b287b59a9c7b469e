"""Cross-links read from the document's structure and codes, on real documents:
compétences to the activité type whose fiche lists them (REAC titres
professionnels), critères to the compétences their numbering or link cue names."""

from __future__ import annotations

from fixtures.real_docs import competence, extract_real
from referentiel.models import Referentiel


def _codes(ref: Referentiel) -> dict[str, str | None]:
    """Every compétence's id → its printed code, through the whole document."""
    return {c.id: c.code for b in ref.blocs for c in b.competences}


def _linked(ref: Referentiel, start: str) -> list[str | None]:
    """The codes of the compétences the first critère starting with ``start`` names."""
    critere = next(k for b in ref.blocs for k in b.criteres if k.libelle.startswith(start))
    codes = _codes(ref)
    return [codes[i] for i in critere.competences]


def test_transversales_listed_in_an_activite_type_fiche_belong_to_it() -> None:
    ref = extract_real("tp-cda-reac-at1.pdf")
    assert [(a.code, a.libelle) for a in ref.activites] == [
        ("1", "Développer une application sécurisée")
    ]
    assert [c.activites for c in ref.blocs[0].competences] == [["1"]] * 4
    transversales = {c.libelle: c.activites for c in ref.competences_transversales}
    assert transversales == {
        "Communiquer": ["1"],
        "Mettre en oeuvre une démarche de résolution de problème": ["1"],
        "Apprendre en continu": ["1"],
    }


def test_the_fiche_of_the_emploi_type_transversales_links_no_activite_type() -> None:
    # "FICHE DES COMPÉTENCES TRANSVERSALES DE L'EMPLOI TYPE" after the compétence fiches
    ref = extract_real("tp-cdi-reac-at2.pdf")
    assert len(ref.competences_transversales) == 2
    assert all(c.activites == [] for c in ref.competences_transversales)
    assert [c.activites for c in ref.blocs[0].competences] == [["2"]] * 4


def test_a_synoptic_table_naming_the_activites_types_again_is_no_other_activite() -> None:
    # the "Vue synoptique" names both activités types before their fiches
    ref = extract_real("tp-dwwm-reac-whole.pdf")
    assert [a.code for a in ref.activites] == ["1", "2"]
    assert ref.activites[0].libelle.startswith("Développer la partie front-end")
    by_code = {c.code: c.activites for b in ref.blocs for c in b.competences}
    assert by_code == {str(n): ["1" if n <= 4 else "2"] for n in range(1, 9)}
    assert all(c.activites == [] for c in ref.competences_transversales)


def test_an_activite_type_code_with_a_qualifier_is_an_activite_type() -> None:
    # "ACTIVITÉ TYPE DU CCS N° 1"
    ref = extract_real("tp-ecsr-reac-ccs1.pdf")
    assert [a.code for a in ref.activites] == ["1"]
    assert [c.activites for c in ref.blocs[0].competences] == [["1"]] * 3


def test_link_codes_resolve_through_ocr_noise_and_ranges() -> None:
    ref = extract_real("bts-negociation-ocr.txt")
    # "C3.3&C34" (a dot lost)
    assert _linked(ref, "Pertinence de la présentation commerciale") == ["C.3.3", "C.3.4"]
    # "C151aC155": a range, its accent lost
    assert _linked(ref, "Pertinence du bilan d") == [f"C.15.{n}" for n in range(1, 6)]
    # "Cl11.1&C11.2": the letter misread
    assert _linked(ref, "Conformité de la proposition") == ["C.11.1", "C.11.2"]
    assert competence(ref, "C.3.4").libelle


def test_a_numbered_critere_links_the_competence_its_number_extends() -> None:
    # 2.2.1 … in a cell of critères whose row's compétence cell ends on 2.4
    ref = extract_real("caferuis-referentiel-professionnel.md")
    assert _linked(ref, "Connaître les spécificités propres aux différents statuts") == ["2.2"]
    assert _linked(ref, "Connaître les fondements de la sociologie") == ["3.1"]
