"""Input backends: one module per format, each exposing ``parse(path, options) -> Document``.

:func:`referentiel.sniff.detect` decides the format from the file's bytes; the
format (:class:`referentiel.formats.Format`) names the backend module that reads it.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Protocol

from ..docmodel import Document
from ..formats import Format
from ..options import Options


class Backend(Protocol):
    """What every backend module provides."""

    def parse(self, path: Path, options: Options) -> Document: ...


def backend_for(kind: Format) -> Backend:
    """The backend module for a detected file format."""
    module: Backend = importlib.import_module(f"{__name__}.{kind.backend}")
    return module
