"""The text backend reads the sample extractions and HTML files into the document model."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.paths import SOURCES
from referentiel.backends import text
from referentiel.docmodel import Block, Kind
from referentiel.options import Options


def _parse(path: Path) -> list[Block]:
    return text.parse(path, Options()).blocks


def _tables(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if b.kind is Kind.TABLE]


@pytest.fixture(scope="module")
def veterinaire() -> list[Block]:
    return _parse(SOURCES / "cqp-delegue-veterinaire.txt")


def test_text_bullets_become_labelled_list_items(veterinaire: list[Block]) -> None:
    item = next(b for b in veterinaire if b.kind is Kind.LIST_ITEM)
    assert item.label == "·"
    assert not item.text.startswith("·")
    assert item.line == 18


def test_text_bookmarks_are_removed(veterinaire: list[Block]) -> None:
    document_text = " ".join(b.text for top in veterinaire for b in top.walk())
    assert "[bookmark" not in document_text


def test_text_cell_per_line_table_pairs_left_and_right_cells(veterinaire: list[Block]) -> None:
    tables = _tables(veterinaire)
    assert len(tables) == 4
    header, first = tables[0].rows[0], tables[0].rows[1]
    assert [c.text for c in header.cells] == ["Critères d’évaluation", "Indicateurs"]
    left, right = first.cells
    assert [b.kind for b in left.blocks] == [Kind.PARAGRAPH]
    assert len(right.blocks) == 9
    assert all(b.kind is Kind.LIST_ITEM for b in right.blocks)
    # an empty TAB line followed by its text, then the right cell after blank lines
    third = tables[2].rows[2]
    assert third.cells[0].text.startswith("Les enjeux et les problématiques")
    assert third.cells[1].blocks[0].kind is Kind.LIST_ITEM


def test_text_row_per_line_table_merges_empty_cells_with_the_cell_above() -> None:
    blocks = _parse(SOURCES / "cqpm-technico-commercial-industriel.txt")
    competences = _tables(blocks)[0]
    first, second = competences.rows[1], competences.rows[2]
    assert first.cells[0] is second.cells[0]
    assert first.cells[0].row_span == 2
    assert [b.text for b in first.cells[0].blocks][0] == "BDC 0158"
    evaluation = _tables(blocks)[1]
    texts = [b.text for row in evaluation.rows for cell in row.cells for b in cell.blocks]
    assert not any(t.startswith("--") for t in texts), "dash rules are not content"
    heading = evaluation.rows[1].cells[2].blocks[0]
    assert heading.bold and heading.text == "En matière de méthodes utilisées :"


def test_text_glyphless_html_list_is_split_into_items() -> None:
    blocks = _parse(SOURCES / "cqp-commercial-sedentaire-alimentaire.txt")
    table = _tables(blocks)[0]
    bloc_row = table.rows[2]
    assert len(bloc_row.cells) == 1 and bloc_row.cells[0].col_span == 4
    activity = table.rows[3].cells[0]
    assert activity.blocks[0].text.startswith("A1.1 : ")
    items = [b.text for b in activity.blocks[1:]]
    assert items[:2] == [
        "Participation à une réunion de cadrage",
        "Échange avec son n+1 à l'occasion d'un accompagnement spécifique",
    ]
    assert len(items) == 7


@pytest.mark.parametrize(
    ("line", "kind", "label", "bold", "body"),
    [
        ("# Référentiel", Kind.HEADING, None, False, "Référentiel"),
        ("**Bloc 1**", Kind.PARAGRAPH, None, True, "Bloc 1"),
        ("- **L'analyse ;**", Kind.LIST_ITEM, "-", True, "L'analyse ;"),
        ("• Prospection ", Kind.LIST_ITEM, "•", False, "Prospection"),
        ("Titre : **X**", Kind.PARAGRAPH, None, False, "Titre : X"),
        ("1. Organisation", Kind.PARAGRAPH, None, False, "1. Organisation"),
    ],
)
def test_text_line_forms(line: str, kind: Kind, label: str | None, bold: bool, body: str) -> None:
    (block,) = text.line_blocks(line, 3)
    assert (block.kind, block.label, block.bold, block.text, block.line) == (
        kind,
        label,
        bold,
        body,
        3,
    )


def test_text_html_file_with_rowspan_shares_the_merged_cell(tmp_path: Path) -> None:
    page = tmp_path / "ref.html"
    page.write_text(
        "<html><body><h1>Référentiel</h1>\n<ul><li>un</li><li>deux</li></ul>\n"
        "<table><tr><th>Blocs</th><th>Compétences</th></tr>\n"
        '<tr><td rowspan="2">BC 1</td><td>C1</td></tr>\n<tr><td>C2</td></tr></table>'
        "</body></html>",
        encoding="utf-8",
    )
    blocks = _parse(page)
    assert [b.kind for b in blocks] == [Kind.HEADING, Kind.LIST_ITEM, Kind.LIST_ITEM, Kind.TABLE]
    assert blocks[1].line == 2
    rows = blocks[3].rows
    assert rows[0].header
    assert rows[1].cells[0] is rows[2].cells[0]
    assert rows[2].cells[1].text == "C2"


def test_text_markdown_pipe_table_is_a_table() -> None:
    """A Markdown pipe table: header row flagged, ``<br>`` splits a cell into
    paragraphs, an escaped ``\\|`` stays text."""
    lines = [
        "Avant",
        "| Compétences | Critères |",
        "|:---|---:|",
        "| C1 – Faire | Un<br>Deux<br/>Trois |",
        "| C2 – Dire \\| écrire | Quatre |",
        "Après",
    ]
    blocks = text.parse_lines(lines)
    assert [b.kind for b in blocks] == [Kind.PARAGRAPH, Kind.TABLE, Kind.PARAGRAPH]
    rows = blocks[1].rows
    assert [r.header for r in rows] == [True, False, False]
    assert [b.text for b in rows[1].cells[1].blocks] == ["Un", "Deux", "Trois"]
    assert rows[2].cells[0].text == "C2 – Dire | écrire"


def test_text_glued_bold_runs_split_into_heading_and_text() -> None:
    """A conversion that glued bold runs to the text around them: one block per
    run, the plain lead a heading (the livret's "COMPETENCE N" lines)."""
    path = (
        Path(__file__).resolve().parent / "data" / "real" / "cqp-relation-commerciale-distance.txt"
    )
    blocks = _parse(path)
    first = next(i for i, b in enumerate(blocks) if b.text == "COMPETENCE 1")
    shown = [(b.kind, b.bold, b.line, b.text) for b in blocks[first : first + 4]]
    assert shown == [
        (Kind.HEADING, False, 75, "COMPETENCE 1"),
        (Kind.PARAGRAPH, True, 75, "Réaliser une prise de commande par téléphone."),
        (
            Kind.PARAGRAPH,
            True,
            75,
            "Quelles sont les compétences à acquérir et quel est le contenu de la formation "
            "à proposer aux candidats ?",
        ),
        (Kind.PARAGRAPH, True, 75, "Ce que le candidat doit savoir faire"),
    ]
    headings = [b.text for b in blocks if b.kind is Kind.HEADING and b.text.startswith("COMP")]
    assert headings == [f"COMPETENCE {n}" for n in range(1, 6)] + ["COMPÉTENCE 6"]
    assert not any("**" in b.text for top in blocks for b in top.walk())  # footnote "*" stay


@pytest.mark.parametrize(
    "line", ["de **suivre le parcours** d'un candidat", "l'**analyse** du marché", "5*3 = 15"]
)
def test_text_ordinary_emphasis_is_not_split(line: str) -> None:
    assert len(text.line_blocks(line, 1)) == 1
