"""A schedule table naming units beside their durations, and the title an
annex prints under its part heading, on real files (Légifrance health annexes).

Each test reads a real file of tests/data/real with the real reader and
segmenter and compares with the document's hand-checked reference.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract
from referentiel.segment.schedule import duration_only

AFGSU = REAL / "afgsu-niveau1-modules.md"
PPH = REAL / "pph-referentiel-formation-modules.md"
IDU = REAL / "polytech-idu-programme-ue601.pdf"


def test_a_schedule_table_refers_to_the_modules_it_times() -> None:
    """'Durée des modules' names Modules 1-8 beside their hours; only Modules
    1 and 2 are detailed: the table creates no bloc titled by a duration."""
    ref = extract(PPH)
    gold = gold_of(PPH)
    assert [b.code.casefold() for b in ref.blocs if b.code] == [
        b["code"].casefold() for b in gold["blocs"]
    ]
    assert not any(duration_only(b.libelle or "") for b in ref.blocs)


def test_a_schedule_row_titling_a_unit_printed_nowhere_else_is_a_unit() -> None:
    """The Semestre 6 table names UE601-UE604 with their titles beside their
    hours; the excerpt details UE601 and heads UE602: those rows refer to them,
    while UE603 and UE604, named only there, are blocs of their own."""
    ref = extract(IDU)
    codes = [b.code for b in ref.blocs if b.code]
    assert sorted(codes) == sorted(b["code"] for b in gold_of(IDU)["blocs"])
    assert len(codes) == len(set(codes))


def test_a_column_header_is_no_title_the_annex_title_is() -> None:
    """The duration table's header 'PÉRIODES pratiques/ heures' spells the
    profession's acronym but names a column; the title line under the annex
    heading names the diploma, without the document's number."""
    ref = extract(PPH)
    assert ref.certification.intitule == gold_of(PPH)["certification"]["intitule"]


def test_an_annex_title_wrapped_over_two_upper_case_lines() -> None:
    """'ATTESTATION DE FORMATION AUX GESTES' / 'ET SOINS D'URGENCE DE NIVEAU 1'
    under 'Article Annexe 1': one intitulé, the two lines joined."""
    ref = extract(AFGSU)
    assert ref.certification.intitule == gold_of(AFGSU)["certification"]["intitule"]


def test_duration_only_cells() -> None:
    """A duration or a count alone, not a text with a duration in it."""
    assert duration_only("70 heures") and duration_only("3") and duration_only("2 semaines")
    assert not duration_only("Dont 70 heures en secteur anticancéreux")
    assert not duration_only("Module 3")
