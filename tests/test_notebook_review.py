"""The review notebook executes on a freshly extracted output folder (so it never rots)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jupytext
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "review.py"


@pytest.fixture
def output_env(extracted_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the notebook at the extracted folder; the kernel inherits the environment."""
    monkeypatch.setenv("REFERENTIEL_OUTPUT", str(extracted_dir))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    return extracted_dir


def _outputs(notebook: Any) -> list[Any]:
    return [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs]


def test_notebook_review_executes(output_env: Path) -> None:
    notebook = jupytext.read(NOTEBOOK)
    client = NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    outputs = _outputs(notebook)
    assert not [out for out in outputs if out.get("output_type") == "error"]
    text = "".join(str(out.get("text", "")) for out in outputs)
    assert f"3 référentiel(s) in {output_env.resolve()}" in text
    html = "".join(str(out.get("data", {}).get("text/html", "")) for out in outputs)
    for name in sorted(p.stem for p in output_env.rglob("*.json")):
        assert name in html  # the per-document counts table names every document
    images = [out for out in outputs if "image/png" in out.get("data", {})]
    assert len(images) == 1  # the compétences-per-bloc chart
