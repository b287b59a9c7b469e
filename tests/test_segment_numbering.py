"""Numbering, table headers, marks and form fields, on published documents
(tests/data/real): a code keeps all its numbers, units named in headings are
blocs, a header row is never an element, a mark or a form placeholder is no text."""

from __future__ import annotations

import json
from pathlib import Path

from fixtures.real_docs import REAL, extracted_json
from referentiel.api import extract, parse
from referentiel.docmodel import Kind
from referentiel.output import to_json
from referentiel.rules import default_rules
from referentiel.segment.table_roles import table_views


def _blocs(name: str) -> list[tuple[str | None, str]]:
    return [(b["code"], b["libelle"]) for b in extracted_json(name)["blocs"]]


def _competence_codes(name: str) -> list[list[str | None]]:
    return [[c["code"] for c in b["competences"]] for b in extracted_json(name)["blocs"]]


def test_dotted_units_keep_their_whole_number_and_are_not_merged() -> None:
    blocs = _blocs("bacpro-assp-ventilation-competences.md")
    assert [code for code, _ in blocs] == [
        "Compétence 1.1",
        "Compétence 1.2",
        "Compétence 2.1",
        "Compétence 2.2",
    ]
    assert blocs[0][1].startswith("Accueillir, communiquer")
    assert _competence_codes("bacpro-assp-ventilation-competences.md")[0][:2] == [
        "C1.1.1",
        "C1.1.2",
    ]


def test_units_named_in_headings_are_blocs() -> None:
    blocs = _blocs("bacpro-sen-unites-competences-savoirs.md")
    assert [code for code, _ in blocs] == ["U11", "U12", "U2", "U31"]
    assert blocs[1][1] == "travaux pratiques scientifiques sur systèmes"


def test_header_row_marks_and_shared_titles() -> None:
    name = "bacpro-sen-unites-competences-savoirs.md"
    codes = _competence_codes(name)
    assert codes[1] == ["C3-4"]  # the header cell « COMPÉTENCES » is no compétence
    assert "C2-2" in codes[2] and "C2-4" in codes[3]  # one title, two codes: two compétences
    every = [c for b in extracted_json(name)["blocs"] for c in b["competences"]]
    assert all(c["connaissances"] == [] for c in every)  # "X" / "0" marks are no savoirs
    legend = extracted_json(name)["blocs"][2]["connaissances"]
    assert len(legend) == 8 and legend[0].startswith("S0 : Les systèmes spécifiques")


def test_result_items_of_a_grid_are_criteres_and_scores_no_element() -> None:
    data = extracted_json("de-ambulancier-grille-evaluation.md")
    assert data["certification"]["intitule"] == "AMBULANCIER"
    assert [b["code"] for b in data["blocs"]] == [f"Compétence {n}" for n in (2, 3, 4, 5, 7)]
    assert sum(len(b["criteres"]) for b in data["blocs"]) == 27
    texts = [c["libelle"] for b in data["blocs"] for c in b["competences"]]
    assert not any("/" in t and sum(ch.isalpha() for ch in t) < 2 for t in texts)
    assert "L'observation de l'état clinique est fiable" not in texts


def test_docx_placeholders_are_no_text_and_form_title_line() -> None:
    data = extracted_json("tp-ecsr-dossier-professionnel.docx")
    assert data["certification"]["type"] == "TP"
    assert data["certification"]["intitule"] == "ENSEIGNANT DE CONDUITE ET DE LA SECURITE ROUTIERE"
    dumped = json.dumps(data, ensure_ascii=False)
    assert "Cliquez ici" not in dumped


def test_roman_numbered_sections_holding_numbered_objectives_are_blocs() -> None:
    # "I. - Les conducteurs et la conduite" … "VII. - Les stages pratiques": a series
    # of roman numerals printed as headings, each over a numbered list of abilities
    name = "bepecaser-programme-formation.md"
    blocs = _blocs(name)
    assert [code for code, _ in blocs] == ["I", "II", "III", "IV", "V", "VI", "VII"]
    assert blocs[0][1] == "Les conducteurs et la conduite"
    codes = _competence_codes(name)
    # an ordered list's printed numbers are the compétences' codes, restarting per bloc
    assert codes[0] == ["1", "2", "3", "4", "5", "6", "7"]
    assert codes[4][-1] == "11"
    titles = [t for _, t in blocs]
    assert "Tronc commun" not in titles  # the heading over every section is no unit


def test_a_list_counter_the_format_keeps_is_no_code() -> None:
    # an HTML <ol> numbers its items itself: nothing is typed in the text, so
    # its compétences have no code (the Markdown objectives above type theirs)
    page = REAL.parent / "generalise3" / "titre-community-manager.html"
    data = json.loads(to_json(extract(page)))
    codes = [c["code"] for b in data["blocs"] for c in b["competences"]]
    assert len(codes) == 5 and set(codes) == {None}


def test_roman_numerals_are_read_only_when_well_formed() -> None:
    from referentiel.segment.numbering import numbered, roman_value

    assert roman_value("VII") == 7 and roman_value("IX") == 9 and roman_value("XIV") == 14
    assert roman_value("IIII") is None and roman_value("VX") is None
    hit = numbered("IV. - La sécurité routière")
    assert hit is not None and hit.roman and hit.number == (4,)
    assert numbered("VIVRE ensemble") is None  # a word, not a numeral
    assert numbered("Il est capable de …") is None


def test_a_savoir_faire_column_glossed_etre_capable_de_lists_abilities_not_savoirs() -> None:
    # header "SAVOIR-FAIRE <br/>(être capable de...)": its cells are the compétences
    # terminales ("1.11 Mettre en place …"), never connaissances; the conditions
    # column beside them is read
    name = "bacpro-commerce-referentiel-certification.md"
    first = extracted_json(name)["blocs"][0]
    assert first["connaissances"] == []
    by_code = {c["code"]: c for c in first["competences"]}
    assert {"1.11", "1.12", "1.13", "1.14", "1.15", "1.16"} <= set(by_code)
    assert "de consignes ou directives" in " ".join(by_code["1.11"]["conditions_realisation"])


def test_a_summary_list_then_one_detailed_unit_makes_the_level() -> None:
    # "CP01 : …" … "CP07 : …" listed after "doit être capable de :", then only
    # CP01 detailed (an excerpt): the list names the document's units, all blocs
    name = "cap-cip-competences-cp01.md"
    assert [code for code, _ in _blocs(name)] == [f"CP0{n}" for n in range(1, 8)]
    assert _blocs(name)[2][1] == "Préparer le travail au poste"


def test_a_capitals_table_title_in_fewer_words_keeps_the_summary_statement() -> None:
    # the CP01 table's spanning title row "CP01 : COMMUNIQUER ET RENDRE COMPTE AVEC
    # L'OUTIL …" repeats, shortened, the unit the summary states in full
    code, libelle = _blocs("cap-cip-competences-cp01.md")[0]
    assert code == "CP01"
    assert libelle == (
        "Communiquer et rendre compte en situation professionnelle "
        "en utilisant l'outil de communication adapté"
    )


def test_the_unnamed_column_between_donnees_and_indicateurs_lists_the_abilities() -> None:
    # header "Données | Savoir agir | Indicateurs de performance": "Savoir agir"
    # names no knowledge; the column between the conditions and the indicators
    # holds the unit's compétences, one per row
    first = extracted_json("cap-cip-competences-cp01.md")["blocs"][0]
    assert first["connaissances"] == []
    assert len(first["competences"]) == 5
    assert first["competences"][0]["libelle"].startswith("Ecouter son ou ses interlocuteurs")
    assert (
        "Le cahier de consignes et de liaison" in first["competences"][0]["conditions_realisation"]
    )
    assert any(k["libelle"] == "Les informations sont collectées" for k in first["criteres"])


def test_a_middle_column_takes_the_competence_role_only_between_conditions_and_criteres(
    tmp_path: Path,
) -> None:
    def roles(header: str) -> list[str | None]:
        path = tmp_path / "t.md"
        path.write_text(f"# T\n\n| {header} |\n|---|---|---|\n| a | b | c |\n", encoding="utf-8")
        table = next(b for b in parse(path).blocks if b.kind is Kind.TABLE)
        views = table_views(table, default_rules(), lambda: 1, {})
        return views[0].roles if views else []

    assert roles("Données | Savoir agir | Indicateurs de performance") == [
        "conditions",
        "competence",
        "criteres",
    ]
    assert "competence" not in roles("Savoir agir | Données | Indicateurs")
    assert roles("Compétences | Remarques | Critères")[1] != "competence"
