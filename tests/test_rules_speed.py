"""The fast paths of rule matching and folding give the plain formulation's answers
on every text of a real document."""

from __future__ import annotations

import unicodedata

import pytest
from fixtures.paths import SOURCES
from referentiel.api import parse
from referentiel.rules import LABELS, default_rules
from referentiel.textclean import fold


def _plain_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", " ".join(text.split()).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@pytest.fixture(scope="module")
def texts() -> list[str]:
    document = parse(SOURCES / "cqp-delegue-veterinaire.docx")
    found = [block.text for top in document.blocks for block in top.walk() if block.text]
    return [*found, "Compétence ÉVALUÉE", "ǅ Ⅻ ﬁ K Å", ""]


def test_fold_equals_plain_formulation(texts: list[str]) -> None:
    assert len(texts) > 100
    for text in texts:
        assert fold(text) == _plain_fold(text), text


def test_rule_set_answers_as_each_rule_alone(texts: list[str]) -> None:
    rules = default_rules()
    matched = 0
    for label in LABELS:
        for text in texts:
            plain = [
                (r.id, m.span(), m.groupdict())
                for r in rules.labelled(label)
                if (m := r.match(text)) is not None
            ]
            fast = [
                (h.rule.id, h.match.span(), h.match.groupdict()) for h in rules.hits(label, text)
            ]
            assert fast == plain, (label, text)
            first = rules.first(label, text)
            assert (first.rule.id if first else None) == (plain[0][0] if plain else None)
            assert rules.first(label, text) is first  # remembered, same answer
            matched += bool(plain)
    assert matched > 50
