"""Decode text input whatever its encoding: UTF-8 (with or without BOM), UTF-16, cp1252/latin-1."""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from .errors import EmptyFile, UnsupportedFormat

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Return ``(text, encoding)``; line ends are normalised to ``\\n``."""
    encoding = _encoding_of(data, path)
    text = data.decode(encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def read_text(path: Path) -> tuple[str, str]:
    """Read and decode a text file; raise ``EmptyFile`` when it holds no text."""
    text, encoding = decode(path.read_bytes(), path)
    if not text.strip():
        raise EmptyFile(path, "file holds no text")
    return text, encoding


def _encoding_of(data: bytes, path: str | Path) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15", "mac_roman"]).best()
    if best is None:
        raise UnsupportedFormat(path, "not text in a known encoding")
    # cp1252 is a superset of latin-1's printable range and is what French Windows writes.
    return "cp1252" if best.encoding in {"latin_1", "iso8859_15"} else best.encoding
