"""Published documents that are no référentiel are refused, each for the evidence it
carries (``tests/data/refused``, sources in its README); published référentiels
whose units hold few statements, or whose text is mostly unplaced, are read.
Real readers, real spaCy model, no references."""

from __future__ import annotations

import json

import pytest
from fixtures.paths import DATA, REAL
from referentiel.api import extract, parse
from referentiel.errors import NotAReferentiel
from referentiel.evidence import placed_share, prose_share, questions, statements
from referentiel.options import Options
from referentiel.segment import segment

REFUSED = DATA / "refused"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        # an accounting exercise sheet and accounting course notes: chapter headings
        # (« C1 - … ») over prose, nothing under them
        ("but-info-r210-exercices-comptables.pdf", "headings over prose"),
        ("but-info-r210-cours-si-comptable.pdf", "headings over prose"),
        # a TD subject: « Bloc n » boxes of a diagram over prose and Java listings
        ("iut-blagnac-cpoa-td2-sujet.pdf", "headings over prose"),
        # a TD sheet of numbered questions on a case study
        ("dut-m1204-td-choix-strategiques.pdf", "are questions"),
        # a course plan: « Objectif » and « Contenu » for each session, its sessions
        # numbered as the plan's parts (no unit level), a few objectives among prose
        ("ifnti-graphql-plan-du-cours.pdf", "a course plan's objectives"),
        # a course's presentation slides (OCR): ressource codes as units, the
        # teacher's name on each slide as their compétences
        ("but-info-r210-presentation-ressource.pdf", "same few texts"),
        # a syllabus: five numbered learning objectives among its prose, no unit level
        ("polytechnique-mth1102-plan-de-cours.pdf", "a course plan's objectives"),
    ],
)
def test_refusal_real_non_referentiels_are_refused(name: str, reason: str) -> None:
    with pytest.raises(NotAReferentiel, match=reason):
        extract(REFUSED / name)


def test_refusal_real_the_course_headings_are_read_before_being_refused() -> None:
    # the outline does find units in the accounting notes: the document-wide
    # figures refuse them, not a failure to read
    path = REFUSED / "but-info-r210-cours-si-comptable.pdf"
    document = parse(path, Options())
    found = segment(document, Options())
    assert [b.code for b in found.blocs] == ["C1", "C2", "C3"]
    assert statements(found) < len(found.blocs)
    assert prose_share(document) > 0.5
    assert placed_share(document, found) < 0.05


@pytest.mark.parametrize(
    "name",
    [
        # units but no statement, prose around them, 8 % of the text placed
        "bacpro-agricole-foret-reglement-examen.md",
        # units but no statement, all the text in one grid, 1 % placed
        "but-qlio-cartographie.pdf",
        # a form: units but no statement, 6 % placed, a few questions
        "tp-ecsr-dossier-professionnel.docx",
        # eight compétences over eleven thousand characters of prose (6 % placed)
        "tp-dwwm-fiche-communication.pdf",
        # modules without compétences
        "certiphyto-conseil-qcm-modules.md",
    ],
)
def test_refusal_real_thin_referentiels_are_read(name: str) -> None:
    assert extract(REAL / name).blocs


@pytest.mark.parametrize(
    ("name", "least", "most"),
    [
        # a training booklet asking twelve questions among 347 paragraphs
        ("cqp-relation-commerciale-distance.txt", 1 / 40, 1 / 20),
        # a BTS programme listing its « questions de management » (19 of 229)
        ("bts-cejm-programme-synthese.docx", 1 / 20, 1 / 8),
    ],
)
def test_refusal_real_a_referentiel_asking_some_questions_is_no_questionnaire(
    name: str, least: float, most: float
) -> None:
    path = REAL / name
    asked, paragraphs = questions(parse(path))
    assert asked >= 5 and least < asked / paragraphs < most
    assert extract(path).blocs


def test_refusal_real_a_cqp_in_a_convention_collective_is_read() -> None:
    # a CQP printed among the articles of a convention collective: its blocs only
    # as a « — Bloc n - … » list among prose, nothing under them, 4 % placed; the
    # family and the bloc word's numbering series show a référentiel
    path = REAL / "cqp-boucherie-technicien-artisanal-blocs.pdf"
    document = parse(path, Options())
    found = extract(path)
    assert prose_share(document) > 0.5
    assert placed_share(document, found) < 0.05
    gold = json.loads((REAL / "gold" / f"{path.name.removesuffix('.pdf')}.gold.json").read_text())
    coded = [(b["code"], b["libelle"]) for b in gold["blocs"] if b["code"]]
    assert [(b.code, b.libelle) for b in found.blocs if b.code] == coded
    assert found.certification.type == "CQP"


def test_refusal_real_a_bloc_series_without_family_is_refused() -> None:
    # the same « Bloc n » series, over a TD's code listing: no family named
    found = segment(parse(REFUSED / "iut-blagnac-cpoa-td2-sujet.pdf", Options()), Options())
    assert [b.code for b in found.blocs][:3] == ["Bloc 1", "Bloc 2", "Bloc 3"]
    assert found.certification.type is None
