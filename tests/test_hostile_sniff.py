"""A file is read by what its bytes are, not by what its extension says."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from referentiel.errors import CorruptFile, ReferentielError, UnsupportedFormat
from referentiel.sniff import detect


@pytest.mark.parametrize(
    ("case", "kind"),
    [
        ("pdf_named_docx", "pdf"),
        ("docx_named_pdf", "docx"),
        ("huge_png", "image"),
        ("cp1252_txt", "text"),
        ("utf16_txt", "text"),
        ("invoice_docx", "docx"),
    ],
)
def test_hostile_sniff_reads_content_not_extension(
    hostile: dict[str, Path], case: str, kind: str
) -> None:
    assert detect(hostile[case]) == kind


@pytest.mark.parametrize(
    ("sample", "renamed", "kind"),
    [
        ("cqp-delegue-veterinaire.pdf", "x.txt", "pdf"),
        ("cqp-delegue-veterinaire.docx", "x.txt", "docx"),
        ("cqp-delegue-veterinaire.txt", "x.html", "html"),
        ("cqp-delegue-veterinaire.txt", "x", "text"),
        ("cqp-delegue-veterinaire.scan.pdf", "x.png", "pdf"),
    ],
)
def test_hostile_sniff_renamed_samples(
    sources_dir: Path, tmp_path: Path, sample: str, renamed: str, kind: str
) -> None:
    target = tmp_path / renamed
    shutil.copy(sources_dir / sample, target)
    assert detect(target) == kind


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("bmw.txt", b"BMW : facture d'entretien\nVidange\n", "text"),  # not a BMP
        ("gif.txt", b"GIF8 n'est pas une image\n", "text"),
        ("page.html", b"<!DOCTYPE html><p>x</p>", "html"),
        ("notes.md", b"\xef\xbb\xbf# Titre\n", "markdown"),
        ("junk-prefix.pdf", b"\r\n\r\n%PDF-1.4\n%%EOF\n", "pdf"),
        ("mentions-pdf.txt", b"Le format %PDF-1.4 est cit\xc3\xa9 ici.\n", "text"),
    ],
)
def test_hostile_sniff_magic_bytes_are_not_fooled(
    tmp_path: Path, name: str, data: bytes, kind: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert detect(path) == kind


@pytest.mark.parametrize(
    ("name", "data", "error", "words"),
    [
        ("plain.docx", b"du texte\n", UnsupportedFormat, "not a DOCX file"),
        ("plain.png", b"du texte\n", UnsupportedFormat, "not a PNG file"),
        ("blob.bin", b"\x00\x01\x02\x03" * 10, UnsupportedFormat, "binary file"),
        ("cut.docx", b"PK\x03\x04" + b"\x00" * 40, CorruptFile, "broken zip container"),
    ],
)
def test_hostile_sniff_refuses_with_reason(
    tmp_path: Path, name: str, data: bytes, error: type[ReferentielError], words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(error, match=words):
        detect(path)
