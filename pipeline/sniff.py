"""Detect an input's real kind from its bytes (extensions can lie).

A PDF named ``.docx`` is read as a PDF, a DOCX named ``.pdf`` as a DOCX; the
extension only decides between text, Markdown and HTML, and is what a file whose
content matches no format is judged against (extensions: :mod:`referentiel.formats`).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from .errors import CorruptFile, EmptyFile, UnreadableFile, UnsupportedFormat
from .formats import Format, by_extension
from .textio import wide_encoding

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BMP_HEADER_SIZES = {12, 16, 40, 52, 56, 64, 108, 124}
_TEXTUAL = (Format.TEXT, Format.MARKDOWN, Format.HTML)


def detect(path: Path) -> Format:
    """The format of the file at ``path``, from its bytes (refused with a reason when none)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(2048)
    except OSError as err:
        raise UnreadableFile(path, f"cannot read file ({err.strerror or err})") from err
    if not head:
        raise EmptyFile(path, "file is empty (0 bytes)")
    suffix = path.suffix.lower()
    named = by_extension(suffix)
    if head.startswith(b"%PDF") or (named is Format.PDF and b"%PDF-" in head[:1024]):
        return Format.PDF
    if _is_image(head):
        return Format.IMAGE
    if head.startswith(_OLE_MAGIC):
        return Format.LEGACY_OFFICE
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(path)
    if (
        b"\x00" in head
        and not head.startswith((b"\xff\xfe", b"\xfe\xff"))
        and not wide_encoding(head)
    ):
        raise UnsupportedFormat(path, "binary file of an unknown format")
    if named is Format.HTML or head.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        return Format.HTML
    if named is not None and named not in _TEXTUAL:
        raise UnsupportedFormat(path, f"content is not a {suffix[1:].upper()} file (plain text?)")
    return Format.MARKDOWN if named is Format.MARKDOWN else Format.TEXT


def _is_image(head: bytes) -> bool:
    if head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return True
    if head.startswith((b"GIF87a", b"GIF89a")):
        return True
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return True
    # "BM" alone starts many text files: also require a BMP info-header size.
    return head.startswith(b"BM") and int.from_bytes(head[14:18], "little") in _BMP_HEADER_SIZES


def _zip_kind(path: Path) -> Format:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except Exception as err:  # zipfile raises many types on a damaged directory
        raise CorruptFile(path, f"broken zip container ({err})") from err
    if "word/document.xml" in names:
        return Format.DOCX
    if "mimetype" in names and "content.xml" in names:
        return Format.LEGACY_OFFICE
    if any(name.startswith("xl/") for name in names):
        raise UnsupportedFormat(path, "Excel workbook, not a Word document")
    if any(name.startswith("ppt/") for name in names):
        raise UnsupportedFormat(path, "PowerPoint presentation, not a Word document")
    if "[Content_Types].xml" in names or any(name.startswith("word/") for name in names):
        raise CorruptFile(path, "Word file without word/document.xml (damaged document)")
    raise UnsupportedFormat(path, "zip archive that is not a Word or OpenDocument file")
