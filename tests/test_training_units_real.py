"""Training référentiels published as Légifrance annexes (tests/data/real): the
FIMO and FCO annexes (thèmes with objectives, 'Eléments de contenu' and 'Supports
pédagogiques', a list of diplomas in its preamble) and the pêche à pied annex
(a modalités table keyed by bare unit codes, a numbered 'Modalités
d'évaluation' section with one sub-section per group of units, objectives
coded 'OI nn'). Real reader and segmenter on the real files, compared
with their hand-checked references."""

from __future__ import annotations

from fixtures.real_docs import REAL, extract_real, gold_of
from referentiel.api import parse
from referentiel.backends.text_passages import unglue
from referentiel.options import Options
from referentiel.rules import default_rules
from referentiel.segment.draft import Context
from referentiel.segment.familylists import enumerated
from referentiel.segment.stream import units

FIMO = "fimo-marchandises-referentiel-formation.md"
FCO = "fco-marchandises-referentiel-formation.md"
PECHE = "capacite-peche-a-pied-referentiel-formation-evaluation.md"


def test_contents_are_connaissances_and_objectives_compétences() -> None:
    """Under each 'Thème N', the objective items are its compétences and every
    line of its 'Eléments de contenu' its connaissances (sub-headings included);
    the 'Supports pédagogiques' lists are no element."""
    gold = {b["code"]: b for b in gold_of(REAL / FIMO)["blocs"]}
    got = {b.code: b for b in extract_real(FIMO).blocs}
    assert sorted(got) == sorted(gold) == ["Thème 1", "Thème 2", "Thème 3"]
    for code, bloc in got.items():
        assert [c.libelle for c in bloc.competences] == [
            c["libelle"] for c in gold[code]["competences"]
        ]
        assert len(bloc.connaissances) == len(gold[code]["connaissances"])
        assert "Caractéristiques techniques :" not in [c.libelle for c in bloc.competences]
        assert not any("fiches techniques de véhicules" in k for k in bloc.connaissances)


def test_a_list_of_diplomas_names_not_the_certification() -> None:
    """The preamble's dash list names four diplomas (CAP, BEP, titre
    professionnel): an enumeration, not the document's title; the annex's own
    title, a mandatory training, is the intitulé, with no family."""
    certification = extract_real(FIMO).certification
    assert certification.type is None
    assert certification.intitule == "FORMATION INITIALE MINIMALE OBLIGATOIRE"


def test_runs_of_items_naming_two_families_are_enumerations() -> None:
    """The run of dash items naming diplomas is found; the options list after
    it ('formation standard ; …') names none and stays out."""
    ctx = Context(parse(REAL / FIMO), Options(), default_rules())
    units(ctx)
    listed = [u.text for u in ctx.units if id(u) in enumerated(ctx, ctx.units)]
    assert len(listed) == 5
    assert listed[0].startswith("certificat d'aptitude professionnelle de conducteur routier")
    assert not any(t.startswith("formation standard") for t in listed)


def test_a_table_keyed_by_unit_codes_gives_each_unit_its_modalities() -> None:
    """'UNITÉS professionnelles | MODALITÉS D'ÉVALUATION | ÉVALUATEURS': each
    row's modality goes to the unit its first cell codes, an empty cell
    continuing the code above; the assessors are no modality."""
    gold = {b["code"]: b["modalites_evaluation"] for b in gold_of(REAL / PECHE)["blocs"]}
    got = {b.code: b.modalites_evaluation for b in extract_real(PECHE).blocs}
    for code in ("UEP1", "UEP2", "UEP3"):
        assert got[code] == gold[code]
    assert not any("Formateur" in m or m == "Jury" for ms in got.values() for m in ms)


def test_a_numbered_modalites_section_ends_at_the_next_number() -> None:
    """'2. Modalités d'évaluation' ends at '3. Les objectifs …': the prose of
    the optional units in section 3 (conditions of the option) and the
    validation rules of 2.4 are no modality."""
    got = {b.code: b.modalites_evaluation for b in extract_real(PECHE).blocs}
    assert got["UEO3"] == got["UEO4"] == []
    assert not any("jury se réunit" in m for ms in got.values() for m in ms)


def test_items_under_an_objectives_label_are_objectives_even_naming_topics() -> None:
    """FCO Thème 1: 'Objectif' then a lead-in and three noun items ('technique
    de conduite ;'): the label cues them, they are the thème's compétences, not
    topics read as connaissances; every thème keeps its reference objectives."""
    gold = {b["code"]: b for b in gold_of(REAL / FCO)["blocs"]}
    got = {b.code: b for b in extract_real(FCO).blocs}
    assert sorted(got) == sorted(gold) == ["Thème 1", "Thème 2", "Thème 3", "Thème 4"]
    for code, bloc in got.items():
        assert [c.libelle for c in bloc.competences] == [
            c["libelle"] for c in gold[code]["competences"]
        ]
    assert "technique de conduite" not in got["Thème 1"].connaissances


def test_uncoded_prose_is_no_competence_when_the_outline_codes_them() -> None:
    """The units' objectives are coded 'OI nn' in the outline: the prose line
    of the optional units UEO3 / UEO4 (a condition, 'Posséder un titre …')
    states no compétence, and it is reported, never silently lost."""
    blocs = {b.code: b for b in extract_real(PECHE).blocs}
    assert blocs["UEO3"].competences == blocs["UEO4"].competences == []
    assert all(c.code for b in blocs.values() for c in b.competences)
    warnings = [w.message for w in extract_real(PECHE).warnings if w.code == "UNPLACED_TEXT"]
    assert any("Posséder un titre" in m for m in warnings)
    assert any("Détenir l'agrément" in m for m in warnings)


def test_a_heading_naming_a_code_prefix_gives_the_group_its_modalities() -> None:
    """'2.2. Evaluation des UEG' names the units UEG1 and UEG2 by their codes'
    prefix: its sentence is the modality of both; '2.3. Evaluation des UEP'
    adds nothing to units whose table rows already give theirs."""
    gold = {b["code"]: b["modalites_evaluation"] for b in gold_of(REAL / PECHE)["blocs"]}
    got = {b.code: b.modalites_evaluation for b in extract_real(PECHE).blocs}
    assert got["UEG1"] == got["UEG2"] == gold["UEG1"] == gold["UEG2"]
    assert len(got["UEG1"]) == 1
    for code in ("UEP1", "UEP2", "UEP3"):
        assert got[code] == gold[code]


NEGOCIATION = "bts-negociation-ocr.txt"


def test_a_passage_glued_to_another_column_is_cut_where_it_ends() -> None:
    """The last bloc's transversal compétence (printed under every bloc) was
    read on the same lines as its critère, one space apart: the passage is read
    first, then the critère, whole, as the reference prints it."""
    texts = [b.text for b in parse(REAL / NEGOCIATION).blocks]
    assert not any("afin - Les" in t or "fixés. de" in t for t in texts)
    gold = [
        c["libelle"] for b in gold_of(REAL / NEGOCIATION)["blocs"] for c in b.get("criteres", [])
    ]
    got = [c.libelle for b in extract_real(NEGOCIATION).blocs for c in b.criteres]
    assert len(got) == len(gold) == 19
    assert got[-1].startswith("Les procédures et")
    assert got[-1].endswith("développement durable.")


_PASSAGE = [
    "Appliquer les procédures de travail",
    "des engagements de son entreprise",
    "de concilier une éthique respectueuse",
]


def _glued(count: int) -> list[tuple[int, str]]:
    """The passage printed alone, a blank line, then its first ``count`` lines
    glued to a right column's words."""
    lines = [*_PASSAGE, "", *(f"{line} droite {n}" for n, line in enumerate(_PASSAGE[:count]))]
    return list(enumerate(lines, start=1))


def test_three_glued_lines_are_read_column_after_column() -> None:
    out = [text for _, text in unglue(_glued(3))]
    assert out[4:] == [*_PASSAGE, "", "droite 0", "droite 1", "droite 2"]


def test_two_glued_lines_are_no_evidence() -> None:
    """A passage's two first lines glued to other text are no run of three:
    the lines stay as read."""
    assert unglue(_glued(2)) == _glued(2)
