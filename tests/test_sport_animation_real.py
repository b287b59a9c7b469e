"""Sport, animation and road-transport référentiels on real files (Légifrance text).

The BPJEPS « activités du cyclisme » certification annex prints its mention
units UC 7A, 8A, 9A then UC 7B, whose objectives restart at « OI 7.1 » with
the same codes and mostly the same words as UC 7A's, and one unit heading
« UC 8A Etre capable … » with no separator after its code. The BAPAAT's
document-cadre numbers nothing: seventeen short plain titles, each over prose
paragraphs stating abilities (« Capacité à … »), then the holder's prerogatives.
The permis B learner's grids are a form: four numbered compétences, each
heading a grid whose other columns are blank.

Each test reads the real file with the real reader and segmenter and compares
with the document's hand-checked reference.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract

CYCLISME = REAL / "bpjeps-cyclisme-referentiel-certification.md"
BAPAAT = REAL / "bapaat-referentiel-diplome.md"


def test_a_capital_glued_to_the_unit_number_is_part_of_its_code() -> None:
    """« UC 8A Etre capable … » (no ' : ') is unit UC 8A, titled « Etre capable
    … », like its siblings « UC 7A : … » and « UC 9A : … »."""
    ref = extract(CYCLISME)
    gold = gold_of(CYCLISME)
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        (b["code"], b["libelle"]) for b in gold["blocs"]
    ]


def test_restarted_objectives_stay_in_their_own_unit() -> None:
    """UC 7B's « OI 7.1 … » headings name the same codes and words as UC 7A's:
    they are UC 7B's own objectives, not UC 7A's named again."""
    ref = extract(CYCLISME)
    gold = gold_of(CYCLISME)
    for bloc, want in zip(ref.blocs, gold["blocs"], strict=True):
        assert [c.code for c in bloc.competences] == [c["code"] for c in want["competences"]]


def test_plain_titles_over_abilities_are_the_blocs() -> None:
    """The seventeen uncoded short titles are the blocs, each paragraph under
    one its compétence; the prerogatives after the capital heading are none."""
    ref = extract(BAPAAT)
    gold = gold_of(BAPAAT)
    assert [b.libelle for b in ref.blocs] == [b["libelle"] for b in gold["blocs"]]
    for bloc, want in zip(ref.blocs, gold["blocs"], strict=True):
        got = [c.libelle.rstrip(" .;") for c in bloc.competences]
        assert got == [c["libelle"].rstrip(" .;") for c in want["competences"]]


def test_a_lead_in_among_the_abilities_is_their_condition() -> None:
    """« En choisissant parmi … sous son contrôle : » is no compétence: the
    three capacités after it are exercised under it."""
    ref = extract(BAPAAT)
    pedagogie = next(b for b in ref.blocs if b.libelle == "Pédagogie")
    assert len(pedagogie.competences) == 3
    assert all(
        c.conditions_realisation and c.conditions_realisation[0].startswith("En choisissant")
        for c in pedagogie.competences
    )


def test_the_award_named_before_the_document_kind_is_the_intitule() -> None:
    """The annex title « BREVET D'… DES SPORTS. RÉFÉRENTIEL DU DIPLÔME … »:
    its first sentence names the certification."""
    ref = extract(BAPAAT)
    assert ref.certification.intitule == gold_of(BAPAAT)["certification"]["intitule"]


PERMIS = REAL / "permis-b-remc-grilles-progression.md"


def test_a_forms_blank_column_heads_state_nothing() -> None:
    """The permis B progression grids: each grid's first header cell is a
    numbered compétence (« 1. MAÎTRISER … »), the six heads beside it
    (« POURQUOI : », …, « AUTOÉVALUATION ») head columns left blank to be
    filled in; the first column's rows are the compétences of the unit."""
    ref = extract(PERMIS)
    gold = gold_of(PERMIS)
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        (b["code"], b["libelle"]) for b in gold["blocs"]
    ]
    for bloc, want in zip(ref.blocs, gold["blocs"], strict=True):
        got = [c.libelle.rstrip(" .") for c in bloc.competences]
        assert got == [c["libelle"].rstrip(" .") for c in want["competences"]]
