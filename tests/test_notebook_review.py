"""The review notebook executes on a freshly extracted output folder (so it never rots)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jupytext
import pytest
from nbclient import NotebookClient
from referentiel.cli import main

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "review.py"


def _execute(
    output: Path | None, monkeypatch: pytest.MonkeyPatch, cwd: Path = NOTEBOOK.parent
) -> list[Any]:
    """Run the notebook on ``output`` (None: its default folder) in ``cwd``; its outputs."""
    if output is None:
        monkeypatch.delenv("REFERENTIEL_OUTPUT", raising=False)
    else:
        monkeypatch.setenv("REFERENTIEL_OUTPUT", str(output))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    notebook = jupytext.read(NOTEBOOK)
    client = NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
    )
    client.execute()
    outputs = [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.get("output_type") == "error"]
    return outputs


def _html(outputs: list[Any]) -> str:
    return "".join(str(out.get("data", {}).get("text/html", "")) for out in outputs)


def test_notebook_review_executes(extracted_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outputs = _execute(extracted_dir, monkeypatch)
    text = "".join(str(out.get("text", "")) for out in outputs)
    assert f"3 référentiel(s) in {extracted_dir.resolve()}" in text
    html = _html(outputs)
    for name in sorted(p.stem for p in extracted_dir.rglob("*.json")):
        assert name in html  # the per-document counts table names every document
    images = [out for out in outputs if "image/png" in out.get("data", {})]
    assert len(images) == 1  # the compétences-per-bloc chart


def test_notebook_review_shows_batch_failures(
    sources_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a real batch output (run.csv present), the failed file is listed with its reason."""
    src = tmp_path / "src"
    src.mkdir()
    sample = sorted(sources_dir.glob("*.txt"))[0]
    shutil.copy(sample, src / sample.name)
    (src / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert main(["batch", str(src), str(out), "--jobs", "1", "--no-progress"]) == 1
    html = _html(_execute(out, monkeypatch))
    assert "empty.txt" in html and "failed" in html and "file is empty" in html
    assert sample.name in html


def test_notebook_review_finds_output_from_the_notebooks_folder(
    extracted_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Jupyter starts the kernel in notebooks/: the default folder is ../output there."""
    shutil.copytree(extracted_dir, tmp_path / "output")
    (tmp_path / "notebooks").mkdir()
    outputs = _execute(None, monkeypatch, cwd=tmp_path / "notebooks")
    text = "".join(str(out.get("text", "")) for out in outputs)
    assert f"3 référentiel(s) in {(tmp_path / 'output').resolve()}" in text


def test_notebook_review_one_bar_per_bloc(
    extracted_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two documents with one file name and the same bloc codes keep a bar each."""
    one = next(extracted_dir.glob("*.json"))
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(one, tmp_path / folder / one.name)
    data = json.loads(one.read_text("utf-8"))
    data["source"]["sha256"] = "0" * 64  # the same référentiel from another file
    (tmp_path / "b" / one.name).write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    text = "".join(str(out.get("text", "")) for out in _execute(tmp_path, monkeypatch))
    bars = 2 * sum(1 for bloc in data["blocs"] if bloc["competences"])
    assert f"chart: {bars} bars, {bars} distinct labels" in text
