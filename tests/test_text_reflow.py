"""Raw OCR text (paragraphs wrapped over lines, OCR bullets, form feeds):
detection and paragraph rebuilding, on small hand-written inputs."""

from __future__ import annotations

import random

import pytest
from referentiel.backends.text_reflow import fix_code, is_raw_ocr, reflow
from referentiel.docmodel import Kind
from referentiel.rules import default_rules

WRAPPED = """REFERENTIEL DE CERTIFICATION DU CQP VENDEUR

A1.1 : Accueil des clients dans
le magasin
+ Salutation du client dès son
arrivée
» Orientation vers le bon rayon
e Prise de congé

C1.1 : Accueillir un client en
adaptant son attitude.

Page 1/2
\fREFERENTIEL DE CERTIFICATION DU CQP VENDEUR
Le client est accueilli
> Il est salué dès son arrivée
"""


def test_text_reflow_detects_raw_ocr_text() -> None:
    assert is_raw_ocr(WRAPPED)
    one_per_line = "\n".join(f"Paragraphe numéro {i} complet." for i in range(30))
    assert not is_raw_ocr(one_per_line)
    assert not is_raw_ocr("a\tb\n" + WRAPPED)  # TAB tables: the line reader's job


def test_text_reflow_rebuilds_paragraphs_and_items() -> None:
    blocks = reflow(WRAPPED)
    shown = [(b.kind, b.label, b.text, b.page, b.line) for b in blocks]
    assert shown == [
        (Kind.PARAGRAPH, None, "REFERENTIEL DE CERTIFICATION DU CQP VENDEUR", 1, 1),
        (Kind.PARAGRAPH, None, "A1.1 : Accueil des clients dans le magasin", 1, 3),
        (Kind.LIST_ITEM, "+", "Salutation du client dès son arrivée", 1, 5),
        (Kind.LIST_ITEM, "»", "Orientation vers le bon rayon", 1, 7),
        (Kind.LIST_ITEM, "e", "Prise de congé", 1, 8),
        (Kind.PARAGRAPH, None, "C1.1 : Accueillir un client en adaptant son attitude.", 1, 10),
        # page 2: the page number dropped; the title repeated is kept (2 pages
        # only: running headers need three)
        (Kind.PARAGRAPH, None, "REFERENTIEL DE CERTIFICATION DU CQP VENDEUR", 2, 14),
        (Kind.PARAGRAPH, None, "Le client est accueilli", 2, 15),
        (Kind.LIST_ITEM, ">", "Il est salué dès son arrivée", 2, 16),
    ]


def test_text_reflow_drops_running_headers_but_keeps_a_title() -> None:
    bodies = ["Accueil des clients.", "Gestion des stocks.", "Tenue de caisse.", "Inventaire."]
    text = "\f".join(
        f"EN-TÊTE DU RÉFÉRENTIEL VENDEUR\n\n{body}\n\nsous-titre courant du document\n"
        for body in bodies
    )
    texts = [b.text for b in reflow(text)]
    assert texts == ["EN-TÊTE DU RÉFÉRENTIEL VENDEUR", *bodies]


def test_text_reflow_joins_a_wrapped_line_after_a_blank_line() -> None:
    blocks = reflow("A1.3 : Développement de contenus\n\ncommerciaux\n\nSuite.\n" + "\f")
    assert [b.text for b in blocks] == ["A1.3 : Développement de contenus commerciaux", "Suite."]


def test_text_reflow_a_lowercase_y_is_no_bullet() -> None:
    blocks = reflow("C2.1 : Exploiter le CRM en\ny intégrant les informations.\n\f")
    assert [b.text for b in blocks] == ["C2.1 : Exploiter le CRM en y intégrant les informations."]


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("AL.A4 : Caractérisation", "A1.4 : Caractérisation"),
        ("CL.5 : Conduire", "C1.5 : Conduire"),
        ("Cl.3 : Renseigner", "C1.3 : Renseigner"),
        ("A2,5 : Traitement", "A2.5 : Traitement"),
        ("C3,5 : Suivre", "C3.5 : Suivre"),
        ("A1 .3 : Développement", "A1.3 : Développement"),
        ("À.3.4 : Adaptation", "A.3.4 : Adaptation"),
        ("A.3.1 : Traitement", "A.3.1 : Traitement"),  # printed with a dot: kept
        ("C1.1 : Exécuter", "C1.1 : Exécuter"),
        ("Alors que", "Alors que"),
        ("CL : texte", "CL : texte"),
    ],
)
def test_text_reflow_fixes_misread_codes(read: str, meant: str) -> None:
    assert fix_code(read, default_rules()) == meant


def test_text_reflow_a_capitalised_statement_starts_a_paragraph() -> None:
    """List items whose bullets were lost: an infinitive or an article opening
    a line starts the next item, even after a line with no final stop."""
    text = (
        "Apporter les informations appropriées au client\n"
        "Répondre aux questions du client\n"
        "Les besoins sont\n"
        "identifiés\n\f"
    )
    assert [b.text for b in reflow(text)] == [
        "Apporter les informations appropriées au client",
        "Répondre aux questions du client",
        "Les besoins sont identifiés",
    ]


def test_text_reflow_long_unfinished_text_is_read_in_one_pass() -> None:
    """20 000 lines that never end a sentence (issue 12: quadratic before, ~60 s at
    this size; now one pass): one paragraph holding every line, in order. Not timed:
    the suite's run time is the check (bench/text_scaling.py measures)."""
    filler = [f"suite du texte numéro {i} sans fin de phrase" for i in range(20_000)]
    blocks = reflow(WRAPPED + "\n".join(filler) + "\n")
    last = blocks[-1]
    assert last.text.startswith("Il est salué dès son arrivée suite du texte numéro 0 ")
    assert last.text.endswith("numéro 19999 sans fin de phrase")
    assert last.text.count("suite du texte") == 20_000


def test_text_reflow_many_pages_of_distinct_lines_stay_cheap() -> None:
    """Running-header matching over 1 000 pages of distinct lines: only the
    lines at a page's edges are sought among, and the header is still found."""
    pick = random.Random(7)
    pages = [
        "EN-TÊTE COURANT DU DOCUMENT\n"
        + "\n".join(f"Ligne {pick.getrandbits(96):024x}." for _ in range(10))
        for _ in range(1000)
    ]
    texts = [b.text for b in reflow("\n\f".join(pages))]
    assert texts.count("EN-TÊTE COURANT DU DOCUMENT") == 1
    assert len(texts) == 1 + 1000 * 10
