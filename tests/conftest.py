"""Shared test paths (the bundled samples, their reference JSON), the hostile files, hang guard."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures.paths import GOLD, SOURCES

CORPUS = sorted(p.name.removesuffix(".gold.json") for p in GOLD.glob("*.gold.json"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "hang_limit(seconds): fail a test still running after that many seconds"
    )


@pytest.fixture(autouse=True)
def hang_limit(request: pytest.FixtureRequest) -> Iterator[None]:
    """Under ``@pytest.mark.hang_limit(seconds)``: a SIGALRM turns a hang (a bomb being
    inflated, a regular-expression blow-up) into a failure instead of a stuck suite."""
    marker = request.node.get_closest_marker("hang_limit")
    if marker is None:
        yield
        return
    seconds = marker.args[0]

    def _timeout(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(seconds)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    return SOURCES


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return GOLD


@pytest.fixture(scope="session")
def extracted_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A batch-like output folder: the text samples run through the real pipeline.

    One JSON per sample, written with ``write_json``; every other one in a
    sub-folder, as a batch mirrors the source tree.
    """
    from referentiel.api import extract
    from referentiel.output import write_json

    out = tmp_path_factory.mktemp("extracted")
    for n, name in enumerate(CORPUS):
        folder = out / "nested" if n % 2 else out
        write_json(extract(SOURCES / f"{name}.txt"), folder / f"{name}.json")
    return out


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every hostile file (``fixtures/make_hostile_files.py``) by case name, built once."""
    from fixtures.make_hostile_files import build

    return build(tmp_path_factory.mktemp("hostile"))
