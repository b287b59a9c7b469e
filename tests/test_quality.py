"""Quality gates: lint and format, types, module length, CLI help, README coverage.

ruff and mypy run as subprocesses with the configuration in ``pyproject.toml``,
over the same files as CI, so a lint or type error fails the suite.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest
from fixtures.paths import ROOT
from referentiel.cli import build_parser

BIN = Path(sys.executable).parent
MAX_MODULE_LINES = 600  # docling checks a cap like this in CI


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )


def _subcommands() -> dict[str, tuple[str | None, argparse.ArgumentParser]]:
    """Every subcommand: name → (its help line in ``referentiel --help``, its parser)."""
    parser = build_parser()
    (action,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {choice.dest: choice.help for choice in action._choices_actions}
    return {name: (helps.get(name), sub) for name, sub in action.choices.items()}


COMMANDS = sorted(_subcommands())


@pytest.mark.parametrize(
    "command",
    [("ruff", "check", "."), ("ruff", "format", "--check", ".")],
    ids=["ruff-check", "ruff-format"],
)
def test_quality_ruff_clean(command: tuple[str, ...]) -> None:
    result = _run(str(BIN / command[0]), *command[1:])
    assert result.returncode == 0, result.stdout + result.stderr


def test_quality_mypy_clean() -> None:
    result = _run(str(BIN / "mypy"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_quality_no_module_over_the_length_cap() -> None:
    lengths = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in (ROOT / "pipeline").rglob("*.py")
    }
    assert lengths
    assert {p: n for p, n in lengths.items() if n > MAX_MODULE_LINES} == {}


def test_quality_cli_has_the_expected_commands() -> None:
    assert {"extract", "batch", "schema", "evaluate", "diff", "export", "search"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_quality_cli_command_has_help_and_example(name: str) -> None:
    help_line, parser = _subcommands()[name]
    assert help_line and help_line.strip()
    assert parser.epilog and parser.epilog.startswith(("example:", "examples:"))


@pytest.mark.parametrize("name", COMMANDS)
def test_quality_readme_mentions_every_command(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"referentiel {name}" in readme, f"README.md never shows 'referentiel {name}'"
