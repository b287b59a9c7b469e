"""Pool workers start without the spaCy model; the first document that needs it loads it.

Issue 13: every worker used to load the model at start-up (seconds and ~280 MiB each)
although most documents never ask for it. Run in a fresh interpreter, since this test
process may already hold the model.
"""

from __future__ import annotations

import json
import subprocess
import sys

import referentiel.batch_task
from fixtures.paths import ROOT

PLAIN = ROOT / "sources" / "cqp-delegue-veterinaire.txt"  # layout decides everything
NEEDS_MODEL = ROOT / "tests" / "data" / "real" / "bts-negociation-ocr.txt"  # infinitives asked

_PROBE = """
import json, sys
from pathlib import Path
from {package}.batch_task import extract_one, warm_up
from {package}.options import Options

seen = []
warm_up(Options())
seen.append("spacy" in sys.modules)
for path in sys.argv[1:]:
    status = extract_one(Path(path), Options())[0]
    seen.append([status, "spacy" in sys.modules])
print(json.dumps(seen))
"""


def test_batch_worker_loads_spacy_only_for_a_document_that_needs_it() -> None:
    code = _PROBE.format(package=referentiel.batch_task.__package__)
    command = [sys.executable, "-c", code, str(PLAIN), str(NEEDS_MODEL)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    warmed, plain, needing = json.loads(run.stdout.strip().splitlines()[-1])
    assert warmed is False
    assert plain == ["done", False]
    assert needing == ["done", True]
