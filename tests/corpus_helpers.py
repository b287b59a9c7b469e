"""Score a sample's extraction against its hand-checked reference JSON (corpus tests).

Every format of a sample (``x.txt``, ``x.pdf``, ``x.docx``, ``x.numbered.docx``,
``x.scan.pdf``) shares the gold ``tests/data/gold/x.gold.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from referentiel.api import extract
from referentiel.evaluate import evaluate
from referentiel.output import to_json

GOLD = Path(__file__).resolve().parent / "data" / "gold"


def sample_name(path: Path) -> str:
    """The sample a source file is a version of: its name up to the first dot."""
    return path.name.split(".", 1)[0]


def load_gold(name: str) -> dict[str, Any]:
    """The reference JSON of sample ``name``."""
    data: dict[str, Any] = json.loads((GOLD / f"{name}.gold.json").read_text(encoding="utf-8"))
    return data


def assert_meets_thresholds(
    name: str, predicted: dict[str, Any], minimum: float = 0.95, *, details: bool = False
) -> None:
    """Strict F1 per strict type, coverage F1 and parent accuracy all ≥ ``minimum``.

    On failure the message is the evaluation report (per item with ``details``).
    """
    report = evaluate(load_gold(name), predicted)
    assert report.failures(minimum, minimum, minimum) == [], report.render(
        minimum, minimum, minimum, details=details
    )


def gold_beside(path: Path) -> dict[str, Any]:
    """The reference JSON ``NAME.gold.json`` in the folder of input ``NAME.ext``."""
    gold = path.with_name(f"{path.stem}.gold.json")
    data: dict[str, Any] = json.loads(gold.read_text(encoding="utf-8"))
    return data


def extract_json(path: Path) -> dict[str, Any]:
    """Extract ``path`` and return the JSON a user gets (validated, as written)."""
    data: dict[str, Any] = json.loads(to_json(extract(path)))
    return data


def assert_meets_gold(
    path: Path, predicted: dict[str, Any], minimum: float = 0.95, skip: tuple[str, ...] = ()
) -> None:
    """Every scored type and relation ≥ ``minimum`` against the gold beside ``path``.

    ``skip`` leaves out failures whose reason starts with one of its prefixes.
    """
    report = evaluate(gold_beside(path), predicted)
    failures = [f for f in report.failures(minimum, minimum, minimum) if not f.startswith(skip)]
    assert failures == [], report.render(minimum, minimum, minimum, details=True)
