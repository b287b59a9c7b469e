"""Detect an input's real kind from its bytes (extensions can lie)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from .errors import CorruptFile, EmptyFile, UnsupportedFormat

_IMAGE_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"II*\x00",
    b"MM\x00*",
    b"BM",
    b"GIF8",
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".csv", ""}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def detect(path: Path) -> str:
    """Return ``text``, ``html``, ``docx``, ``legacy_office``, ``pdf`` or ``image``."""
    try:
        with path.open("rb") as handle:
            head = handle.read(2048)
    except OSError as err:
        raise UnsupportedFormat(path, f"cannot read file ({err.strerror})") from err
    if not head:
        raise EmptyFile(path, "file is empty (0 bytes)")
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(_IMAGE_MAGIC) or head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image"
    if head.startswith(_OLE_MAGIC):
        return "legacy_office"
    if head.startswith(b"PK"):
        return _zip_kind(path)
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedFormat(path, "binary file of an unknown format")
    suffix = path.suffix.lower()
    if suffix in _HTML_SUFFIXES or head.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    if suffix in _TEXT_SUFFIXES or suffix not in {".pdf", ".docx", ".doc", ".odt"}:
        return "text"
    raise UnsupportedFormat(path, f"content does not match its {suffix} extension")


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError) as err:
        raise CorruptFile(path, f"broken zip container ({err})") from err
    if "word/document.xml" in names:
        return "docx"
    if "mimetype" in names and "content.xml" in names:
        return "legacy_office"
    if "[Content_Types].xml" in names:
        raise CorruptFile(path, "Office file without word/document.xml (not a Word document)")
    raise UnsupportedFormat(path, "zip archive that is not a Word or OpenDocument file")
