"""Real documents added for issue 9 (generalisation to unseen publishers):
what their first contact got wrong, read with the real reader and segmenter.

What each test compares against is the document's hand-checked reference
(tests/data/real/gold) or the file itself (pdfplumber).
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract, parse
from referentiel.docmodel import Kind

BTS_SN = REAL / "bts-sn-savoirs-competences.pdf"


def test_title_centred_over_two_columns_heads_its_table() -> None:
    """The BTS booklet centres 'compétence C1.1 : …' over an unruled two-column
    'Savoirs | Savoir-faire' table: the reader makes it one cell straddling
    both columns (its shaded background draws no border); it is the compétence
    the rows detail, not a savoir of the left column."""
    tables = [b for b in parse(BTS_SN).blocks if b.kind is Kind.TABLE]
    title = [c for c in tables[0].rows[0].cells if c.text.strip()]
    assert len(title) == 1 and title[0].text.startswith("compétence C1.1")
    assert title[0].col_span == 2  # across the boundary of the two columns
    got = extract(BTS_SN)
    gold = gold_of(BTS_SN)
    read = [(c.code, c.libelle) for b in got.blocs for c in b.competences]
    expected = [(c["code"], c["libelle"]) for b in gold["blocs"] for c in b["competences"]]
    assert [code for code, _ in read] == [code for code, _ in expected]
    # the option line set under each title ("(commune aux options EC et IR)")
    # is still read as the title's wrapped end: the reference keeps it apart,
    # but a B.U.T. reference wraps its titles the same way into a parenthesis
    assert all(
        libelle.startswith(want) for (_, libelle), (_, want) in zip(read, expected, strict=True)
    )
    savoirs = {s for b in gold["blocs"] for c in b["competences"] for s in c["connaissances"]}
    placed = [s for b in got.blocs for c in b.competences for s in c.connaissances]
    assert placed and set(placed) <= savoirs


FICHE = REAL / "tp-dwwm-fiche-communication.pdf"
RE_CDA = REAL / "tp-cda-re-criteres.pdf"


def test_fiche_de_communication_reads_its_unnumbered_ccp() -> None:
    """The fiche de communication prints each activité type as 'CCP – <title>'
    (no number, the title wrapped over two bold lines, two columns side by
    side) over its bulleted compétences, under the banner 'TITRE PROFESSIONNEL
    DU MINISTERE DU TRAVAIL' whose tail names the certifier, not the title."""
    got = extract(FICHE)
    gold = gold_of(FICHE)
    assert got.certification.intitule == gold["certification"]["intitule"]
    assert [(b.code, b.libelle) for b in got.blocs] == [
        (b["code"], b["libelle"]) for b in gold["blocs"]
    ]
    assert [len(b.competences) for b in got.blocs] == [4, 4]
    assert got.blocs[0].competences[0].libelle.startswith("Maquetter une application")


def test_line_closing_a_parenthesis_ends_its_critere() -> None:
    """'… (niveau B1 du CECRL pour l’anglais)' at the end of a line, the next
    line opening on a capitalised word: two critères of the RE grid, not one."""
    cell = next(
        c
        for b in parse(RE_CDA).blocks
        if b.kind is Kind.TABLE
        for r in b.rows
        for c in r.cells
        if "maquettes sont" in c.text
    )
    texts = [block.text for block in cell.blocks]
    assert any(t.endswith("pour l’anglais)") for t in texts)
    assert "L’enchainement des maquettes est formalisé par un schéma" in texts
