"""The Markdown and HTML readers keep the structure of real documents: every HTML
table of the Légifrance annexes whole (rows, merged cells shared across rows),
headings with their level, lists with their nesting and labels."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from fixtures.paths import SYNTHETIC
from fixtures.real_docs import REAL
from referentiel.backends import text
from referentiel.backends.markdown import markdown_blocks
from referentiel.backends.markup import html_blocks
from referentiel.docmodel import Block, Kind
from referentiel.options import Options

ANNEXES = ["bep-mpei-referentiel-certification.md", "dpas-referentiel-formation.md"]


def _parse(path: Path) -> list[Block]:
    return text.parse(path, Options()).blocks


def _tables(blocks: list[Block]) -> list[Block]:
    return [b for top in blocks for b in top.walk() if b.kind is Kind.TABLE]


def _file_tables(path: Path) -> list[list[int]]:
    """Independent count: the cells of each ``<tr>`` of each ``<table>`` of the file,
    read by lxml from the raw file (Markdown text around it is only text)."""
    root = lxml.html.document_fromstring(path.read_text(encoding="utf-8"))
    tables = []
    for table in root.iter("table"):
        own = [tr for tr in table.iter("tr") if next(tr.iterancestors("table")) is table]
        if own:
            tables.append([len(tr.xpath("./td|./th")) for tr in own])
    return tables


@pytest.mark.parametrize("name", ANNEXES)
def test_markdown_every_html_table_comes_out_whole(name: str) -> None:
    path = REAL / name
    expected = _file_tables(path)
    tables = _tables(_parse(path))
    assert len(tables) == len(expected) > 0
    for table, rows in zip(tables, expected, strict=True):
        assert len(table.rows) == len(rows)
        seen: set[int] = set()
        for row, cells in zip(table.rows, rows, strict=True):
            starting = [c for c in row.cells if id(c) not in seen]
            assert len(starting) == cells  # the row's own <td>, the merged ones come from above
            seen.update(id(c) for c in row.cells)
        for cell in {id(c): c for row in table.rows for c in row.cells}.values():
            spanned = [row for row in table.rows if any(c is cell for c in row.cells)]
            assert len(spanned) == cell.row_span  # the SAME cell on every row it spans


def test_markdown_bep_rowspan_cell_and_its_dash_items() -> None:
    path = REAL / "bep-mpei-referentiel-certification.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    first = _tables(_parse(path))[0]
    title, header, data = first.rows[0], first.rows[1], first.rows[2]
    assert len(title.cells) == 1 and title.cells[0].col_span == 3
    assert title.cells[0].text.startswith("CP1.1 : COLLECTER")
    assert [c.text for c in header.cells] == ["Données", "Actions", "Indicateurs de performance"]
    donnees = data.cells[0]
    assert donnees.row_span == 4
    assert all(row.cells[0] is donnees for row in first.rows[2:6])
    lead, *items = donnees.blocks
    assert lead.kind is Kind.PARAGRAPH and lead.text == "Tout ou partie des données suivantes :"
    assert len(items) == 12
    assert all((b.kind, b.level, b.label) == (Kind.LIST_ITEM, 1, "-") for b in items)
    assert items[1].text == "Bon de travail,"
    # provenance: the table's first line, a cell paragraph's line in the file
    assert lines[first.line - 1] == "<table>"
    assert "CP1.1 : COLLECTER" in lines[title.cells[0].blocks[0].line - 1]
    assert "Prendre en compte" in lines[data.cells[1].blocks[0].line - 1]


def test_markdown_dpas_headings_lists_and_paragraph_cells() -> None:
    path = REAL / "dpas-referentiel-formation.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    blocks = _parse(path)
    assert (blocks[0].kind, blocks[0].level, blocks[0].text, blocks[0].line) == (
        Kind.HEADING,
        1,
        "Article Annexe I",
        1,
    )
    items = [b for b in blocks if b.kind is Kind.LIST_ITEM and b.label == "-"]
    assert items and all(b.level == 0 for b in items)
    assert all(lines[b.line - 1].startswith("- ") for b in items)
    modules = _tables(blocks)[0].rows[1].cells[1]
    assert [b.text for b in modules.blocks][:2] == [
        "Module 1 : 4 semaines",
        "Module 2 : 2 semaines",
    ]
    epreuve = _tables(blocks)[1].rows[2].cells[1]
    assert [(b.kind, b.label) for b in epreuve.blocks][-1] == (Kind.LIST_ITEM, "-")


def test_markdown_synthetic_heading_levels_and_nested_lists() -> None:
    blocks = _parse(SYNTHETIC / "tp-technicien-maintenance-genie-climatique.md")
    headings = [(b.level, b.text) for b in blocks if b.kind is Kind.HEADING]
    assert headings[0][0] == 1 and (2, "1. Activités types") in headings
    assert any(level == 3 for level, _ in headings)
    first = next(b for b in blocks if b.kind is Kind.LIST_ITEM)
    following = blocks[blocks.index(first) + 1]
    assert (first.label, first.level) == ("1.", 0)
    assert (following.kind, following.label, following.level) == (Kind.LIST_ITEM, "-", 1)


def test_markdown_constructs_on_a_small_text() -> None:
    source = "\n".join(
        [
            "## Bloc 1",  # 1
            "",
            "1. Un",  # 3
            "   - sous **point**",
            "2. Deux",
            "",
            "| A | B |",  # 7
            "|---|---|",
            "| x<br>- y | z |",
            "",
            "**Tout en gras**",  # 11
            "",
            "<table><tr><td rowspan='2'>R</td><td>1</td></tr>",  # 13
            "",
            "<tr><td>2</td></tr></table>",  # 15
            "",
            "• puce",  # 17
        ]
    )
    blocks = markdown_blocks(source)
    shown = [(b.kind, b.level, b.label, b.line, b.text, b.bold) for b in blocks]
    assert shown[:4] == [
        (Kind.HEADING, 2, None, 1, "Bloc 1", False),
        (Kind.LIST_ITEM, 0, "1.", 3, "Un", False),
        (Kind.LIST_ITEM, 1, "-", 4, "sous point", False),
        (Kind.LIST_ITEM, 0, "2.", 5, "Deux", False),
    ]
    pipe, bold, html, bullet = blocks[4:]
    assert [r.header for r in pipe.rows] == [True, False]
    assert [(b.kind, b.level, b.text) for b in pipe.rows[1].cells[0].blocks] == [
        (Kind.PARAGRAPH, 0, "x"),
        (Kind.LIST_ITEM, 1, "y"),
    ]
    assert (bold.kind, bold.bold, bold.text) == (Kind.PARAGRAPH, True, "Tout en gras")
    assert html.line == 13 and len(html.rows) == 2  # one table across the blank line
    assert html.rows[0].cells[0] is html.rows[1].cells[0]
    assert (bullet.kind, bullet.label, bullet.text, bullet.line) == (
        Kind.LIST_ITEM,
        "•",
        "puce",
        17,
    )


def test_html_thead_colspan_and_cell_blocks() -> None:
    markup = (
        "<table>\n<thead><tr><td>Compétences</td><td>Critères</td></tr></thead>\n"
        "<tbody><tr><td colspan='2'>Bloc 1</td></tr>\n"
        "<tr><td><p>C1</p><ul><li>a</li><li>b<ol><li>b1</li></ol></li></ul></td>"
        "<td>K1<br/>K2</td></tr></tbody>\n</table>"
    )
    (table,) = html_blocks(markup, first_line=10)
    assert table.line == 10
    assert [r.header for r in table.rows] == [True, False, False]
    assert table.rows[1].cells[0].col_span == 2
    cell, right = table.rows[2].cells
    assert [(b.kind, b.level, b.label, b.text) for b in cell.blocks] == [
        (Kind.PARAGRAPH, 0, None, "C1"),
        (Kind.LIST_ITEM, 0, "•", "a"),
        (Kind.LIST_ITEM, 0, "•", "b"),
        (Kind.LIST_ITEM, 1, "1.", "b1"),
    ]
    assert [b.text for b in right.blocks] == ["K1", "K2"]
    assert cell.blocks[0].line == 13


def test_html_file_reports_its_own_format(tmp_path: Path) -> None:
    page = tmp_path / "ref.html"
    page.write_text("<html><body><h2>Bloc</h2><p>x</p></body></html>", encoding="utf-8")
    document = text.parse(page, Options())
    assert document.format == "html"
    assert [(b.kind, b.level) for b in document.blocks] == [(Kind.HEADING, 2), (Kind.PARAGRAPH, 0)]


def test_markdown_a_numbered_line_alone_is_a_numbered_paragraph() -> None:
    """ "2. Finalité …" between paragraphs numbers a section (a one-item list in
    CommonMark): a paragraph keeping its number, as the text reader reads it."""
    blocks = markdown_blocks("Intro.\n\n1. Définition du **métier**\n\nTexte.\n\n3) x\n4) y\n")
    shown = [(b.kind, b.label, b.line, b.text) for b in blocks]
    assert shown == [
        (Kind.PARAGRAPH, None, 1, "Intro."),
        (Kind.PARAGRAPH, None, 3, "1. Définition du métier"),
        (Kind.PARAGRAPH, None, 5, "Texte."),
        (Kind.LIST_ITEM, "3)", 7, "x"),
        (Kind.LIST_ITEM, "4)", 8, "y"),
    ]


def test_html_xhtml_file_with_an_xml_declaration(tmp_path: Path) -> None:
    page = tmp_path / "ref.xhtml"
    page.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body>\n<h1>Titre</h1>\n<p>x</p></body></html>',
        encoding="utf-8",
    )
    document = text.parse(page, Options())
    assert document.format == "html"
    assert [(b.kind, b.text, b.line) for b in document.blocks] == [
        (Kind.HEADING, "Titre", 3),
        (Kind.PARAGRAPH, "x", 4),
    ]


@pytest.mark.parametrize(
    ("name", "paragraphs"),
    [("tp-agent-restauration-2006-rncp.md", 45), ("tp-agent-restauration-2011-rncp.md", 58)],
)
def test_markdown_a_one_item_list_of_paragraphs_is_a_wrapper(name: str, paragraphs: int) -> None:
    """Légifrance wraps a whole annex in ``<ul><li><p>…</p>…</li></ul>``: no item of
    that list comes out (only the ``-il (elle) …`` lines typed with a dash are items);
    every ``<p>`` (and every ``<br/>`` line inside it) is a block, counted here by lxml
    from the raw file, independently of the reader."""
    path = REAL / name
    root = lxml.html.document_fromstring(path.read_text(encoding="utf-8"))
    expected = sum(
        len([line for line in p.xpath(".//text()") if line.strip()]) for p in root.iter("p")
    )
    blocks = _parse(path)
    assert all(b.label == "-" for b in blocks if b.kind is Kind.LIST_ITEM)
    assert len([b for b in blocks if b.kind is not Kind.HEADING]) == expected == paragraphs
    assert any(b.text.startswith("Intitulé :") for b in blocks)


def test_html_lists_that_are_not_wrappers_keep_their_items() -> None:
    """Counter-examples: two items, text of the item's own beside its paragraph, and a
    Markdown list (labelled) of one item over two paragraphs stay list items."""
    two = html_blocks("<ul><li><p>a</p></li><li><p>b</p></li></ul>")
    assert [(b.kind, b.text) for b in two] == [(Kind.LIST_ITEM, "a"), (Kind.LIST_ITEM, "b")]
    own = html_blocks("<ul><li>lead<p>a</p></li></ul>")
    assert [b.kind for b in own] == [Kind.LIST_ITEM, Kind.LIST_ITEM]
    loose = markdown_blocks("- first paragraph\n\n  second paragraph\n")
    assert [b.kind for b in loose] == [Kind.LIST_ITEM, Kind.LIST_ITEM]
