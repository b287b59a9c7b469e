"""The project's rule debt kept visible: a rule (or a part of its pattern) that only
one real document needs says so in its description, "(single document: NAME;
awaiting a second)", NAME a document of the corpus ``bench/rule_support.py``
measures (``tests/data/real`` or the bundled samples of ``sources/``). No corpus
run: the check reads the rule files and the folders' listings."""

from __future__ import annotations

import re
from pathlib import Path

from fixtures.paths import REAL, SOURCES
from referentiel.rules import load_rules

_DEBT = re.compile(r"single document: (?P<name>[a-z0-9][a-z0-9-]*); awaiting a second\)")


def _documents(folder: Path) -> set[str]:
    """The documents of ``folder``: file names without their extensions."""
    return {p.name.split(".", 1)[0] for p in folder.iterdir() if p.is_file()}


def _descriptions() -> dict[str, str]:
    return {rule.id: rule.description or "" for rule in load_rules().rules}


def test_every_single_document_rule_names_a_document_of_the_corpus() -> None:
    corpus = _documents(REAL) | _documents(SOURCES)
    named = {
        rule_id: [m.group("name") for m in _DEBT.finditer(text)]
        for rule_id, text in _descriptions().items()
        if "single document" in text
    }
    assert named, "the audit's debts are marked in the rule files"
    for rule_id, names in named.items():
        text = _descriptions()[rule_id]
        assert len(names) == text.count("single document"), f"{rule_id}: unmarked form"
        assert set(names) <= corpus, f"{rule_id}: {set(names) - corpus} not in the corpus"


def test_the_marker_is_read_as_the_audit_writes_it() -> None:
    """A marker without its document, or naming a file with its extension, is no marker."""
    assert _DEBT.search("x (single document: bma-ebeniste-unite-a-epreuves; awaiting a second)")
    assert not _DEBT.search("x (single document; awaiting a second)")
    assert not _DEBT.search("x (single document: bma-ebeniste.md; awaiting a second)")
