"""Épreuves tied to their compétences by a line of codes (tests/data/real): a
certificateur's rules saved by a text extractor, each épreuve ending with the
codes of the compétences it assesses. Real reader and segmenter on the real
file, compared with its hand-checked reference; the reflow on a small text."""

from __future__ import annotations

from fixtures.real_docs import REAL, extract_real, gold_of
from referentiel.api import parse
from referentiel.backends.text_reflow import ends_in_codes, reflow

SIMPLON = "simplon-dev-ia-blocs-criteres-e1.md"


def test_a_line_ending_in_codes_is_a_paragraph_of_its_own() -> None:
    """The line of codes is glued neither to the item above it nor to the next
    épreuve's heading; a word alone on its line ('Contenu') is no part of the
    heading above it."""
    texts = [b.text for b in parse(REAL / SIMPLON).blocks]
    assert "Compétences visées : C6 + C7 + C8" in texts
    assert "Compétence(s) visée(s) : C1 + C2 + C3 + C4 + C5" in texts
    assert "Cas pratique 2 (E5)" in texts
    assert "Mise en situation 2 (E3)" in texts
    assert not any(t.endswith("Contenu") for t in texts if t != "Contenu")


def test_codes_ending_a_line_and_codes_in_a_sentence() -> None:
    assert ends_in_codes("Compétences visées : C6 + C7 + C8")
    assert ends_in_codes("A1.2, A1.3")
    assert not ends_in_codes("E1. Mise en situation (C1, C2, C3, C4, C5)")
    assert not ends_in_codes("les compétences C1 et C2")
    assert not ends_in_codes("Compétence visée : C5")  # one code is no list


def test_a_lead_in_over_its_codes_keeps_them() -> None:
    """Codes announced by a lead-in ending with a colon continue it; the line
    after the codes starts a paragraph of its own."""
    text = "\n".join(
        ["Une épreuve écrite portant sur les compétences", "évaluées :"]
        + ["C1 + C2", "Durée de l'épreuve quatre heures"]
        + [f"ligne {n} de texte suivie" for n in range(20)]
    )
    texts = [b.text for b in reflow(text)]
    assert texts[0] == "Une épreuve écrite portant sur les compétences évaluées : C1 + C2"
    assert texts[1].startswith("Durée de l'épreuve")


def test_each_epreuve_is_a_modality_of_the_blocs_its_codes_name() -> None:
    """'Cas pratique 1 (E2)' lists C6 + C7 + C8 (bloc 2), 'Mise en situation 1
    (E1)' C1 … C5 (bloc 1): each bloc gets the épreuves assessing its
    compétences, by their printed names, as the reference says."""
    gold = {b["code"]: sorted(b["modalites_evaluation"]) for b in gold_of(REAL / SIMPLON)["blocs"]}
    got = {b.code: sorted(b.modalites_evaluation) for b in extract_real(SIMPLON).blocs}
    assert got == gold
