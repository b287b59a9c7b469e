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
