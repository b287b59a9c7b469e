"""Diploma annexes (Légifrance Markdown with HTML tables) read on the real files:
the conditions column found by elimination, a table's savoirs part given to the
compétences its rows named, '<br/>- ' lines of one list."""

from __future__ import annotations

from fixtures.paths import REAL
from fixtures.real_docs import competence, extract_real
from referentiel.api import parse
from referentiel.docmodel import Block, Kind


def test_unnamed_column_beside_competences_and_criteres_holds_conditions() -> None:
    # "Compétences détaillées | Critères et indicateurs d'évaluation | Ressources"
    comp = competence(extract_real("bacpro-hps-referentiel-certification.md"), "C 111")
    assert "Outils informatiques et logiciels adaptés" in comp.conditions_realisation
    assert not any(k.startswith("Outils informatiques") for k in comp.resultats_attendus)


def test_mise_en_situation_column_holds_conditions() -> None:
    # "SAVOIR-FAIRE | MISE EN SITUATION | RÉSULTATS ATTENDUS"
    ref = extract_real("cap-arts-verre-referentiel-certification.md")
    comp = competence(ref, "C1.1")
    assert comp.conditions_realisation
    assert comp.resultats_attendus
    assert not set(comp.conditions_realisation) & set(comp.resultats_attendus)


def test_savoirs_part_of_a_table_goes_to_its_competences() -> None:
    ref = extract_real("bacpro-csr-referentiel-certification.md")
    pole = ref.blocs[0]
    assert not pole.connaissances
    shared = "L'identification des formules professionnelles et procédures couramment utilisées"
    assert shared in competence(ref, "C1-1.1").connaissances
    # one table holds two opérationnelles: both get its savoirs
    both = [competence(ref, code).connaissances for code in ("C1-1.2", "C1-1.3")]
    assert both[0] and both[0] == both[1]
    assert not competence(ref, "C1-1").connaissances  # the heading row across the table


def _items(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        if block.kind is Kind.TABLE:
            for row in block.rows:
                for cell in row.cells:
                    out.extend(_items(cell.blocks))
        elif block.kind is Kind.LIST_ITEM:
            out.append(block)
    return out


def test_br_separated_dash_lines_are_items_of_one_list() -> None:
    items = _items(parse(REAL / "cap-rci-referentiel.md").blocks)
    levels = {b.text.strip(): b.level for b in items}
    # "- Le type d'ouvrage est identifié <br/>- Les principales fonctions …"
    assert levels["Le type d'ouvrage est identifié"] == 0
    assert levels["Les principales fonctions assurées par l'ouvrage sont déterminées"] == 0
    # "Tout ou partie des éléments suivants : <br/>- Modèle 3D …": items under a lead-in
    assert levels["Modèle 3D de l'ouvrage"] == 1


def test_br_separated_criteres_are_each_a_critere() -> None:
    ref = extract_real("cap-rci-referentiel.md")
    libelles = [k.libelle for b in ref.blocs for k in b.criteres]
    assert "Les principales fonctions assurées par l'ouvrage sont déterminées" in libelles


def test_savoirs_kinds_and_levels_are_no_connaissances() -> None:
    # DPAS modules: "Savoirs associés :" / "Théoriques et procéduraux :" / … /
    # "Pratiques :" / … / "Niveau d'acquisition et limites d'exigence :" + prose
    ref = extract_real("dpas-referentiel-formation.md")
    known = [k for b in ref.blocs for k in b.connaissances] + [
        k for b in ref.blocs for c in b.competences for k in c.connaissances
    ]
    assert "Le lavage simple des mains." in known  # the item under "Pratiques :"
    assert not any(
        k.startswith(("Théoriques et procéduraux", "Pratiques", "Savoirs pratiques")) for k in known
    )
    assert not any(k.startswith("Niveau d'acquisition") for k in known)
    assert not any(k.startswith("Les connaissances relatives aux paramètres vitaux") for k in known)
