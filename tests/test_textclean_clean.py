"""Text is cleaned per the contract: no glyphs, no markup, single spaces, apostrophes kept."""

from __future__ import annotations

import pytest
from referentiel.backends.text import parse_lines
from referentiel.docmodel import Document
from referentiel.options import Options
from referentiel.segment import segment
from referentiel.textclean import clean, ends_sentence, is_upper, label_text, starts_lower


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("· Prospection ", "Prospection"),
        ("•  Les méthodes", "Les méthodes"),
        ("- analyse de la concurrence,", "analyse de la concurrence,"),
        ("\u2212 Diagramme de Gantt", "Diagramme de Gantt"),
        ("<p><i>Les outils</i> numériques</p>", "Les outils numériques"),
        ("**Technico-commercial**", "Technico-commercial"),
        ("[bookmark: _Hlk84951128]Bloc 1", "Bloc 1"),
        ("L’entretien\u00a0:\tpréparé", "L’entretien : préparé"),
        ("R&amp;D", "R&D"),
        ("dévelop-\npement durable", "développement durable"),
        ("le porte-\nparole", "le porte-parole"),  # a compound keeps its hyphen
        ("la compétence C-\n1", "la compétence C-1"),  # and so does a code
        ("  l'entreprise  ", "l'entreprise"),
        ("Clôture…", "Clôture…"),
        (None, ""),
    ],
)
def test_textclean_clean(raw: str | None, expected: str) -> None:
    assert clean(raw) == expected


def test_textclean_label_drops_trailing_colon_and_semicolon() -> None:
    assert label_text("En matière de méthodes utilisées :") == "En matière de méthodes utilisées"
    assert label_text("L'analyse et la construction ;") == "L'analyse et la construction"


def test_textclean_label_joins_a_stop_set_apart() -> None:
    """A tab before the final period (a Word cell: "circuits<TAB>.") is no gap
    of the text; an ellipsis or a stop after a symbol stays as printed."""
    assert label_text("Analyser des circuits\t.") == "Analyser des circuits."
    assert label_text("Analyser des circuits .") == "Analyser des circuits."
    assert label_text("Analyser, etc. ...") == "Analyser, etc. ..."
    assert label_text("Mesurer en % .") == "Mesurer en % ."


@pytest.mark.parametrize(
    ("text", "upper", "lower", "ends"),
    [
        ("MODALITES D'EVALUATION", True, False, False),
        ("démarchage) et proposera", False, True, False),
        ("Lead-in :", False, False, True),
        ("(création d'outils,", False, True, False),
    ],
)
def test_textclean_predicates(text: str, upper: bool, lower: bool, ends: bool) -> None:
    assert (is_upper(text), starts_lower(text), ends_sentence(text)) == (upper, lower, ends)


def test_textclean_zero_width_characters_are_dropped_not_spaced() -> None:
    """Issue 12, point 15: a zero-width character inside "Bloc" or "C1.1" does not
    split the word (a zero-width space between words is no space either)."""
    assert clean("Bl\u200boc de comp\u200détences 1 – C\u20601.1\ufeff") == (
        "Bloc de compétences 1 – C1.1"
    )


def test_textclean_zero_width_inside_a_heading_keeps_it_a_bloc() -> None:
    text = "Blo\u200bc de compétences 1 – Conseil\n· Expliquer les produits\n"
    document = Document("t.txt", "text", "0" * 64, blocks=parse_lines(text.split("\n")))
    ref = segment(document, Options(use_nlp=False))
    assert [(b.code, b.libelle) for b in ref.blocs] == [("Bloc de compétences 1", "Conseil")]
