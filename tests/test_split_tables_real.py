"""A Word programme retyped by hand, on the real file (the CEJM programme in
Word): dashes typed glued to the item's first word are bullets, a table's head
set as a one-column table above it and a table split in two with nothing
between are read as one table, and the quoted name the document opens on is
its intitulé."""

from __future__ import annotations

from fixtures.paths import REAL
from referentiel.api import extract, parse
from referentiel.docmodel import Block, Kind
from referentiel.segment.splithead import joined_heads

_CEJM = REAL / "bts-cejm-programme-synthese.docx"


def _cell_blocks(table: Block) -> list[Block]:
    return [b for row in table.rows for cell in row.cells for b in cell.blocks]


def test_a_dash_glued_to_the_first_word_is_a_bullet() -> None:
    tables = [b for b in parse(_CEJM).blocks if b.kind is Kind.TABLE]
    items = [b for b in _cell_blocks(tables[0]) if b.text.startswith("Identifier les principaux")]
    assert len(items) == 1
    assert (items[0].kind, items[0].label) == (Kind.LIST_ITEM, "-")
    # the savoir typed without its hyphen stays a paragraph
    plain = [b for t in tables for b in _cell_blocks(t) if b.text == "Les normes et les standards"]
    assert [b.kind for b in plain] == [Kind.PARAGRAPH]


def test_a_one_column_head_table_joins_the_table_below_it() -> None:
    blocks = parse(_CEJM).blocks
    tables = [b for b in blocks if b.kind is Kind.TABLE]
    assert len(tables) == 8
    joined = [b for b in joined_heads(blocks) if b.kind is Kind.TABLE]
    assert len(joined) == 7  # thème 5's head (one column, two rows) and its 3-column table
    theme5 = next(t for t in joined if t.rows[0].cells[0].text.startswith("THÈME 5"))
    assert [c.col_span for c in theme5.rows[0].cells] == [3]
    header = [c.text for c in theme5.rows[2].cells]
    assert header == ["Questions", "Compétences", "Savoirs associés"]
    # a wider table is nobody's head: thème 1's tables stay as they are
    assert joined[0] is tables[0]


def test_a_table_split_in_two_and_a_quoted_opening_name() -> None:
    ref = extract(_CEJM)
    assert (ref.certification.type, ref.certification.intitule) == (
        "BTS",
        "CULTURE ÉCONOMIQUE, JURIDIQUE ET MANAGÉRIALE",
    )
    assert [b.code for b in ref.blocs] == [f"THÈME {n}" for n in range(1, 7)]
    # thème 1's third question is a headerless table of its own right below the first
    theme1 = [c.libelle for c in ref.blocs[0].competences]
    assert len(theme1) == 10
    assert theme1[-1] == "Identifier les différentes composantes de la performance de l’entreprise"
    # thème 5's context and resources (its one-column head table) are no compétences
    assert len(ref.blocs[4].competences) == 10
    assert all(not c.libelle.startswith("Prendre la mesure") for c in ref.blocs[4].competences)
