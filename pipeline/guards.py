"""Cheap checks run before a backend touches a file, and the error mapping after.

Every check reads as little as it can (a header, a zip's central directory, a PDF's
cross-reference table) and raises a :class:`~pipeline.errors.ReferentielError`
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

import os
import re
import stat
import warnings
import zipfile
from pathlib import Path

from .errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    LimitExceeded,
    ReferentielError,
    UnreadableFile,
)
from .options import Limits

_XML_HEAD_BYTES = 64 * 1024  # a DTD sits in the prolog, before the root element
_SUSPICIOUS_RATIO = 200  # Word XML deflates ~10:1, images ~1:1; zeros 1000:1
_SUSPICIOUS_MIN_BYTES = 50 * 2**20  # …so a high ratio on a member this large is a bomb
_PDF_TAIL_BYTES = 8 * 1024


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
    """Format-specific checks for a file ``pipeline.sniff.detect`` called ``kind``."""
    if kind in {"docx", "legacy_office"} and zipfile.is_zipfile(path):
        check_zip(path, limits)
    elif kind == "pdf":
        check_pdf(path, limits)
    elif kind == "image":
        check_image(path, limits)


# ---------------------------------------------------------------- zip containers


def check_zip(path: Path, limits: Limits) -> None:
    """Refuse a zip bomb from its central directory, before inflating anything.

    Then refuse XML members that declare a DTD: Office documents never carry one,
    and a DTD is how entity-expansion (billion laughs) and external-entity (XXE)
    attacks are written.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_zip_sizes(path, members, limits)
            for member in members:
                if member.filename.endswith((".xml", ".rels")):
                    _check_xml_member(path, archive, member)
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


def _check_xml_member(path: Path, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    with archive.open(member) as handle:
        head = handle.read(_XML_HEAD_BYTES)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="replace").encode("utf-8")
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise CorruptFile(
            path,
            f"{member.filename} declares a DTD or entities, which Office files never do"
            " (XML entity attack?); refused",
        )


# ---------------------------------------------------------------- PDF


def check_pdf(path: Path, limits: Limits) -> int:
    """Refuse truncated, password-protected, empty and over-long PDFs; return the page count."""
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - _PDF_TAIL_BYTES))
        tail = handle.read()
    if b"%%EOF" not in tail:
        raise CorruptFile(path, "truncated PDF (no %%EOF end marker)")
    pages = _pdf_page_count(path)
    if pages == 0:
        raise EmptyFile(path, "PDF has no pages")
    if pages > limits.max_pages:
        raise LimitExceeded(
            path, f"PDF has {pages} pages, over the {limits.max_pages}-page limit (--max-pages)"
        )
    return pages


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
