"""A unit named only by its title line over its numbered objectives, and the
objectives of a Jeunesse et Sports unit at every depth ("OTI", "OI n",
"OI n.m"), read on the real Légifrance annexes (BPJEPS UCC, CS)."""

from __future__ import annotations

from fixtures.real_docs import extract_real


def test_a_unit_named_by_its_capitals_title_is_the_one_bloc_of_its_objectives() -> None:
    # "UNITE CAPITALISABLE COMPLEMENTAIRE de la spécialité …" (no "UC n"), then
    # "OTI Etre capable …", "OI 1 Etre capable …", "OI 1.1 EC de …"
    ref = extract_real("bpjeps-activites-nautiques-ucc-referentiel-certification.md")
    assert len(ref.blocs) == 1
    bloc = ref.blocs[0]
    assert bloc.code is None
    assert bloc.libelle.startswith("UNITE CAPITALISABLE COMPLEMENTAIRE de la spécialité")
    codes = [c.code for c in bloc.competences]
    assert codes[:3] == ["OTI", "OI 1", "OI 1.1"]
    assert codes.count("OI 3.3") == 1
    assert len(codes) == 15
    assert bloc.competences[0].libelle.startswith("Etre capable d'encadrer un groupe")


def test_a_unit_numbered_by_its_own_word_keeps_its_numbered_bloc() -> None:
    # "UC 1- …" over "OTI : EC de …", "OI 1. EC de …", "OI 1.1. EC de …": the UC
    # are the blocs, the terminal objective and the one-number objective are
    # compétences of their UC like the sub-objectives
    ref = extract_real("cs-activites-athletiques-referentiel-certification.md")
    assert [b.code for b in ref.blocs] == ["UC 1", "UC 2"]
    first = ref.blocs[0].competences
    assert [c.code for c in first[:3]] == ["OTI", "OI 1", "OI 1.1"]
    assert first[0].libelle.startswith("EC de conduire des cycles de découverte")
    assert first[1].libelle.startswith("EC de mobiliser les connaissances professionnelles")
    # "OI.1.9. EC de …", "OI.2.8 EC de …": a dot joins the word to its number
    assert "OI 1.9" in [c.code for c in first]
    assert "OI 2.8" in [c.code for c in ref.blocs[1].competences]
    assert [len(b.competences) for b in ref.blocs] == [14, 13]
