"""Québec programmes d'études read as a PDF, as an OCR service's Markdown and
as a PDF text extractor's plain output (tests/data/real/qc-dec-*): the list
of énoncés names the blocs, the fiche is read as a grid or as lines, the
readers undo the layout (page markers, columns glued on one line).

Each test reads a real file with the real readers and segmenter and compares
with the document's hand-checked reference or its own text.
"""

from __future__ import annotations

from typing import Any

from fixtures.real_docs import REAL, extract_real, gold_competence_titles, gold_of
from referentiel.api import parse
from referentiel.docmodel import Kind
from referentiel.models import Referentiel
from referentiel.ocrfix import join_split_words

AGRI = "qc-dec-gestion-agricole-competences.pdf"
ANIMAL = "qc-dec-sante-animale-ocr.md"
RESEAUX = "qc-dec-reseaux-telecom-pdftext.txt"
INFO = "qc-dec-informatique-competences.pdf"


def test_list_of_enonces_names_every_bloc() -> None:
    """The list's 22 coded statements are the blocs, in its order: the two
    fiches of the excerpt detailed, the others kept from the list with a
    SOMMAIRE_ONLY warning each; 'Les objectifs' is a part, not the title."""
    ref = extract_real(AGRI)
    gold = gold_of(REAL / AGRI)
    assert [b.code for b in ref.blocs] == [b["code"] for b in gold["blocs"]]
    assert [b.libelle.rstrip(".") for b in ref.blocs] == [
        b["libelle"].rstrip(".") for b in gold["blocs"]
    ]
    listed = [w for w in ref.warnings if w.code == "SOMMAIRE_ONLY"]
    assert len(listed) == sum(1 for b in gold["blocs"] if not b["competences"]) == 20
    assert ref.certification.intitule is None


def test_list_cut_by_prose_goes_on_after_it() -> None:
    """The 420.B0 list prints the compulsory units, a paragraph, then the
    optional ones (continued on the next page): the optional codes name no
    fiche of the excerpt, yet they are the same list, printed before the
    fiches, so all 28 are blocs in the list's order."""
    ref = extract_real(INFO)
    gold = gold_of(REAL / INFO)
    assert [b.code for b in ref.blocs] == [b["code"] for b in gold["blocs"]]
    listed = [w for w in ref.warnings if w.code == "SOMMAIRE_ONLY"]
    assert len(listed) == 26


def test_list_codes_the_fiches_printed_without_code() -> None:
    """The OCR Markdown's table fiches lost their 'Code :' line: each takes the
    code the list prints beside the same statement, and the first fiche's
    field codes its own bloc, not the next table's."""
    ref = extract_real(ANIMAL)
    gold = gold_of(REAL / ANIMAL)
    assert [b.code for b in ref.blocs] == [b["code"] for b in gold["blocs"]]
    assert competence_pairs(ref) == competence_pairs_gold(gold)


def competence_pairs(ref: Referentiel) -> list[tuple[str | None, list[str]]]:
    """Each bloc's code and its compétences' libellés."""
    return [(b.code, [c.libelle for c in b.competences]) for b in ref.blocs]


def competence_pairs_gold(gold: dict[str, Any]) -> list[tuple[str | None, list[str]]]:
    """The same in a hand-checked reference."""
    titles = gold_competence_titles(gold)
    return [(b["code"], t) for b, t in zip(gold["blocs"], titles, strict=True)]


def test_markdown_stack_of_lines_is_one_paragraph_per_line() -> None:
    """Markdown joins consecutive lines into one paragraph: the list of coded
    statements and the first fiche's heads (short capitalised lines) stay
    one paragraph per line; the page markers are no text, they give pages."""
    doc = parse(REAL / ANIMAL)
    texts = [b.text for b in doc.blocks if b.kind is Kind.PARAGRAPH]
    coded = [t for t in texts if t[:4] in {b["code"] for b in gold_of(REAL / ANIMAL)["blocs"]}]
    assert len(coded) == 20 and all(len(t) < 80 for t in coded)
    assert "Code : 02L2" in texts and "Objectif Standard" in texts
    assert not any("Page" in (b.text or "") and "---" in (b.text or "") for b in doc.blocks)
    pages = {b.page for b in doc.blocks}
    assert pages == {18, 22, 23, 24, 25, 26}
    assert next(b for b in doc.blocks if b.text == "Code : 02L2").page == 22


def test_fiche_as_lines_markdown() -> None:
    """The first fiche came out of OCR as lines: its statement opens bloc
    02L2, its numbered elements are its compétences, the '- ' lines their
    critères, the critères for the whole compétence the bloc's."""
    ref = extract_real(ANIMAL)
    gold = next(b for b in gold_of(REAL / ANIMAL)["blocs"] if b["code"] == "02L2")
    bloc = next(b for b in ref.blocs if b.code == "02L2")
    assert bloc.libelle == gold["libelle"]
    assert [c.libelle for c in bloc.competences] == [c["libelle"] for c in gold["competences"]]
    assert [c.libelle for c in bloc.criteres] == [c["libelle"] for c in gold["criteres"]]
    whole = [c.libelle for c in bloc.criteres if not c.competences]
    assert whole == [c["libelle"] for c in gold["criteres"] if not c["competences"]] != []


def test_head_in_a_table_body_gives_the_bloc_its_critères() -> None:
    """'Critères de performance pour l'ensemble de la compétence' printed in
    the context column of the table fiches: the cells below it are critères
    of the bloc (no compétence), not conditions."""
    ref = extract_real(ANIMAL)
    for gold in gold_of(REAL / ANIMAL)["blocs"][1:4]:
        bloc = next(b for b in ref.blocs if b.code == gold["code"])
        whole = [c.libelle for c in bloc.criteres if not c.competences]
        assert whole == [c["libelle"] for c in gold["criteres"] if not c["competences"]] != []


def test_text_page_markers_and_glued_columns() -> None:
    """The extractor's '--- PAGE n ---' lines are page breaks; an element and
    its first critère glued on one line are two blocks; 'Code :  02GP' glued
    to the running header stands alone; the running header is dropped."""
    doc = parse(REAL / RESEAUX)
    assert {b.page for b in doc.blocks} == {1, 2, 3}
    texts = [b.text for b in doc.blocks]
    assert not any("PAGE" in t for t in texts)
    element = next(b for b in doc.blocks if b.text == "1. Repérer les risques.")
    after = doc.blocks[doc.blocks.index(element) + 1]
    assert after.kind is Kind.LIST_ITEM and after.text.startswith("Identification juste")
    assert next(b for b in doc.blocks if b.text == "Code : 02GP").page == 3
    title = [t for t in texts if t.startswith("Technologie du génie électrique")]
    assert title == ["Technologie du génie électrique : Réseaux et télécommunications (243.F0)"]
    heads = [t for t in texts if t.startswith("Critères de performance pour")]
    assert heads == ["Critères de performance pour l’ensemble de la compétence"] * 2


def test_text_fiches_read_as_the_reference() -> None:
    """The two fiches of the extracted text: blocs coded by their field,
    compétences the numbered elements (across the page break), critères the
    bullets of each with their element, words the extractor broke mended
    ('Caractéris er', 'prof ession'), the title from the running header."""
    ref = extract_real(RESEAUX)
    gold = gold_of(REAL / RESEAUX)
    assert ref.certification.intitule == gold["certification"]["intitule"]
    assert ref.certification.description is None
    assert [b.code for b in ref.blocs] == ["02GN", "02GP"]
    codes = {c.id: c.code for b in ref.blocs for c in b.competences}
    for bloc, want in zip(ref.blocs, gold["blocs"], strict=True):
        assert bloc.libelle == want["libelle"]
        assert [(c.code, c.libelle) for c in bloc.competences] == [
            (c["code"], c["libelle"]) for c in want["competences"]
        ]
        assert [(c.libelle, [codes[i] for i in c.competences]) for c in bloc.criteres] == [
            (c["libelle"], c["competences"]) for c in want["criteres"]
        ]


def test_split_words_mended_only_when_sure() -> None:
    """A word broken by a space is joined when one piece is no word and the
    join is one; two words side by side stay apart."""
    lines = (REAL / RESEAUX).read_text().splitlines()
    broken = next(line for line in lines if "Caractéris er" in line)
    assert join_split_words(broken).startswith("2.  Caractériser la profession et ses")
    assert join_split_words("dans la prof ession.") == "dans la profession."
    assert join_split_words("ou en sous-terrain") == "ou en sous-terrain"
    assert join_split_words("Repérer les risques.") == "Repérer les risques."
