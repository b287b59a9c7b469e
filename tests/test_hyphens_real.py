"""Words cut by a line-end hyphen inside PDF table cells read whole again, on
the real files (:mod:`referentiel.hyphens`): the Polytech programmes print
their objectives in a borderless table whose cells hyphenate words the
document never prints whole elsewhere ("hypo-" / "thèses"), and the IDU
summary table wraps a UE's title over two blocks of one cell ("UE603 :
Environnement et Ap-" / "plications")."""

from __future__ import annotations

from fixtures.paths import REAL
from referentiel.api import extract, parse
from referentiel.docmodel import Kind


def test_a_cut_word_in_a_pdf_table_cell_reads_whole() -> None:
    document = parse(REAL / "polytech-sni-programme-ue502.pdf")
    cells = [
        block.text
        for table in document.blocks
        if table.kind is Kind.TABLE
        for block in table.walk()
        if block is not table
    ]
    text = " ".join(cells)
    for word in ("hypothèses", "différentielles", "résistance", "simplifier"):
        assert word in text
    for cut in ("hypo-thèses", "différen-tielles", "résis-tance", "simpli-fier"):
        assert cut not in text
    assert "courant-tension" in text  # a compound printed with its hyphen keeps it


def test_a_title_wrapped_over_two_blocks_of_a_cell_reads_whole() -> None:
    result = extract(REAL / "polytech-idu-programme-ue601.pdf")
    titles = {bloc.code: bloc.libelle for bloc in result.blocs}
    assert titles["UE603"] == "Environnement et Applications"
    assert titles["UE601"] == "Mathématiques et Algorithmique"
