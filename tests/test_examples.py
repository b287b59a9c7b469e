"""Golden example outputs in ``output/examples/``: what users see, kept true by the suite.

Any change in extraction shows up here as a diff to review. Regenerate with
``REFERENTIEL_REGEN_EXAMPLES=1 .venv/bin/pytest tests/test_examples.py``, review
``git diff output/examples``, then run again without the flag: a run with the flag
set always fails, so it cannot be left on by mistake.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fixtures.paths import ROOT
from referentiel.api import extract
from referentiel.atomic import write_atomic
from referentiel.output import to_json

EXAMPLES = ROOT / "output" / "examples"
INPUTS = [
    ROOT / "sources" / "cqp-delegue-veterinaire.pdf",
    ROOT / "sources" / "cqpm-technico-commercial-industriel.docx",
    ROOT / "sources" / "cqp-commercial-sedentaire-alimentaire.txt",
]
REGEN = os.environ.get("REFERENTIEL_REGEN_EXAMPLES") == "1"


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_examples_match_a_fresh_extraction(path: Path) -> None:
    produced = to_json(extract(path))
    target = EXAMPLES / f"{path.name}.json"
    if REGEN:
        write_atomic(target, produced)
        pytest.fail(f"regenerated {target.name}: review the diff, then run without the flag")
    assert target.is_file(), f"missing {target}: run with REFERENTIEL_REGEN_EXAMPLES=1"
    assert target.read_text(encoding="utf-8") == produced, (
        f"{target.name} differs from a fresh extraction: review, then regenerate"
    )
