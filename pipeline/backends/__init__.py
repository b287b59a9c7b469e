"""Input backends: one module per format, each exposing ``parse(path, options) -> Document``.

:func:`pipeline.sniff.detect` decides the format from the file's bytes; the
registry below maps that format to the backend module that reads it.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Protocol

from ..docmodel import Document
from ..options import Options


class Backend(Protocol):
    """What every backend module provides."""

    def parse(self, path: Path, options: Options) -> Document: ...


BACKENDS: dict[str, str] = {
    "text": "text",
    "html": "text",
    "docx": "docx",
    "legacy_office": "docx",  # .doc / .odt: converted by LibreOffice, then read as DOCX
    "pdf": "pdf",
    "image": "ocr",
}


def backend_for(kind: str) -> Backend:
    """The backend module for a detected file kind."""
    module: Backend = importlib.import_module(f"{__name__}.{BACKENDS[kind]}")
    return module
