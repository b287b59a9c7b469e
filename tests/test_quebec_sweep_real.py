"""Québec programmes d'études the unlabelled sweep met (tests/data/quebec/,
excerpts with no reference): the fiche's layouts no file of the real corpus
shows are read — elements numbered with no stop, critères numbered under
their element, a word the extractor broke in a head, the OCR service's column
heads. Real files, the real readers and segmenter; counts from the source."""

from __future__ import annotations

from pathlib import Path

from referentiel.api import extract
from referentiel.ocrfix import join_split_words

QUEBEC = Path(__file__).resolve().parent / "data" / "quebec"


def test_numbered_criteres_under_elements_with_no_stop() -> None:
    """561.B0 as extracted text: two fiches, the elements "1 Caractériser …"
    (3 and 2 of them), each critère "N.M" a critère of element N, the
    first one glued after the element's sentence cut from it."""
    ref = extract(QUEBEC / "qc-561-b0-danse-fiches.txt")
    assert [b.code for b in ref.blocs] == ["00ZG", "00ZH"]
    first, second = ref.blocs
    assert [c.code for c in first.competences] == ["1", "2", "3"]
    assert [c.code for c in second.competences] == ["1", "2"]
    assert (
        first.competences[0].libelle
        == "Caractériser la profession et les conditions de son exercice."
    )
    assert len(first.criteres) == 9 and len(second.criteres) == 6
    glued = first.criteres[0]
    assert glued.libelle == "Recherche d’information pertinente."
    assert glued.competences == [first.competences[0].id]
    by_element = [c.competences for c in first.criteres]
    assert by_element == [[first.competences[n].id] for n in (0, 0, 0, 1, 1, 1, 2, 2, 2)]


def test_ocr_column_heads_are_furniture() -> None:
    """221.C0 as OCR Markdown: the '## Objectif' / '## Standard' headings do
    not end the fiche; its five elements (two after a page break) and its 19
    critères are read, and so are the next fiche's four elements."""
    ref = extract(QUEBEC / "qc-221-c0-mecanique-ocr-fiches.md")
    assert [b.libelle for b in ref.blocs] == [
        "Analyser la fonction de travail.",
        "Assumer ses responsabilités au regard de la santé et de la sécurité.",
    ]
    assert [len(b.competences) for b in ref.blocs] == [5, 4]
    assert [len(b.criteres) for b in ref.blocs] == [19, 19]
    assert (
        ref.blocs[0].competences[3].libelle == "Examiner le contexte d'exercice de la profession."
    )


def test_split_words_mended_in_overlapping_pairs() -> None:
    """A broken word right after a pair of whole words is mended too."""
    assert join_split_words("Éléments de la compéten ce") == "Éléments de la compétence"
    assert join_split_words("de la  compétence") == "de la  compétence"
    assert join_split_words("Repérer les risques.") == "Repérer les risques."


def test_symbol_font_bullets_and_elements_stated_twice() -> None:
    """420.B0 as extracted text (two fiches): the critères' Symbol-font bullets
    (a private-use code point) are bullets, so the critère glued after its
    element is cut from it; 'Analyser le problème.', element 1 of both
    fiches, is an element of each."""
    ref = extract(QUEBEC / "qc-420-b0-informatique-fiches.txt")
    first, second = ref.blocs
    assert first.libelle == "Utiliser des langages de programmation"
    assert [c.libelle for c in first.competences][:2] == [
        "Analyser le problème.",
        "Traduire l’algorithme dans le langage de programmation.",
    ]
    assert len(second.competences) == 7
    assert second.competences[0].libelle == "Analyser le problème."
    assert [k.libelle for k in first.criteres if k.competences == [first.competences[0].id]] == [
        "Décomposition correcte du problème.",
        "Détermination correcte des données d’entrée, des données de sortie"
        " et de la nature des traitements.",
        "Choix et adaptation appropriés de l’algorithme.",
    ]
    assert not any("\uf0b7" in k.libelle for b in ref.blocs for k in b.criteres)
