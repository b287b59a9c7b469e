"""Decode text input whatever its encoding: UTF-8 (with or without BOM), UTF-16, cp1252/latin-1.

French text files come as UTF-8 (sometimes with a BOM), as Windows-1252 or
ISO-8859-1 from older Windows tools, and now and then as a mix of both (two files
pasted together). The rules, in order:

1. a byte-order mark decides (UTF-8 or UTF-16);
2. valid UTF-8 is UTF-8;
3. mostly UTF-8 with some bytes that are not (a mix): UTF-8, the stray bytes read as cp1252;
4. anything else is cp1252 — a superset of latin-1's printable range, which is what
   French Windows writes; the five bytes cp1252 leaves undefined are read as latin-1.

Line ends are normalised to ``\\n`` and a leading BOM character dropped.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from .errors import EmptyFile, UnsupportedFormat

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# A well-formed multi-byte UTF-8 sequence (2, 3 or 4 bytes).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_LEGACY = "cp1252"
_MIXED = "utf-8+cp1252"


def _legacy_fallback(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read the bytes that are not UTF-8 (or not cp1252) one by one."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad = err.object[err.start : err.end]
    return "".join(_legacy_char(bytes([byte])) for byte in bad), err.end


def _legacy_char(byte: bytes) -> str:
    try:
        return byte.decode(_LEGACY)
    except UnicodeDecodeError:
        return byte.decode("latin-1")


codecs.register_error("referentiel-legacy", _legacy_fallback)


def decode(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Return ``(text, encoding)``; line ends are normalised to ``\\n``.

    ``encoding`` is ``utf-8``, ``utf-8-sig``, ``utf-16``, ``cp1252`` or
    ``utf-8+cp1252`` (UTF-8 with stray cp1252 bytes).
    """
    encoding = _encoding_of(data)
    try:
        if encoding in {_LEGACY, _MIXED}:
            codec = "utf-8" if encoding == _MIXED else _LEGACY
            text = data.decode(codec, errors="referentiel-legacy")
        else:
            text = data.decode(encoding)
    except UnicodeDecodeError as err:  # e.g. UTF-16 with an odd number of bytes
        raise UnsupportedFormat(path, f"not valid {encoding} text ({err.reason})") from err
    text = text.lstrip("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def read_text(path: Path) -> tuple[str, str]:
    """Read and decode a text file; raise ``EmptyFile`` when it holds no text."""
    text, encoding = decode(path.read_bytes(), path)
    if not text.strip():
        raise EmptyFile(path, "file holds no text")
    return text, encoding


def _encoding_of(data: bytes) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    # Mixed when well-formed UTF-8 sequences outnumber the bytes that are not UTF-8;
    # a cp1252 file only matches a UTF-8 sequence by accident ("Ã©"), and rarely.
    utf8 = len(_UTF8_SEQUENCE.findall(data))
    stray = data.decode("utf-8", errors="replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")
    return _MIXED if utf8 >= stray else _LEGACY
