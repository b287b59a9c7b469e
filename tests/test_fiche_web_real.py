"""France Compétences fiches pasted from the RNCP web pages (tests/data/real):
a browser-copied table read as a table, the fiche's name and number, the
blocs of other certifications its correspondance table names. Real readers
and segmenter on the real files, compared with their hand-checked references."""

from __future__ import annotations

from fixtures.real_docs import REAL, extract_real, gold_of
from referentiel.api import parse
from referentiel.backends.text import is_pasted, parse_lines
from referentiel.docmodel import Kind

OLD = "rncp-36135-fiche-web.md"  # 2022 layout, coded compétences
NEW = "rncp-38822-fiche-web.md"  # 2024 layout, a correspondance table
THIRD = "rncp-36912-fiche-web.md"  # 2024 layout, another certificateur
MARKDOWN = "tp-secretaire-assistant-rncp.md"  # a Légifrance Markdown annex


def test_a_pasted_fiche_is_read_as_text_lines_and_a_markdown_annex_is_not() -> None:
    for name in (OLD, NEW, THIRD):
        assert is_pasted((REAL / name).read_text(encoding="utf-8")), name
    assert not is_pasted((REAL / MARKDOWN).read_text(encoding="utf-8"))


def test_each_bloc_table_is_one_header_row_and_one_row_of_two_cells() -> None:
    """Header 'Liste de compétences | Modalités d'évaluation'; the compétence
    cell's paragraphs up to the TAB line, the modalités cell's after it; the
    next bloc's heading line is no paragraph of the last cell."""
    blocks = parse(REAL / NEW).blocks
    tables = [b for b in blocks if b.kind is Kind.TABLE and b.rows[0].header]
    heads = [[c.text for c in t.rows[0].cells] for t in tables]
    assert heads.count(["Liste de compétences", "Modalités d'évaluation"]) == 4
    first = next(t for t in tables if t.rows[0].cells[0].text == "Liste de compétences")
    competences, modalites = first.rows[1].cells
    assert len(competences.blocks) == 7
    assert len(modalites.blocks) == 3
    assert not any("RNCP38822BC02" in b.text for b in modalites.blocks)


def test_the_last_cell_ends_at_a_label_over_prose_not_at_a_lead_in_over_items() -> None:
    lines = [
        "Liste\tModalités",
        "",
        "Concevoir une architecture",
        "\t",
        "",
        "Mise en situation, le candidat présente :",
        "",
        "• un dossier",
        "",
        "Description des modalités d'acquisition :",
        "",
        "La certification s'obtient par blocs.",
    ]
    table = parse_lines(lines)[0]
    assert table.kind is Kind.TABLE
    assert [b.text for b in table.rows[1].cells[1].blocks] == [
        "Mise en situation, le candidat présente :",
        "un dossier",
    ]
    assert not parse_lines(["Nom\tSiret", "42\t7911"])[0].rows[0].header  # a row per line


def test_pasted_fiches_read_as_their_references() -> None:
    """Blocs, compétences (coded or not), activités and the certification as
    the references give them; no bloc of the certifications in correspondance."""
    for name in (OLD, NEW, THIRD):
        gold = gold_of(REAL / name)
        got = extract_real(name)
        assert [b.code for b in got.blocs] == [b["code"] for b in gold["blocs"]], name
        assert [len(b.competences) for b in got.blocs] == [
            len(b["competences"]) for b in gold["blocs"]
        ], name
        assert [a.libelle for a in got.activites] == [a["libelle"] for a in gold["activites"]]
        assert got.certification.intitule == gold["certification"]["intitule"]
        assert got.certification.type == "TITRE RNCP"
        assert got.certification.code_rncp == gold["certification"]["code_rncp"]


def test_the_description_is_the_objectives_not_the_menu_of_sections() -> None:
    gold = gold_of(REAL / OLD)
    assert extract_real(OLD).certification.description == gold["certification"]["description"]
