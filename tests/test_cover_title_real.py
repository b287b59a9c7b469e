"""A document's own title as its first page prints it (:mod:`referentiel.segment.covertitle`),
on real documents: a cover's white title on a band drawn as one wide stroke is
seen; a short name over the heading that spells it out gives that name; a
title wrapped mid-phrase is one name; a title in capitals wrapped before its
link word is read by the title-prefix rules."""

from __future__ import annotations

import pdfplumber
from fixtures.paths import REAL
from referentiel.api import extract, parse
from referentiel.backends.pdf_visible import visible_chars
from referentiel.options import Options
from referentiel.rules import default_rules
from referentiel.segment import STAGES, Context
from referentiel.segment.covertitle import _abbreviates

UNESCO = REAL / "cadre-unesco-ia-enseignants-tableau1.pdf"


def test_white_title_on_a_stroked_band_is_seen() -> None:
    # the cover sets its title in white over two blue bands, each drawn as
    # one line stroked 45 points wide: the title is read, the page is no blank
    with pdfplumber.open(UNESCO) as pdf:
        text = "".join(char["text"] for char in visible_chars(pdf.pages[0]))
    assert "Référentieldecompétences" in text.replace(" ", "")
    assert "enIApourlesenseignants" in text.replace(" ", "")


def test_a_title_wrapped_mid_phrase_is_one_name() -> None:
    # "Référentiel de compétences" / "en IA pour les enseignants": the kind
    # alone reads as a family-only line, but the next line of the same
    # heading goes on with its phrase ("en …"), not a name it introduces
    ctx = Context(parse(UNESCO), Options(), default_rules())
    for name, stage in STAGES:
        stage(ctx)
        if name == "certification":
            break
    assert ctx.draft.intitule == "Référentiel de compétences en IA pour les enseignants"


def test_an_abbreviation_over_its_spelled_out_name_gives_the_name() -> None:
    # "CRCN-Édu" (level-1 heading) over "Cadre de référence des compétences
    # numériques pour l'éducation"; the "Sommaire" heading is no second title
    certification = extract(REAL / "crcn-edu-domaines-1-2.pdf").certification
    name = "Cadre de référence des compétences numériques pour l’éducation"
    assert certification.intitule == name


def test_what_an_abbreviation_spells() -> None:
    name = "Cadre de référence des compétences numériques pour l’éducation"
    assert _abbreviates("CRCN-Édu", name)
    assert _abbreviates("CRCN", name)  # the name may say more than the initials
    assert not _abbreviates("Sommaire", name)  # no capitals to spell
    assert not _abbreviates("RNCP", name)  # not the initials of its words
    assert not _abbreviates("CRCN Édu", name)  # two words are no abbreviation
    assert not _abbreviates("NCR", name)  # the first word starts it


def test_a_capitals_title_wrapped_before_its_link_word() -> None:
    # "RÉFÉRENTIEL DES COMPÉTENCES PROFESSIONNELLES" / "DES MÉTIERS DU
    # PROFESSORAT ET DE L'ÉDUCATION", two paragraphs: the kind, then the
    # profession it describes (as "Référentiel de compétences … du formateur …")
    certification = extract(REAL / "cadre-professorat-competences-communes.md").certification
    assert (certification.type, certification.intitule) == (
        None,
        "MÉTIERS DU PROFESSORAT ET DE L'ÉDUCATION",
    )
