"""Shared test paths: the bundled sample référentiels and their reference JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
GOLD = Path(__file__).resolve().parent / "data" / "gold"
CORPUS = sorted(p.name.removesuffix(".gold.json") for p in GOLD.glob("*.gold.json"))


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
    from pipeline.api import extract
    from pipeline.output import write_json

    out = tmp_path_factory.mktemp("extracted")
    for n, name in enumerate(CORPUS):
        folder = out / "nested" if n % 2 else out
        write_json(extract(SOURCES / f"{name}.txt"), folder / f"{name}.json")
    return out
