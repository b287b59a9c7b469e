"""An APC programme de formation converted from PDF to Markdown (the OFPPT's
programme « Gestion des Entreprises, option Comptabilité et finance »,
tests/data/real/ofppt-gecf-fiches-competences.md): struck-through debris,
bullets typed alone on their line, printed page numbers, a fiche table
continued on the next page, lettered elements and their critères.

Each test reads the real file with the real readers and segmenter and compares
with the document's hand-checked reference or its own text.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, extract_real, gold_of
from referentiel.api import parse
from referentiel.docmodel import Block, Kind

DOC = "ofppt-gecf-fiches-competences.md"


def _all_blocks(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        out.extend(block.walk())
    return out


def test_reader_drops_struck_debris_and_joins_lone_bullets() -> None:
    """'~~DC~~' and '~~_—~~' are deleted text; a '•' alone on its line before a
    <br> is the bullet of the next line; the printed 'P a g e | 33' lines are
    page marks, no text, and give the blocks below their page."""
    document = parse(REAL / DOC)
    blocks = _all_blocks(document.blocks)
    texts = [b.text for b in blocks if b.kind is not Kind.TABLE]
    assert not any("~~" in t or t in ("•", "-") for t in texts)
    assert "Filière : Gestion des Entreprises" in texts
    assert not any(t.startswith("P a g e") for t in texts)
    items = [b for b in blocks if b.kind is Kind.LIST_ITEM and b.text == "Exactitudes des calculs"]
    assert len(items) == 1 and items[0].label == "•"
    tables = [b for b in document.blocks if b.kind is Kind.TABLE]
    assert [t.page for t in tables] == [26, 32, 33, 34]


def test_fiches_read_as_the_reference() -> None:
    """Each fiche is a bloc coded by its 'Code :' field under the numbered
    heading (its 'Durée' line no section), its lettered elements the
    compétences, including those of the tables continued on the next pages."""
    ref = extract_real(DOC)
    gold = gold_of(REAL / DOC)
    assert [b.code for b in ref.blocs] == ["GECF - 03", "GECF - 04"]
    assert [c.code for c in ref.blocs[1].competences] == [
        c["code"] for c in gold["blocs"][1]["competences"]
    ]
    assert ref.certification.intitule == gold["certification"]["intitule"]


def test_critere_lists_on_two_levels() -> None:
    """A lead-in critère ending ':' keeps its '- ' items as indicateurs and the
    next '• ' critère is a critère of its own; a line that lost its bullet between
    two items goes on with the first; 'sous-' wraps with no space."""
    ref = extract_real(DOC)
    criteres = {k.libelle: k for b in ref.blocs for k in b.criteres}
    lead = criteres["Reconnaissance juste de l’importance de la comptabilité pour"]
    assert lead.indicateurs == ["L’Etat", "L’entreprise", "L’individu"]
    assert "Reconnaissance juste du code général de la normalisation Comptable" in criteres
    assert any(
        t.startswith("Description correcte des différentes structures Identification")
        for t in criteres
    )
    assert "Adaptation appropriée des structures à l’entreprise virtuelle." in criteres
    assert any("sous-systèmes" in t for t in criteres)
    general = [k for k in ref.blocs[1].criteres if not k.competences]
    assert len(general) == 7
