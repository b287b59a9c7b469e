"""The installed package: import name ``referentiel``, rules shipped as package data.

The wheel is built from this checkout and installed (without its dependencies, which
the test environment already has) into a folder outside the checkout; extraction then
runs from another directory, so nothing can come from the source tree by accident.
``.ci/wheel`` does the same in a fresh virtualenv with the dependencies resolved.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from fixtures.paths import ROOT


def test_packaging_lists_every_subpackage() -> None:
    """pyproject's explicit package list names every folder of pipeline/ (a new
    subpackage left out would be missing from the wheel)."""
    setup = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    folders = {
        "referentiel"
        + "".join(f".{part}" for part in init.parent.relative_to(ROOT / "pipeline").parts)
        for init in (ROOT / "pipeline").rglob("__init__.py")
    }
    assert set(setup["packages"]) == folders | {"referentiel.rulefiles"}
    assert setup["package-dir"] == {"referentiel": "pipeline", "referentiel.rulefiles": "rules"}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from this checkout and installed into a folder of its own."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation"]
        + ["-w", str(work / "dist"), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = (work / "dist").glob("referentiel-*.whl")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target"]
        + [str(work / "site"), str(wheel)],
        check=True,
        capture_output=True,
    )
    return work


def _run(installed: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(installed / "site")}
    env.pop("REFERENTIEL_RULES", None)
    return subprocess.run(
        [sys.executable, *args], cwd=installed, env=env, capture_output=True, text=True
    )


def test_packaging_wheel_ships_the_rules(installed: Path) -> None:
    shipped = sorted(p.name for p in (installed / "site" / "referentiel" / "rulefiles").glob("*"))
    assert shipped == sorted(p.name for p in (ROOT / "rules").glob("*.yaml"))
    probe = _run(
        installed,
        "-c",
        "import referentiel, referentiel.rules as r;"
        "print(referentiel.__file__); print(r.rules_dir())",
    )
    module, rules = probe.stdout.split()
    assert Path(module).is_relative_to(installed / "site")
    assert Path(rules).is_relative_to(installed / "site")


@pytest.mark.parametrize(
    "source",
    [
        ROOT / "sources" / "cqp-delegue-veterinaire.pdf",
        ROOT / "sources" / "cqp-delegue-veterinaire.scan.pdf",
    ],
    ids=["text-pdf", "scan"],
)
def test_packaging_installed_wheel_extracts(installed: Path, source: Path) -> None:
    """The installed command extracts a text PDF and a scan from another directory."""
    out = installed / f"{source.name}.json"
    run = _run(installed, "-m", "referentiel", "extract", str(source), "-o", str(out))
    assert run.returncode == 0, run.stderr
    doc = json.loads(out.read_text("utf-8"))
    assert doc["blocs"] and doc["blocs"][0]["competences"]


def test_packaging_documented_api(installed: Path) -> None:
    """``from referentiel import extract`` is the documented API."""
    source = ROOT / "sources" / "cqp-delegue-veterinaire.txt"
    code = f"from referentiel import extract; print(len(extract({str(source)!r}).blocs))"
    run = _run(installed, "-c", code)
    assert run.returncode == 0, run.stderr
    assert int(run.stdout) > 0


def test_packaging_extract_needs_no_export_extra(tmp_path: Path) -> None:
    """Extracting one file imports neither pandas nor pyarrow (the ``export`` extra)."""
    source = ROOT / "sources" / "cqp-delegue-veterinaire.txt"
    code = (
        "import sys; from referentiel.cli import main;"
        f"main(['extract', {str(source)!r}, '-o', {str(tmp_path / 'out.json')!r}]);"
        "print(sorted(m for m in ('pandas', 'pyarrow') if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.stdout.strip() == "[]", run.stderr


def test_packaging_missing_extra_is_named(tmp_path: Path) -> None:
    """Without pandas, ``export`` says which extra to install, in one line (exit 17)."""
    code = (
        "import sys; sys.modules['pandas'] = None; from referentiel.cli import main;"
        f"sys.exit(main(['export', {str(ROOT / 'output' / 'examples')!r}, '--to', 'csv',"
        f" {str(tmp_path / 'tables')!r}]))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 17
    assert "pip install 'referentiel[export]'" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_packaging_wheel_ships_the_review_page(installed: Path) -> None:
    """``referentiel review`` runs from the wheel: its templates and script are package data."""
    source = ROOT / "sources" / "cqp-delegue-veterinaire.txt"
    out = installed / "review"
    run = _run(installed, "-m", "referentiel", "review", str(source), "--no-nlp", "-o", str(out))
    assert run.returncode == 0, run.stderr
    page = (out / f"{source.name}.html").read_text("utf-8")
    assert 'id="tree"' in page and "function select(" in page
