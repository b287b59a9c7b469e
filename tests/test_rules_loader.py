"""Rule files are validated on load; a malformed one names the file and the rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from referentiel.rules import Rule, RuleError, default_rules, load_file, load_rules


def _write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def test_rules_project_files_load_with_unique_ids() -> None:
    rules = load_rules()
    ids = [r.id for r in rules.rules]
    assert len(ids) == len(set(ids))
    for label in ("section", "bloc", "zone", "column", "title", "link", "critere-runin"):
        assert rules.labelled(label), label
    with pytest.raises(KeyError, match="unknown rule label"):
        rules.labelled("colum")  # code asking for a label no rule file may carry


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "rules:\n  - id: bad.regex\n    label: bloc\n    pattern: '(unclosed'\n",
            "invalid pattern",
        ),
        (
            "rules:\n  - id: both\n    label: bloc\n    pattern: x\n    phrases: [y]\n",
            "exactly one",
        ),
        ("rules:\n  - id: neither\n    label: bloc\n", "exactly one"),
        ("rules:\n  - id: Bad Id\n    label: bloc\n    pattern: x\n", "id"),
        ("rules:\n  - id: typo\n    label: bloc\n    patern: x\n", "patern"),
        ("rules:\n  - id: empty\n    label: bloc\n    phrases: ['  ']\n", "empty phrase"),
        ("rules:\n  - id: lbl\n    label: blok\n    pattern: x\n", "unknown label 'blok'"),
        (
            "rules:\n  - id: col\n    label: column\n    value: critere\n    pattern: x\n",
            "value 'critere' is not one of label 'column'",
        ),
        (
            "rules:\n  - id: ttl\n    label: title\n    value: BTX\n    pattern: x\n",
            "value 'BTX'",
        ),
        ("- just a list\n", "'rules' list"),
        ("rules: [\n", "cannot read"),
    ],
)
def test_rules_malformed_file_gives_clear_error(tmp_path: Path, body: str, message: str) -> None:
    path = _write(tmp_path, "broken.yaml", body)
    with pytest.raises(RuleError) as caught:
        load_file(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value)


def test_rules_error_names_the_rule(tmp_path: Path) -> None:
    body = (
        "rules:\n  - id: fine\n    label: bloc\n    pattern: a\n"
        "  - id: zone.broken\n    label: zone\n    pattern: '[a-'\n"
    )
    path = _write(tmp_path, "zones.yaml", body)
    with pytest.raises(RuleError, match=r"zones\.yaml: rule #2 \(id 'zone\.broken'\)"):
        load_file(path)


def test_rules_duplicate_id_across_files(tmp_path: Path) -> None:
    _write(tmp_path, "a.yaml", "rules:\n  - id: same\n    label: bloc\n    pattern: a\n")
    _write(tmp_path, "b.yaml", "rules:\n  - id: same\n    label: bloc\n    pattern: b\n")
    with pytest.raises(RuleError, match="already defined"):
        load_rules(tmp_path)


def test_rules_ocr_files_are_not_segmentation_rules(tmp_path: Path) -> None:
    _write(tmp_path, "a.yaml", "rules:\n  - id: one\n    label: bloc\n    pattern: a\n")
    _write(tmp_path, "ocr_fixes.yaml", "something: else\n")
    assert [r.id for r in load_rules(tmp_path).rules] == ["one"]


def test_rules_phrases_ignore_case_accents_and_apostrophes(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "p.yaml",
        "rules:\n  - id: cue\n    label: zone\n    value: modalites\n"
        '    phrases: ["modalités d\'évaluation"]\n',
    )
    rules = load_rules(tmp_path)
    assert rules.first("zone", "MODALITES D’EVALUATION :") is not None
    assert rules.first("zone", "Modalités d'évaluations") is None  # whole words only


def test_rules_groups_keep_the_printed_apostrophes() -> None:
    hit = load_rules().first("title", "CQP Délégué(e) à l’information")
    assert hit is not None
    assert hit.group("intitule") == "Délégué(e) à l’information"


def _rules_with_examples() -> list[object]:
    return [
        pytest.param(rule, id=rule.id)
        for rule in default_rules().rules
        if rule.examples or rule.counter_examples
    ]


@pytest.mark.parametrize("rule", _rules_with_examples())
def test_rules_match_their_examples_and_not_their_counter_examples(rule: Rule) -> None:
    """Every rule that carries examples is checked against them (one generic test)."""
    assert [text for text in rule.examples if rule.match(text) is None] == []
    assert [text for text in rule.counter_examples if rule.match(text) is not None] == []
