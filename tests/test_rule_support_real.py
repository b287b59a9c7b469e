"""The rule set's recording (``RuleSet.recording``, read by ``bench/rule_support.py``)
on real extractions: it names the rules that fired, and nothing outside its block."""

from __future__ import annotations

from fixtures.paths import REAL, SOURCES
from referentiel.api import extract
from referentiel.rules import default_rules

SAMPLE = SOURCES / "cqp-delegue-veterinaire.docx"  # "Bloc de compétences n° 1 : …" headings
OCR_TEXT = REAL / "bts-negociation-ocr.txt"  # "En relation avec C1.1 …" link cues


def test_recording_names_the_rules_the_extraction_used() -> None:
    rules = default_rules()
    ids = {rule.id for rule in rules.rules}
    with rules.recording() as record:
        referentiel = extract(SAMPLE)
    assert "bloc.bloc-de-competences" in record.fired
    assert "title.type-first" in record.fired  # the "CQP …" title line
    assert record.fired <= ids
    assert {bloc.provenance.rule for bloc in referentiel.blocs} == {"bloc.bloc-de-competences"}
    with rules.recording() as again:  # the answers are cached now: recorded all the same
        extract(SAMPLE)
    assert again.fired == record.fired


def test_nothing_is_recorded_outside_the_block() -> None:
    rules = default_rules()
    with rules.recording() as outer:
        with rules.recording() as inner:
            extract(OCR_TEXT)
        extract(SAMPLE)  # the outer block records again after the inner one
    assert {"stream.starter", "link.competence"} <= inner.fired - outer.fired
    assert "link-code" in inner.handed - outer.handed  # codes the caller matches itself
    assert "title.type-first" in outer.fired - inner.fired
    kept, kept_inner = set(outer.fired), set(inner.fired)
    extract(OCR_TEXT)
    extract(SAMPLE)
    assert outer.fired == kept and inner.fired == kept_inner
