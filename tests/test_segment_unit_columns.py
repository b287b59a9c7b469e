"""Units printed only as the first cell of table rows, read on the real files:
a column of coded units (a numbering series down a table's first column) is a
unit level whatever its header word; the other columns are no element."""

from __future__ import annotations

from pathlib import Path

from fixtures.real_docs import extract_real
from referentiel.api import extract, parse
from referentiel.docmodel import Block, Kind
from referentiel.rules import default_rules
from referentiel.segment.unitcolumn import unit_view


def test_capacites_glued_in_one_cell_are_blocs() -> None:
    # header over three rows with empty cells; "C 1 : …<br/>C 2 : …" per épreuve row
    ref = extract_real("bepa-sap-capacites-epreuves.md")
    codes = [b.code.replace(" ", "") for b in ref.blocs]
    assert codes == ["C1", "C2", "C3", "C5", "C6", "C7", "C8", "C9", "C10"]
    assert ref.blocs[0].libelle.startswith("Mobiliser les bases de la communication")
    assert not any(b.competences for b in ref.blocs)
    assert not any(b.libelle.startswith(("E 1", "Ecrit", "3")) for b in ref.blocs)


def test_capacites_run_together_in_one_line_are_blocs() -> None:
    # older markup: no <br/>, "C1 : … citoyenne. C2 : … société." in one cell
    # line, once with no space ("sécurité.C9 : …"); C4 is not printed
    ref = extract_real("bepa-vigne-vin-capacites-epreuves.md")
    codes = [b.code for b in ref.blocs]
    assert codes == ["C1", "C2", "C3", "C5", "C6", "C7", "C8", "C9", "C10"]
    assert ref.blocs[1].libelle.startswith("Mobiliser des repères historiques")
    assert "C3" not in ref.blocs[1].libelle and "C9" not in ref.blocs[7].libelle
    assert ref.blocs[8].libelle.startswith("Utiliser des matériels")
    # every capacité of a row gets its épreuve's natures, not only the last one
    assert ref.blocs[0].modalites_evaluation == ["Ecrit et oral", "Ecrit"]
    assert ref.blocs[3].modalites_evaluation == ["Oral"]


def test_modules_of_two_letter_series_are_blocs() -> None:
    # "Modules" header; O1 then C2, C3: one number series; totals rows are no unit
    ref = extract_real("certiphyto-conseil-qcm-modules.md")
    assert [b.code for b in ref.blocs] == ["O1", "C2", "C3"]
    assert ref.blocs[2].libelle.startswith("Formuler des conseils")
    assert not any("Total" in b.libelle or "Durée" in b.libelle for b in ref.blocs)
    unplaced = [w.message for w in ref.warnings if w.code == "UNPLACED_TEXT"]
    assert any("Total des questions" in m for m in unplaced)  # reported, not lost


def test_a_series_of_other_letters_goes_on_with_the_numbering() -> None:
    # "O1" then the spécialité's own "U4", "U5" (numbered by their place in the
    # référentiel de formation): one column of units, the common objective kept
    ref = extract_real("certiphyto-operateur-non-agricole-qcm.md")
    assert [b.code for b in ref.blocs] == ["O1", "U4", "U5"]
    assert ref.blocs[0].libelle.endswith("intoxication")


def _table(tmp_path: Path, rows: list[str]) -> Block:
    path = tmp_path / "t.md"
    body = "".join(f"| {row} | x |\n" for row in rows)
    path.write_text(f"# T\n\n| Unités | Épreuve |\n|---|---|\n{body}", encoding="utf-8")
    return next(b for b in parse(path).blocks if b.kind is Kind.TABLE)


def test_coded_column_needs_a_series(tmp_path: Path) -> None:
    rules = default_rules()
    series = ["C 1 : Analyser", "C 2 : Organiser", "C 3 : Réaliser"]
    view = unit_view(_table(tmp_path, series), rules, 1)
    assert view is not None and view.roles[0] == "unit"
    jumps = ["C 1 : Analyser", "C 7 : Organiser", "C 9 : Réaliser"]
    assert unit_view(_table(tmp_path, jumps), rules, 1) is None
    backwards = ["O4 : Analyser", "C2 : Organiser", "C3 : Réaliser"]  # a new series goes on
    assert unit_view(_table(tmp_path, backwards), rules, 1) is None
    onwards = ["O1 : Analyser", "C4 : Organiser", "C5 : Réaliser"]
    assert unit_view(_table(tmp_path, onwards), rules, 1) is not None
    alone = ["C 1 : Analyser", "Total"]
    assert unit_view(_table(tmp_path, alone), rules, 1) is None
    activites = ["A1 : Analyser", "A2 : Organiser", "A3 : Réaliser"]
    assert unit_view(_table(tmp_path, activites), rules, 1) is None


def test_synthesis_units_told_from_their_children_by_numbering() -> None:
    # "C4 - Réaliser" | "C41 …": one digit is the unit, two its compétence; the
    # excerpt prints C4-C6 only in the synthesis table
    ref = extract_real("bacpro-hps-referentiel-certification.md")
    assert [b.code for b in ref.blocs] == ["C1", "C2", "C3", "C4", "C5", "C6"]
    realiser = ref.blocs[3]
    assert realiser.libelle == "Réaliser"
    assert [c.code for c in realiser.competences][:2] == ["C41", "C42"]
    # a unit named in the synthesis and in the body is one bloc with both levels
    informer = ref.blocs[0]
    assert {"C11", "C 111"} <= {c.code for c in informer.competences}


def test_etre_capable_de_grid_and_wrapped_capacite_title() -> None:
    # « Être capable de / Conditions et ressources / Critères et indicateurs … »
    ref = extract_real("bp-piscine-referentiel-certification.md")
    assert ref.blocs[2].libelle.lower() == "organiser, gérer"  # "C3 <br/>Organiser, <br/>gérer"
    informer = ref.blocs[0]
    c11 = next(c for c in informer.competences if c.code == "C1.1")
    assert c11.libelle.lower() == "rechercher et collecter les informations nécessaires"
    assert "Documentation fabricant" in c11.conditions_realisation
    assert any(k.libelle == "Les éléments sont reconnus sans erreur." for k in informer.criteres)
    assert not any(c.libelle in ("gérer", "entretenir") for b in ref.blocs for c in b.competences)


def test_capacites_column_names_its_units_in_two_cells() -> None:
    # header "CAPACITÉS GÉNÉRALES" over two merged cells per capacité: its name in
    # capitals, then its code alone ("S'INFORMER" | "C1"); "C1-1 : …" per row
    ref = extract_real("mc-tre-capacites-competences.md")
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        ("C1", "S'INFORMER"),
        ("C2", "ORGANISER"),
        ("C3", "EXÉCUTER"),
        ("C4", "COMMUNIQUER"),
    ]
    assert [len(b.competences) for b in ref.blocs] == [2, 4, 8, 4]
    assert ref.blocs[2].competences[7].code == "C3-8"


def test_unit_code_beside_its_title_either_side(tmp_path: Path) -> None:
    # the code in the cell after the title or before it: the same bloc
    for first, second in (("S'informer", "C1"), ("C1", "S'informer")):
        path = tmp_path / f"{first[:2]}.md"
        path.write_text(
            "# T\n\n| Capacités générales | Capacités générales | Compétences |\n|---|---|---|\n"
            f"| {first} | {second} | C1-1 : Analyser les documents techniques |\n"
            f"| {first.replace('C1', 'C2').replace('informer', 'organiser')} "
            f"| {second.replace('C1', 'C2').replace('informer', 'organiser')} "
            "| C2-1 : Planifier son intervention |\n",
            encoding="utf-8",
        )
        ref = extract(path)
        assert [(b.code, b.libelle) for b in ref.blocs] == [
            ("C1", "S'informer"),
            ("C2", "S'organiser"),
        ]
        assert [c.code for b in ref.blocs for c in b.competences] == ["C1-1", "C2-1"]


def test_a_column_of_the_documents_numbered_units_is_the_bloc_column() -> None:
    # « FONCTIONS | CAPACITÉS | COMPÉTENCES TERMINALES »: "CAPACITÉS" names no
    # role, but its cells "C1 - s'informer" … are the units the body numbers;
    # the fonction above two capacités groups them, no activité of its own
    ref = extract_real("cap-coiffure-referentiel-certification.md")
    assert [b.code for b in ref.blocs] == ["C1", "C2", "C3", "C4"]
    assert [len(b.competences) for b in ref.blocs] == [4, 3, 8, 4]
    assert ref.blocs[2].competences[0].code == "C3.1"
    assert ref.activites == []
