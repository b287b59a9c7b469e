"""The DOCX backend on awkward Word files built by ``tests/fixtures/make_docx_fixtures.py``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from referentiel.backends import docx as docx_backend
from referentiel.docmodel import Block, Document, Kind
from referentiel.options import Options

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))
from make_docx_fixtures import build_all  # noqa: E402


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    paths = build_all(tmp_path_factory.mktemp("docx-fixtures"))
    return {name: docx_backend.parse(path, Options()) for name, path in paths.items()}


def _texts(document: Document) -> list[str]:
    return [b.text for b in document.walk() if b.kind is not Kind.TABLE]


def _by_text(document: Document, text: str) -> Block:
    return next(b for b in document.walk() if b.text == text)


def test_docx_body_order_keeps_tables_between_paragraphs(parsed: dict[str, Document]) -> None:
    blocks = parsed["merges"].blocks
    assert [b.kind for b in blocks] == [Kind.PARAGRAPH, Kind.TABLE, Kind.PARAGRAPH]
    assert blocks[0].text == "Avant le tableau" and blocks[2].text == "Après le tableau"


def test_docx_horizontal_merge_is_one_cell_with_col_span(parsed: dict[str, Document]) -> None:
    header = parsed["merges"].blocks[1].rows[0]
    assert [c.text for c in header.cells] == ["Bloc", "Évaluation"]
    assert [c.col_span for c in header.cells] == [1, 2]
    assert header.header is True


def test_docx_vertical_merge_is_the_same_cell_in_every_row(parsed: dict[str, Document]) -> None:
    rows = parsed["merges"].blocks[1].rows
    first = rows[1].cells[0]
    assert first.text == "Bloc fusionné" and first.row_span == 3
    assert rows[2].cells[0] is first and rows[3].cells[0] is first
    assert [r.header for r in rows[1:]] == [False, False, False]
    # one block object behind the three rows (consumers de-duplicate by identity)
    merged = [b for b in parsed["merges"].walk() if b.text == "Bloc fusionné"]
    assert len({id(b) for b in merged}) == 1


def test_docx_cell_with_paragraphs_and_bullets(parsed: dict[str, Document]) -> None:
    cell = parsed["merges"].blocks[1].rows[1].cells[2]
    assert [(b.kind, b.text, b.label) for b in cell.blocks] == [
        (Kind.PARAGRAPH, "Premier paragraphe", None),
        (Kind.PARAGRAPH, "Second paragraphe", None),
        (Kind.LIST_ITEM, "puce une", "•"),
        (Kind.LIST_ITEM, "puce deux", "•"),
    ]


def test_docx_nested_table_is_a_block_inside_the_cell(parsed: dict[str, Document]) -> None:
    cell = parsed["merges"].blocks[1].rows[2].cells[2]
    kinds = [b.kind for b in cell.blocks]
    assert kinds == [Kind.PARAGRAPH, Kind.TABLE, Kind.PARAGRAPH]
    nested = cell.blocks[1]
    assert [[c.text for c in r.cells] for r in nested.rows] == [["n00", "n01"], ["n10", "n11"]]


def test_docx_line_counts_every_body_paragraph_cells_included(
    parsed: dict[str, Document],
) -> None:
    document = parsed["merges"]
    lines = {b.text: b.line for b in document.walk() if b.kind is not Kind.TABLE}
    assert lines["Avant le tableau"] == 1
    assert lines["Bloc"] == 2
    # python-docx leaves an empty paragraph after a nested table and in merged cells: counted
    assert lines["n00"] == 13 and lines["Après l'imbriqué"] == 18
    assert document.blocks[1].line == 2  # a table's line is its first paragraph's


@pytest.mark.parametrize(
    ("text", "label", "level"),
    [
        ("Un", "1.", 0),
        ("Un a", "a)", 1),
        ("Un b", "b)", 1),
        ("Un b un", "1.b.1", 2),
        ("Deux", "2.", 0),
        ("Deux a", "a)", 1),  # a level restarts after a higher level
        ("Romain", "IV -", 3),  # start value 4, upper roman
        ("Romain suivant", "V -", 3),
        ("Puce", "•", 4),  # Symbol-font bullet mapped to the printed glyph
        ("Redémarré", "1.", 0),  # w:startOverride restarts the sequence
        ("Redémarré bis", "2.", 0),
        ("Suite de la première liste", "3.", 0),  # same definition, no override: continues
        ("Liste par style", "•", 1),  # numbering from the "List Bullet 2" style
    ],
)
def test_docx_automatic_numbering_label_and_level(
    parsed: dict[str, Document], text: str, label: str, level: int
) -> None:
    block = _by_text(parsed["numbering"], text)
    assert (block.kind, block.label, block.level) == (Kind.LIST_ITEM, label, level)


def test_docx_numbering_id_zero_removes_numbering(parsed: dict[str, Document]) -> None:
    block = _by_text(parsed["numbering"], "Sans numéro")
    assert (block.kind, block.label) == (Kind.PARAGRAPH, None)


def test_docx_headers_footers_fields_bookmarks_are_not_text(parsed: dict[str, Document]) -> None:
    texts = _texts(parsed["header_footer"])
    assert "En-tête courant du document" not in texts
    assert not any(t.startswith("Page") for t in texts)
    # PAGE field result dropped, bookmark not text, deleted revision dropped, hyperlink kept
    assert "Voir page de l'annexe (lien)" in texts


def test_docx_bold_only_when_every_run_is_bold(parsed: dict[str, Document]) -> None:
    document = parsed["header_footer"]
    assert _by_text(document, "Tout en gras").bold is True
    assert _by_text(document, "En partie en gras").bold is False
    assert _by_text(document, "Titre du document").bold is True  # bold through its style


def test_docx_heading_styles_english_and_french(parsed: dict[str, Document]) -> None:
    document = parsed["header_footer"]
    english = _by_text(document, "Titre du document")
    french = _by_text(document, "Titre français")
    assert (english.kind, english.level) == (Kind.HEADING, 1)
    assert (french.kind, french.level, french.style) == (Kind.HEADING, 2, "Titre 2")


def test_docx_typed_bullet_moves_to_label(parsed: dict[str, Document]) -> None:
    block = _by_text(parsed["header_footer"], "Puce tapée à la main")
    assert (block.kind, block.label) == (Kind.LIST_ITEM, "•")


def test_docx_no_recorded_break_means_no_page(parsed: dict[str, Document]) -> None:
    document = parsed["header_footer"]
    assert document.pages is None
    assert {b.page for b in document.walk()} == {None}


@pytest.mark.parametrize(
    ("text", "page"),
    [
        ("Page un", 1),
        ("Page deux", 2),  # explicit page break
        ("Saut avant", 3),  # page-break-before
        ("Toujours page trois", 3),
        ("Page quatre (nouvelle section)", 4),  # new-page section break
        ("Début page quatre suite page cinq", 4),  # a paragraph's page is where it starts
        ("Page sept, après une page blanche", 7),  # two breaks in a row: a blank page
    ],
)
def test_docx_page_from_explicit_breaks(parsed: dict[str, Document], text: str, page: int) -> None:
    assert _by_text(parsed["page_breaks"], text).page == page


def test_docx_explicit_pages_are_flagged_as_approximate(parsed: dict[str, Document]) -> None:
    document = parsed["page_breaks"]
    assert document.pages is None
    assert [w[0] for w in document.warnings] == ["DOCX_PAGES_FROM_BREAKS"]


@pytest.mark.parametrize(
    ("text", "page"),
    [
        ("Première page", 1),
        ("Un long paragraphe qui commence page un et finit page deux", 1),
        ("ligne un", 2),
        ("page trois colonne 1", 3),  # the mark repeated in every cell counts once
        ("page trois colonne 2", 3),
        ("Après le tableau, page trois", 3),
    ],
)
def test_docx_page_from_rendered_breaks(parsed: dict[str, Document], text: str, page: int) -> None:
    assert _by_text(parsed["rendered_breaks"], text).page == page


def test_docx_rendered_breaks_give_the_page_count(parsed: dict[str, Document]) -> None:
    document = parsed["rendered_breaks"]
    assert document.pages == 3 and document.warnings == []
    assert document.blocks[2].page == 2  # the table starts on page 2


def test_docx_broken_document_xml_is_corrupt_file(tmp_path: Path) -> None:
    import zipfile

    from referentiel.errors import CorruptFile

    path = tmp_path / "cassé.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")
    with pytest.raises(CorruptFile) as caught:
        docx_backend.parse(path, Options())
    assert str(path) in str(caught.value)
