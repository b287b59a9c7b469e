"""Decode text input whatever its encoding: UTF-8 (with or without BOM), UTF-16, cp1252/latin-1.

French text files come as UTF-8 (sometimes with a BOM), as Windows-1252 or
ISO-8859-1 from older Windows tools, and now and then as a mix of both (two files
pasted together). The rules, in order:

1. a byte-order mark decides (UTF-8, UTF-16 or UTF-32);
2. without one, the zero bytes of UTF-16 or UTF-32 text give it away (every other
   byte, or three bytes in four, are zero for Latin text);
3. valid UTF-8 is UTF-8;
4. mostly UTF-8 with some bytes that are not (a mix): UTF-8, the stray bytes read as cp1252;
5. anything else is cp1252 — a superset of latin-1's printable range, which is what
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
    (b"\xff\xfe\x00\x00", "utf-32"),  # before UTF-16's, which it starts with
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_SAMPLE = 4096  # bytes looked at for the zero-byte pattern of UTF-16/32 without a BOM
_ZERO_SHARE = 0.7  # share of zero bytes at the positions a wide encoding leaves zero
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

    ``encoding`` is ``utf-8``, ``utf-8-sig``, ``utf-16``, ``utf-32`` (with a BOM),
    ``utf-16-le``/``-be``, ``utf-32-le``/``-be`` (without), ``cp1252`` or
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


def _is_utf32(data: bytes) -> bool:
    """``FF FE 00 00`` also starts UTF-16 text whose first character is NUL: UTF-32 only
    when a character follows the BOM and the whole reads as UTF-32."""
    if len(data) < 8 or len(data) % 4:
        return False
    try:
        data.decode("utf-32")
    except UnicodeDecodeError:
        return False
    return True


def wide_encoding(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` or ``utf-32-le``/``-be`` when ``data`` (without a BOM) has the
    zero bytes of Latin text in that encoding; None otherwise."""
    sample = data[: _SAMPLE - _SAMPLE % 4]
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    quarters = [sample[i::4].count(0) / len(sample[i::4]) for i in range(4)]
    high = [share >= _ZERO_SHARE for share in quarters]
    low = [share < 1 - _ZERO_SHARE for share in quarters]
    if low[0] and all(high[1:]):
        return "utf-32-le"
    if all(high[:3]) and low[3]:
        return "utf-32-be"
    if low[0] and high[1] and low[2] and high[3]:
        return "utf-16-le"
    if high[0] and low[1] and high[2] and low[3]:
        return "utf-16-be"
    return None


def _encoding_of(data: bytes) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom) and (name != "utf-32" or _is_utf32(data)):
            return name
    wide = wide_encoding(data)
    if wide is not None:
        return wide
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
