"""The input formats: one vocabulary for detection, batch discovery, backends and the output.

Each :class:`Format` owns its file extensions, its MIME types, the backend module
that reads it and the value reported in the output's ``source.format`` (the
contract's pdf | docx | image | text | html: a .doc/.odt is reported as the
DOCX it is converted to, Markdown as text).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class _Spec:
    extensions: tuple[str, ...]
    mime_types: tuple[str, ...]
    backend: str  # module of referentiel.backends
    reported: str  # source.format in the output


class Format(StrEnum):
    """What an input file is (decided from its bytes by :func:`referentiel.sniff.detect`)."""

    PDF = "pdf"
    DOCX = "docx"
    LEGACY_OFFICE = "legacy_office"  # .doc / .odt: converted by LibreOffice, then read as DOCX
    IMAGE = "image"
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"

    @property
    def extensions(self) -> tuple[str, ...]:
        """File extensions (lower case, with the dot) of this format."""
        return _SPECS[self].extensions

    @property
    def mime_types(self) -> tuple[str, ...]:
        """MIME types of this format, the usual one first."""
        return _SPECS[self].mime_types

    @property
    def backend(self) -> str:
        """The module of :mod:`referentiel.backends` that reads this format."""
        return _SPECS[self].backend

    @property
    def reported(self) -> str:
        """The output's ``source.format`` for a file of this format."""
        return _SPECS[self].reported


_SPECS = {
    Format.PDF: _Spec((".pdf",), ("application/pdf",), "pdf", "pdf"),
    Format.DOCX: _Spec(
        (".docx",),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",),
        "docx",
        "docx",
    ),
    Format.LEGACY_OFFICE: _Spec(
        (".doc", ".odt"),
        ("application/msword", "application/vnd.oasis.opendocument.text"),
        "docx",
        "docx",
    ),
    Format.IMAGE: _Spec(
        (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".gif", ".webp", ".bmp"),
        ("image/png", "image/jpeg", "image/tiff", "image/gif", "image/webp", "image/bmp"),
        "ocr",
        "image",
    ),
    Format.TEXT: _Spec((".txt", ".text"), ("text/plain",), "text", "text"),
    Format.MARKDOWN: _Spec((".md", ".markdown"), ("text/markdown",), "text", "text"),
    Format.HTML: _Spec(
        (".html", ".htm", ".xhtml"), ("text/html", "application/xhtml+xml"), "text", "html"
    ),
}

#: Every extension a supported input may have (batch discovery).
SUPPORTED_EXTENSIONS = frozenset(ext for spec in _SPECS.values() for ext in spec.extensions)


def by_extension(suffix: str) -> Format | None:
    """The format a file extension (``".PDF"``, ``".md"``) names, or None."""
    suffix = suffix.lower()
    return next((f for f in Format if suffix in f.extensions), None)
