"""A BTS booklet converted to Markdown pipe tables (tests/data/real/bts-fed-*):
a format that merges no cell. The title row a publisher printed across each
compétence's grid comes out as "C2 | Analyser un système | ", the Données
cell spanning the grid is cut at the row lines, a merged row leaves a code
at the end of one cell and its title in the next row.

Each test reads the real file with the real readers and segmenter and
compares with the document's hand-checked reference.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, competence, extract_real, gold_of

FED = "bts-fed-competences-c1-c8.md"


def test_cut_title_rows_head_their_competences() -> None:
    """Each grid's title row, first row of its table or a body row over codes
    it extends, is the bloc of the compétences détaillées below it, in the
    reference's order (the summary's C9-C16 kept from the summary)."""
    ref = extract_real(FED)
    gold = gold_of(REAL / FED)
    got = {b.code: [c.code for c in b.competences] for b in ref.blocs}
    want = {b["code"]: [c["code"] for c in b["competences"]] for b in gold["blocs"]}
    assert got == want


def test_code_left_at_a_cell_end_codes_the_next_row() -> None:
    """'C2-2' printed at the end of the C2-1 cell titles the next row's
    uncoded statement; C3-1, C3-2 and the bare C3-3 in one cell make two
    compétences and code the next row's statement C3-3."""
    ref = extract_real(FED)
    assert competence(ref, "C2-2").libelle == "Identifier les chaines d'énergie et d'information"
    assert competence(ref, "C3-3").libelle.startswith("Dimensionner tout ou partie du système")
    assert competence(ref, "C3-2").libelle.startswith("Comparer et proposer")


def test_cut_donnees_cell_holds_for_every_row() -> None:
    """The Données lines of C8's grid, cut over its rows mid-sentence
    ('Les' / 'consommations sont connues.'), are the conditions of each of
    its four compétences, the broken sentence whole again."""
    ref = extract_real(FED)
    bloc = next(b for b in ref.blocs if b.code == "C8")
    gold = next(b for b in gold_of(REAL / FED)["blocs"] if b["code"] == "C8")
    for comp, want in zip(bloc.competences, gold["competences"], strict=True):
        assert "Les consommations sont connues." in comp.conditions_realisation
        assert len(comp.conditions_realisation) == len(want["conditions_realisation"])


UNITS = "bts-fed-unites-u41-u5.md"


def test_unit_tables_list_hyphen_coded_competences() -> None:
    """U41's and U5's « compétences contrôlables » keep their whole codes
    ('C1-2', not a head 'C1' over an item '2 …'), and the parent compétences
    printed beside them ('C2 | Analyser un système') are no compétences of
    the unit: their codes are extended by the compétences listed."""
    ref = extract_real(UNITS)
    gold = gold_of(REAL / UNITS)
    got = {b.code: [c.code for c in b.competences if c.code and "-" in c.code] for b in ref.blocs}
    want = {b["code"]: [c["code"] for c in b["competences"] if c["code"]] for b in gold["blocs"]}
    assert got == want
    parents = {c.code for b in ref.blocs for c in b.competences} & {"C1", "C2", "C4", "C7", "C8"}
    assert not parents
