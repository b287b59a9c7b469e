"""The synthetic référentiels' reference JSON says only what their sources print."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from fixtures.paths import SYNTHETIC
from referentiel.evaluate import TYPES

GOLDS = sorted(SYNTHETIC.glob("*.gold.json"))
SOURCES = sorted(
    p for p in SYNTHETIC.iterdir() if p.suffix in {".md", ".txt", ".html"} and p.stem != "README"
)


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif isinstance(node, dict):
        for key, value in node.items():
            if not key.startswith("_") and key not in {"schema_version", "type"}:
                yield from _strings(value)


def _plain(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("**", "")
    return " ".join(text.split())


def test_evaluate_synthetic_every_gold_has_a_source() -> None:
    stems = {p.name.removesuffix(".gold.json") for p in GOLDS}
    assert len(GOLDS) == 3
    assert stems == {p.name.split(".")[0] for p in SOURCES}


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name)
def test_evaluate_synthetic_gold_strings_are_printed(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    scoring = gold["_scoring"]
    assert set(scoring["strict"]) | set(scoring["coverage"]) <= set(TYPES)
    assert gold["_notes"]
    stem = gold_path.name.removesuffix(".gold.json")
    (source,) = [p for p in SOURCES if p.name.startswith(stem + ".")]
    text = _plain(source)
    missing = [s for s in _strings(gold) if s not in text]
    assert missing == []


def test_evaluate_synthetic_docx_holds_the_text_version() -> None:
    txt = SYNTHETIC / "cqp-preparateur-commandes-entrepot.txt"
    document = docx.Document(str(txt.with_suffix(".docx")))
    paragraphs = [p.text for p in document.paragraphs]
    lines = [line.strip().removeprefix("- ") for line in txt.read_text("utf-8").splitlines()]
    assert paragraphs == [line for line in lines if line]
    bullets = [p for p in document.paragraphs if p.style is not None and "Bullet" in p.style.name]
    assert len(bullets) == 27  # 15 abilities + 12 critères, as automatic Word bullets
