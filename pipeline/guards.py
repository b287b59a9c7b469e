"""Cheap checks run before a backend touches a file, and the error mapping after.

Every check reads as little as it can (a header, a zip's central directory, a PDF's
cross-reference table) and raises a :class:`~referentiel.errors.ReferentielError`
naming the file and the reason, so that hostile input is refused before a backend
inflates, decodes or renders it:

- :func:`check_file`: the path is a readable regular file within ``max_file_bytes``;
- :func:`check_content`: per format — zip containers (member count, declared
  inflated size and compression ratio, XML members declaring a DTD), PDFs
  (truncation, encryption, no page, page count), images (pixel count from the header);
- :func:`as_project_error`: any other exception a backend raised on a file becomes
  the project's error type for it, so the user never sees a traceback.
"""

from __future__ import annotations

import codecs
import itertools
import json
import mmap
import os
import re
import stat
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    LimitExceeded,
    ReferentielError,
    UnreadableFile,
)
from .options import Limits

_XML_PIECE = 256 * 1024  # XML members are inflated and scanned this much at a time
_DTD = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DTD_OVERLAP = 64  # characters kept between pieces, so a split "<!DOCTYPE" is still seen
_XML_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)
# Which of the first four bytes are zero, for "<" or a blank in each encoding without a BOM.
_XML_ZEROS: dict[tuple[bool, ...], str] = {
    (True, True, True, False): "utf-32-be",
    (False, True, True, True): "utf-32-le",
    (True, False, True, False): "utf-16-be",
    (False, True, False, True): "utf-16-le",
}
_SUSPICIOUS_RATIO = 200  # Word XML deflates ~10:1, images ~1:1; zeros 1000:1
_SUSPICIOUS_MIN_BYTES = 50 * 2**20  # …so a high ratio on a member this large is a bomb
_SURROGATE = re.compile("[\ud800-\udfff]")
_TEXT_PIECE = 1 << 20
_LINE_END = re.compile(rb"[\r\n]")
_PDF_STREAM = re.compile(rb"stream\r?\n")
_PDF_PIECE = 1 << 20  # PDF streams are inflated this much at a time, then dropped


def check_file(path: Path, limits: Limits) -> int:
    """Check ``path`` is a regular, readable, non-empty file within the size limit."""
    try:
        info = path.stat()
    except FileNotFoundError as err:
        raise UnreadableFile(path, "no such file") from err
    except OSError as err:
        raise UnreadableFile(path, f"cannot read file ({err.strerror or err})") from err
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile(path, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile(path, "not a regular file (device, FIFO or socket)")
    if not os.access(path, os.R_OK):
        raise UnreadableFile(path, "permission denied")
    if info.st_size == 0:
        raise EmptyFile(path, "file is empty (0 bytes)")
    if info.st_size > limits.max_file_bytes:
        raise LimitExceeded(
            path,
            f"file is {_mib(info.st_size)}, over the {_mib(limits.max_file_bytes)} limit"
            " (--max-file-mb)",
        )
    return info.st_size


def check_content(path: Path, kind: str, limits: Limits) -> None:
    """Format-specific checks for a file ``referentiel.sniff.detect`` called ``kind``."""
    if kind in {"docx", "legacy_office"} and zipfile.is_zipfile(path):
        check_zip(path, limits)
    elif kind == "pdf":
        check_pdf(path, limits)
    elif kind == "image":
        check_image(path, limits)
    elif kind in {"text", "markdown"}:
        check_text(path, limits)


# ---------------------------------------------------------------- text


def check_text(path: Path, limits: Limits) -> None:
    """Refuse a text file with a line longer than ``max_line_bytes`` (no document has one;
    every reading stage would hold it whole, several times over)."""
    longest = run = 0
    with path.open("rb") as handle:
        for piece in iter(lambda: handle.read(_TEXT_PIECE), b""):
            lines = _LINE_END.split(piece)
            if len(lines) == 1:
                run += len(piece)
            else:
                longest = max(longest, run + len(lines[0]), *(len(line) for line in lines[1:-1]))
                run = len(lines[-1])
            if max(longest, run) > limits.max_line_bytes:
                raise LimitExceeded(
                    path,
                    f"a line is longer than {_mib(limits.max_line_bytes)}, the limit for text"
                    " files (not a document?)",
                )


# ---------------------------------------------------------------- zip containers


def check_zip(path: Path, limits: Limits) -> None:
    """Refuse a zip bomb from its central directory, before inflating anything.

    Then read every member that holds XML, whatever its name (``word/evil.dat``
    is parsed if a relationship names it) and encoding (UTF-8, UTF-16 or UTF-32,
    with or without a byte-order mark), inflating it in small pieces: one that
    expands past ``max_xml_bytes`` is refused, and so is one that declares a DTD
    or entities anywhere — Office documents never do, and a DTD is how
    entity-expansion (billion laughs) and external-entity (XXE) attacks are
    written. The XML parser is hardened as well (no entity expansion, no DTD
    loading, no network: ``backends.docx_xml``).
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_zip_sizes(path, members, limits)
            for member in members:
                if not member.is_dir():
                    _check_xml_member(path, archive, member, limits)
    except ReferentielError:
        raise
    except Exception as err:  # zipfile and zlib raise many types on damaged data
        raise CorruptFile(path, f"broken zip container ({_one_line(err)})") from err


def _check_zip_sizes(path: Path, members: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(members) > limits.max_zip_members:
        raise LimitExceeded(
            path, f"zip holds {len(members)} members, over the {limits.max_zip_members} limit"
        )
    total = sum(member.file_size for member in members)
    if total > limits.max_inflated_bytes:
        raise LimitExceeded(
            path,
            f"zip would inflate to {_mib(total)}, over the {_mib(limits.max_inflated_bytes)}"
            " limit (zip bomb?)",
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _SUSPICIOUS_MIN_BYTES and ratio > _SUSPICIOUS_RATIO:
            raise LimitExceeded(
                path,
                f"zip member {member.filename} inflates {ratio:.0f}× to {_mib(member.file_size)}"
                " (zip bomb?)",
            )


def _check_xml_member(
    path: Path, archive: zipfile.ZipFile, member: zipfile.ZipInfo, limits: Limits
) -> None:
    with archive.open(member) as handle:
        head = handle.read(_XML_PIECE)
        encoding = xml_encoding(head)
        if encoding is None:
            return  # not XML (an image, a font): never parsed as XML
        decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        size, tail, piece = 0, "", head
        while piece:
            size += len(piece)
            if size > limits.max_xml_bytes:
                raise LimitExceeded(
                    path,
                    f"{member.filename} expands past the {_mib(limits.max_xml_bytes)} limit"
                    " for one XML part (XML bomb?)",
                )
            text = tail + decoder.decode(piece)
            if _DTD.search(text):
                raise CorruptFile(
                    path,
                    f"{member.filename} declares a DTD or entities, which Office files never"
                    " do (XML entity attack?); refused",
                )
            tail = text[-_DTD_OVERLAP:]
            piece = handle.read(_XML_PIECE)


def xml_encoding(head: bytes) -> str | None:
    """The encoding of XML starting with ``head`` (from a BOM or the zero bytes around the
    first character, as XML 1.0 appendix F says), None when it does not start like XML."""
    encoding = next((name for bom, name in _XML_BOMS if head.startswith(bom)), None)
    if encoding is None:
        zeros = tuple(byte == 0 for byte in head[:4])
        encoding = _XML_ZEROS.get(zeros, "utf-8")
    start = head[:64].decode(encoding, errors="replace").lstrip("\ufeff \t\r\n")
    return encoding if start.startswith("<") else None


# ---------------------------------------------------------------- PDF


def check_pdf(path: Path, limits: Limits) -> int:
    """Refuse truncated, password-protected, empty, over-long PDFs and decompression bombs.

    Returns the page count.
    """
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if data.rfind(b"%%EOF") < 0:
            raise CorruptFile(path, "truncated PDF (no %%EOF end marker)")
        pages = _pdf_page_count(path)
        if pages == 0:
            raise EmptyFile(path, "PDF has no pages")
        if pages > limits.max_pages:
            raise LimitExceeded(
                path,
                f"PDF has {pages} pages, over the {limits.max_pages}-page limit (--max-pages)",
            )
        check_pdf_streams(path, data, pages, limits)
    return pages


def check_pdf_streams(path: Path, data: mmap.mmap | bytes, pages: int, limits: Limits) -> None:
    """Inflate every Flate stream of a PDF in small pieces, keeping nothing, and refuse a
    stream that decodes past ``max_stream_bytes`` or a file whose streams decode past that
    much per page on average (a 2 MB file can hold gigabytes of zeros)."""
    budget = limits.max_stream_bytes * pages
    total = 0
    for match in _PDF_STREAM.finditer(data):
        if data[max(0, match.start() - 3) : match.start()] == b"end":
            continue  # "endstream"
        room = min(limits.max_stream_bytes, budget - total)
        size = _inflated_size(data, match.end(), room + 1)
        if size > limits.max_stream_bytes:
            raise LimitExceeded(
                path,
                f"a PDF stream decodes past the {_mib(limits.max_stream_bytes)} limit"
                " (decompression bomb?)",
            )
        total += size
        if total > budget:
            raise LimitExceeded(
                path,
                f"PDF streams decode past {_mib(budget)} ({_mib(limits.max_stream_bytes)} per"
                " page; decompression bomb?)",
            )


def _inflated_size(data: mmap.mmap | bytes, start: int, most: int) -> int:
    """Bytes the zlib stream at ``data[start:]`` inflates to (a second Flate layer
    included), counting at most ``most``; 0 when it is not zlib data."""
    size = 0
    try:
        for piece in _inflate(_pieces(data, start)):
            size += len(piece)
            if size >= most:
                break
    except zlib.error:
        pass  # not Flate (DCT, JBIG2…) or damaged: the parser decides
    return size


def _pieces(data: mmap.mmap | bytes, start: int) -> Iterator[bytes]:
    """``data[start:]`` in pieces, the first one small: most streams are short or not zlib."""
    yield data[start : start + 1024]
    for offset in range(start + 1024, len(data), _PDF_PIECE):
        yield data[offset : offset + _PDF_PIECE]


def _inflate(pieces: Iterator[bytes], nested: bool = True) -> Iterator[bytes]:
    """Inflate a zlib stream piece by piece; output that is itself zlib is inflated too."""
    inflater = zlib.decompressobj()
    outputs = _inflate_one(inflater, pieces)
    first = next(outputs, b"")
    if nested and _looks_zlib(first):
        yield from _inflate(itertools.chain([first], outputs), nested=False)
        return
    yield first
    yield from outputs


def _inflate_one(inflater: Any, pieces: Iterator[bytes]) -> Iterator[bytes]:
    for piece in pieces:
        out = inflater.decompress(piece, _PDF_PIECE)
        while True:
            if out:
                yield out
            if inflater.eof or not inflater.unconsumed_tail:
                break
            out = inflater.decompress(inflater.unconsumed_tail, _PDF_PIECE)
        if inflater.eof:
            return


def _looks_zlib(head: bytes) -> bool:
    return len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0


def intact_revision(path: Path) -> bytes | None:
    """The bytes of the PDF up to its last revision PDFium opens, when the whole file does
    not open (a broken update appended to a sound document); None when none does."""
    import pypdfium2 as pdfium

    data = path.read_bytes()
    end = data.rfind(b"%%EOF")
    while (end := data.rfind(b"%%EOF", 0, end)) >= 0:
        revision = data[: end + len(b"%%EOF")] + b"\n"
        try:
            document = pdfium.PdfDocument(revision)
        except pdfium.PdfiumError:
            continue
        try:
            if len(document) > 0:
                return revision
        finally:
            document.close()
    return None


def _pdf_page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as err:
        # PDFium's error code is global and can be stale: ask pdfminer why.
        return _pdf_page_count_pdfminer(path, str(err))
    try:
        return len(document)
    finally:
        document.close()


def _pdf_page_count_pdfminer(path: Path, pdfium_reason: str) -> int:
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    reason = re.sub(r"^Failed to load document \(PDFium: (.*)\)\.?$", r"\1", pdfium_reason)
    try:
        with path.open("rb") as handle:
            document = PDFDocument(PDFParser(handle))
            pages = resolve1(resolve1(document.catalog.get("Pages")) or {}).get("Count")
    except PDFPasswordIncorrect as err:
        raise EncryptedFile(path, "PDF is password-protected") from err
    except Exception as err:
        raise CorruptFile(path, f"cannot open PDF ({reason.lower()})") from err
    if pages == 0:
        return 0
    raise CorruptFile(path, f"cannot open PDF ({reason.lower()})")


# ---------------------------------------------------------------- images


def check_image(path: Path, limits: Limits) -> None:
    """Read an image's dimensions from its header and refuse a decompression bomb."""
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = limits.max_image_pixels  # Pillow's own check: the same limit
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                frames = getattr(image, "n_frames", 1)
    except Image.DecompressionBombError as err:
        match = re.search(r"\((\d+) pixels\)", str(err))
        pixels = int(match.group(1)) if match else None
        raise LimitExceeded(path, _pixels_reason(pixels, limits)) from err
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as err:
        raise CorruptFile(path, f"cannot read image ({err})") from err
    if width * height > limits.max_image_pixels:
        raise LimitExceeded(path, _pixels_reason(width * height, limits, (width, height)))
    if frames > limits.max_pages:
        raise LimitExceeded(
            path, f"image has {frames} pages, over the {limits.max_pages}-page limit (--max-pages)"
        )


def _pixels_reason(pixels: int | None, limits: Limits, size: tuple[int, int] | None = None) -> str:
    what = f"{size[0]}×{size[1]} = {pixels} pixels" if size else f"{pixels or 'too many'} pixels"
    return f"image is {what}, over the {limits.max_image_pixels}-pixel limit (decompression bomb?)"


# ---------------------------------------------------------------- JSON inputs


def read_json(path: Path, limits: Limits) -> Any:
    """A JSON file others wrote (``diff``, ``evaluate``, ``export`` inputs), through the same
    file guards as ``extract``; a ``CorruptFile`` for anything that is not sound JSON
    (nesting too deep, integers over 4 300 digits, bytes that are not UTF-8)."""
    check_file(path, limits)
    try:
        text = path.read_bytes().decode("utf-8")
        data = json.loads(text)
    except (UnicodeDecodeError, ValueError, RecursionError) as err:
        raise CorruptFile(path, f"not valid JSON ({_one_line(err)[:120]})") from err
    except OSError as err:
        raise UnreadableFile(path, f"cannot read file ({err.strerror or err})") from err
    return data


def has_lone_surrogate(data: Any) -> bool:
    """Whether a string anywhere in ``data`` holds a lone surrogate (a ``\\udcXX`` escape
    of a file-name byte that is not UTF-8, or a broken pair): no UTF-8 writer takes it."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


# ---------------------------------------------------------------- error mapping


def as_project_error(path: Path, kind: str, err: BaseException) -> ReferentielError:
    """The project error for an unexpected exception a backend raised while reading ``path``."""
    if isinstance(err, ReferentielError):
        return err
    if isinstance(err, MemoryError):
        return LimitExceeded(path, f"ran out of memory reading the {kind} file")
    if type(err).__name__ == "DecompressionBombError":
        return LimitExceeded(path, f"image over the pixel limit ({_one_line(err)})")
    if isinstance(err, RecursionError):
        return CorruptFile(path, f"{kind} structure nested too deeply to read")
    if type(err).__name__ in {"PDFPasswordIncorrect", "PDFEncryptionError"}:
        return EncryptedFile(path, "PDF is password-protected")
    detail = _one_line(err) or type(err).__name__
    return CorruptFile(path, f"cannot read as {kind}: {detail}")


def _one_line(err: BaseException) -> str:
    text = " ".join(str(err).split())
    return text if len(text) <= 200 else text[:197] + "…"


def _mib(size: int) -> str:
    """A byte count for people: ``2048.9 MiB``, ``9.8 KiB``, ``12 bytes``."""
    if size >= 2**20:
        return f"{size / 2**20:.1f} MiB"
    if size >= 2**10:
        return f"{size / 2**10:.1f} KiB"
    return f"{size} bytes"
