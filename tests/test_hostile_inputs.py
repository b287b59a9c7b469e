"""Hostile and broken inputs through the Python API: each ends in the project's error.

Every refused file raises the :mod:`referentiel.errors` type for its reason, whose
message names the file and the reason on one line. A SIGALRM bound turns a hang
(a bomb being inflated, an entity being expanded) into a failure instead of a
stuck suite.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from referentiel.api import parse
from referentiel.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    LimitExceeded,
    ReferentielError,
    UnreadableFile,
    UnsupportedFormat,
)
from referentiel.options import Limits, Options

pytestmark = pytest.mark.hang_limit(60)  # generous: every refusal below takes milliseconds

# case → (error type, words the reason must contain)
REFUSED: dict[str, tuple[type[ReferentielError], str]] = {
    "empty_pdf": (EmptyFile, "empty (0 bytes)"),
    "empty_docx": (EmptyFile, "empty (0 bytes)"),
    "empty_txt": (EmptyFile, "empty (0 bytes)"),
    "truncated_pdf": (CorruptFile, "truncated PDF"),
    "header_only_pdf": (CorruptFile, "truncated PDF"),
    "broken_xref_no_pages_pdf": (CorruptFile, "cannot open PDF"),
    "encrypted_pdf": (EncryptedFile, "password-protected"),
    "zero_pages_pdf": (EmptyFile, "no pages"),
    "not_zip_docx": (UnsupportedFormat, "not a DOCX file"),
    "binary_docx": (UnsupportedFormat, "binary file"),
    "zip_not_docx": (UnsupportedFormat, "not a Word or OpenDocument file"),
    "xlsx_docx": (UnsupportedFormat, "Excel workbook"),
    "docx_no_document": (CorruptFile, "without word/document.xml"),
    "truncated_docx": (CorruptFile, "broken zip container"),
    "zip_bomb_docx": (LimitExceeded, "zip bomb"),
    "billion_laughs_docx": (CorruptFile, "word/document.xml declares a DTD"),
    "xxe_docx": (CorruptFile, "word/document.xml declares a DTD"),
    "xxe_styles_docx": (CorruptFile, "word/styles.xml declares a DTD"),
    "too_deep_docx": (CorruptFile, "Excessive depth in document"),
    "huge_png": (LimitExceeded, "decompression bomb"),
    "huge_page_pdf": (LimitExceeded, "pixel limit"),
    "broken_png": (CorruptFile, "cannot read image"),
    "text_named_pdf": (UnsupportedFormat, "not a PDF file"),
}


def assert_refused(path: Path, error: type[ReferentielError], words: str, **limits: int) -> None:
    options = Options(limits=Limits(**limits)) if limits else None
    with pytest.raises(ReferentielError) as raised:
        parse(path, options)
    err = raised.value
    assert type(err) is error, f"{path.name}: {type(err).__name__}: {err}"
    assert words in err.reason
    assert str(err) == f"{path}: {err.reason}"
    assert "\n" not in str(err)
    assert (err.status, err.exit_code) == (error.status, error.exit_code)


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_hostile_inputs_refused_with_reason(hostile: dict[str, Path], case: str) -> None:
    error, words = REFUSED[case]
    assert_refused(hostile[case], error, words)


def test_hostile_inputs_error_types_have_distinct_codes() -> None:
    types = {*(error for error, _ in REFUSED.values()), UnreadableFile}
    assert len({t.exit_code for t in types}) == len(types)
    assert len({t.status for t in types}) == len(types)


def test_hostile_inputs_missing_file(tmp_path: Path) -> None:
    assert_refused(tmp_path / "absent.pdf", UnreadableFile, "no such file")


def test_hostile_inputs_folder(tmp_path: Path) -> None:
    assert_refused(tmp_path, UnreadableFile, "is a folder")


def test_hostile_inputs_fifo_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert_refused(fifo, UnreadableFile, "not a regular file")


def test_hostile_inputs_device_is_not_read() -> None:
    assert_refused(Path("/dev/zero"), UnreadableFile, "not a regular file")


def test_hostile_inputs_symlink_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.pdf"
    loop.symlink_to(loop)
    assert_refused(loop, UnreadableFile, "symbolic links")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_hostile_inputs_unreadable(tmp_path: Path, sources_dir: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_bytes((sources_dir / "cqp-delegue-veterinaire.txt").read_bytes())
    locked.chmod(0)
    assert_refused(locked, UnreadableFile, "permission denied")


# ---------------------------------------------------------------- user-set limits


@pytest.mark.parametrize(
    ("sample", "limits", "words"),
    [
        (
            "cqp-delegue-veterinaire.pdf",
            {"max_file_bytes": 10_000},
            "85.3 KiB, over the 9.8 KiB limit",
        ),
        ("cqp-delegue-veterinaire.txt", {"max_file_bytes": 10_000}, "(--max-file-mb)"),
        ("cqp-delegue-veterinaire.pdf", {"max_pages": 3}, "11 pages, over the 3-page limit"),
        ("cqp-delegue-veterinaire.scan.pdf", {"max_pages": 10}, "over the 10-page limit"),
        ("cqp-delegue-veterinaire.docx", {"max_inflated_bytes": 100_000}, "zip would inflate"),
        ("cqp-delegue-veterinaire.docx", {"max_zip_members": 5}, "members, over the 5 limit"),
    ],
)
def test_hostile_inputs_user_limits(
    sources_dir: Path, sample: str, limits: dict[str, int], words: str
) -> None:
    assert_refused(sources_dir / sample, LimitExceeded, words, **limits)


def test_hostile_inputs_image_pixel_limit(tmp_path: Path) -> None:
    from PIL import Image

    image = tmp_path / "page.png"
    Image.new("L", (2000, 1000), 255).save(image)
    assert_refused(image, LimitExceeded, "2000×1000 = 2000000 pixels", max_image_pixels=1_000_000)


def test_hostile_inputs_default_limits_documented() -> None:
    limits = Limits()
    assert limits.max_file_bytes == 200 * 2**20
    assert limits.max_pages == 500
    assert limits.max_inflated_bytes == 500 * 2**20
    assert limits.max_zip_members == 10_000
    assert limits.max_image_pixels == 200_000_000
    assert limits.timeout_seconds == 600


# ---------------------------------------------------------------- XML attacks, below the guard


@pytest.mark.parametrize("case", ["billion_laughs_docx", "xxe_docx"])
def test_hostile_inputs_python_docx_never_expands_entities(
    hostile: dict[str, Path], case: str
) -> None:
    """Even without the guard, python-docx's lxml parser expands and fetches nothing."""
    import docx
    from lxml import etree

    passwd = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace")
    try:
        document = docx.Document(str(hostile[case]))
    except etree.XMLSyntaxError as err:  # libxml2 stops the amplification itself
        assert "amplification" in str(err)
        return
    text = "\n".join(p.text for p in document.paragraphs)
    assert "root:" not in text and passwd[:20] not in text
    assert "lol" not in text


def test_hostile_inputs_zip_bomb_stays_small_on_disk(hostile: dict[str, Path]) -> None:
    bomb = hostile["zip_bomb_docx"]
    with zipfile.ZipFile(bomb) as archive:
        inflated = sum(info.file_size for info in archive.infolist())
    assert bomb.stat().st_size < 4 * 2**20
    assert inflated > 2 * 2**30


# ---------------------------------------------------------------- read, not refused


def test_hostile_inputs_lying_zip_sizes_are_bounded(hostile: dict[str, Path]) -> None:
    """A member inflating past its declared size is cut at that size by zipfile."""
    document = parse(hostile["lying_sizes_docx"])
    assert document.blocks


def test_hostile_inputs_nested_tables_within_parser_depth(hostile: dict[str, Path]) -> None:
    document = parse(hostile["nested_tables_docx"])
    block, depth = document.blocks[0], 0
    while block.rows:
        block, depth = block.rows[0].cells[0].blocks[0], depth + 1
    assert (depth, block.text) == (80, "fond")


@pytest.mark.parametrize(
    ("case", "encoding"),
    [
        ("cp1252_txt", "cp1252"),
        ("latin1_txt", "cp1252"),
        ("bom_txt", "utf-8-sig"),
        ("crlf_txt", "utf-8"),
        ("utf16_txt", "utf-16"),
        ("mixed_txt", "utf-8+cp1252"),
    ],
)
def test_hostile_inputs_text_encodings_read_with_accents(
    hostile: dict[str, Path], case: str, encoding: str
) -> None:
    from referentiel.textio import read_text

    text, found = read_text(hostile[case])
    assert found == encoding
    assert "Référentiel de compétences" in text
    assert "Élaborer une stratégie" in text
    assert "naïf, Noël, garçon, être, hôpital, août" in text
    assert "\r" not in text and "\ufeff" not in text
    document = parse(hostile[case])
    first = document.blocks[0]
    assert first.text.startswith("Référentiel de compétences")
    assert first.line == 1
