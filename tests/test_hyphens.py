"""The one joiner of wrapped lines (referentiel.hyphens), on its examples and
counter-examples, with the real French lexicon and a document's own words."""

from __future__ import annotations

import pytest
from referentiel.hyphens import FRENCH, Known, join_wrapped


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        # a word cut by the line end: glued again without its hyphen
        ("des compé-", "tences", "des compétences"),
        ("les préoccu-", "pations du client", "les préoccupations du client"),
        ("du référen-", "tiel d'activité", "du référentiel d'activité"),
        ("un dévelop\u00ad", "pement", "un développement"),  # soft hyphen
        # a compound broken at its own hyphen: the hyphen stays, no space
        ("le porte-", "parole", "le porte-parole"),
        ("c'est-à-", "dire", "c'est-à-dire"),
        ("la région Rhône-", "Alpes", "la région Rhône-Alpes"),
        ("les contre-", "indications", "les contre-indications"),
        ("un compte-", "rendu", "un compte-rendu"),
        ("la sous-", "traitance", "la sous-traitance"),
        # a code broken at its hyphen
        ("la compétence C-", "1", "la compétence C-1"),
        # no hyphen, or a dash standing apart: a space
        ("la mise à jour", "du fichier", "la mise à jour du fichier"),
        ("vente en ligne -", "livraison", "vente en ligne - livraison"),
        ("le bloc A -", "(suite)", "le bloc A - (suite)"),
        ("", "seul", "seul"),
    ],
)
def test_join_wrapped_with_the_lexicon(left: str, right: str, joined: str) -> None:
    assert join_wrapped(left, right, FRENCH) == joined


def test_join_wrapped_knowing_no_word_keeps_every_plain_hyphen() -> None:
    assert join_wrapped("des compé-", "tences") == "des compé-tences"
    assert join_wrapped("un dévelop\u00ad", "pement") == "un développement"


def test_join_wrapped_a_compound_the_document_prints_stays() -> None:
    # the lexicon spells "contresens"; a document printing "contre-sens" keeps it
    assert join_wrapped("un contre-", "sens", FRENCH) == "un contresens"
    assert join_wrapped("un contre-", "sens", Known({"contre-sens"})) == "un contre-sens"
