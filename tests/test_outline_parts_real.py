"""Outline levels of two Légifrance training annexes: parts numbered by ordinals
over séquences that restart in each part (SSIAP 1), a theme heading glued after
a duration (FIMO). SSIAP 1: the parts are the blocs, the séquences their
compétences, coded as printed; FIMO: the themes are the blocs.

Reads the real file with the real reader and segmenter and compares with the
document's hand-checked reference (tests/data/real/gold).
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract
from referentiel.segment.numbering import numbered

SSIAP1 = REAL / "ssiap1-referentiel-pedagogique.md"


def test_ordinal_before_the_word_numbers_the_line() -> None:
    """ "1re Partie : …", "2e partie": the ordinal is the number, the word after it."""
    hit = numbered("1re Partie : LE FEU ET SES CONSEQUENCES")
    assert hit is not None and hit.ordinal
    assert (hit.word, hit.number, hit.title) == ("partie", (1,), "LE FEU ET SES CONSEQUENCES")
    assert numbered("2e partie") is not None
    plain = numbered("12 stagiaires maximum")  # a number and a word: no ordinal
    assert plain is not None and not plain.ordinal


def test_parts_over_restarting_sequences_are_blocs() -> None:
    """The body's banners "1re Partie : …" and "2e Partie : …" are the blocs
    (not refused: "partie" usually numbers the text), and their "SEQUENCE n",
    numbered from 1 again in each part, their compétences."""
    ref = extract(SSIAP1)
    gold = gold_of(SSIAP1)
    body = [b for b in gold["blocs"] if b["code"].endswith("Partie")]
    opening = ref.blocs[: len(body)]  # the summary's own parts follow (test_summary_units_real)
    assert [(b.code, b.libelle) for b in opening] == [(b["code"], b["libelle"]) for b in body]
    for bloc, expected in zip(opening, body, strict=True):
        coded = [(c["code"], c["libelle"]) for c in expected["competences"] if c["code"]]
        assert [(c.code, c.libelle) for c in bloc.competences][: len(coded)] == coded


FIMO = REAL / "fimo-marchandises-referentiel-formation.md"


def test_theme_glued_after_a_duration_opens_its_unit() -> None:
    """ "140 heures Thème 1": a flattened schedule's last duration glued to the
    first theme, the next printed alone ("Thème 2", "Thème 3"). The glued
    heading is split off, and the three themes are the blocs."""
    ref = extract(FIMO)
    gold = gold_of(FIMO)
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        (b["code"], b["libelle"]) for b in gold["blocs"]
    ]
