"""Published référentiels nobody here wrote (tests/data/real): never worse than the ledger.

Each document's ``current`` entry in ``tests/data/real/ledger/`` (written by
``bench/ledger.py update``) is its floor: a change that refuses a document the
ledger reads, or lowers its mean strict or coverage F1 by more than
``TOLERANCE``, fails. Raising a floor is a ledger update committed with the
change that earned it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from fixtures.paths import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from ledger import LEDGER, documents, entry_path, score  # noqa: E402

TOLERANCE = 0.02


def _entry(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(entry_path(path).read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("path", documents(), ids=lambda p: p.name)
def test_real_corpus_keeps_its_ledger_figures(path: Path) -> None:
    floor = _entry(path)["current"]
    now = score(path)
    if floor["refused"] is None:
        assert now["refused"] is None, f"{path.name} is refused now: {now['refused']}"
    for key in ("mean_strict", "mean_coverage"):
        if floor[key] is not None:
            assert now[key] is not None and now[key] >= floor[key] - TOLERANCE, (
                f"{path.name}: {key} {now[key]} < ledger {floor[key]} "
                f"(strict {now['strict']}, coverage {now['coverage']})"
            )


def test_real_corpus_every_document_has_a_ledger_entry() -> None:
    missing = [p.name for p in documents() if not entry_path(p).exists()]
    assert missing == [], f"no ledger entry in {LEDGER} for {missing}"
