""".doc / .odt input: converted to DOCX by LibreOffice headless, or a clear MissingTool error."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from referentiel.api import parse
from referentiel.convert import find_soffice
from referentiel.docmodel import Document, Kind
from referentiel.errors import MissingTool, UnsupportedFormat

SAMPLE = (
    Path(__file__).resolve().parent.parent / "sources" / "cqp-delegue-veterinaire.numbered.docx"
)
needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice not installed")


@pytest.fixture(scope="module")
def legacy_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The numbered sample saved by LibreOffice as .odt and as Word 97 .doc."""
    soffice = find_soffice()
    if soffice is None:
        pytest.skip("LibreOffice not installed")
    out = tmp_path_factory.mktemp("legacy")
    profile = (out / "profile").as_uri()
    files = {}
    for fmt in ("odt", "doc"):
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                fmt,
                "--outdir",
                str(out),
                str(SAMPLE),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        files[fmt] = out / f"{SAMPLE.stem}.{fmt}"
    return files


@pytest.fixture(scope="module")
def original() -> Document:
    return parse(SAMPLE)


@needs_soffice
@pytest.mark.parametrize("fmt", ["odt", "doc"])
def test_docx_legacy_file_converted_keeps_structure(
    fmt: str, legacy_files: dict[str, Path], original: Document
) -> None:
    document = parse(legacy_files[fmt])
    assert document.filename == f"{SAMPLE.stem}.{fmt}" and document.format == "docx"
    texts = [b.text for b in document.walk() if b.kind is not Kind.TABLE]
    assert texts == [b.text for b in original.walk() if b.kind is not Kind.TABLE]
    labels = [b.label for b in document.walk() if b.label and b.label[0].isdigit()]
    assert labels == ["1.", "2.", "3.", "4.", "5.", "6."]
    tables = [b for b in document.blocks if b.kind is Kind.TABLE]
    assert len(tables) == 4 and all(t.rows[0].header for t in tables)


@needs_soffice
def test_docx_legacy_sha256_is_of_the_original_file(legacy_files: dict[str, Path]) -> None:
    import hashlib

    path = legacy_files["odt"]
    assert parse(path).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def _opendocument(path: Path, mimetype: str) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", "<office:document-content/>")
    return path


def test_docx_legacy_without_libreoffice_is_missing_tool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _opendocument(tmp_path / "texte.odt", "application/vnd.oasis.opendocument.text")
    monkeypatch.setenv("PATH", "")
    with pytest.raises(MissingTool) as caught:
        parse(path)
    assert "LibreOffice" in str(caught.value) and str(path) in str(caught.value)
    assert caught.value.exit_code == 17


@needs_soffice
def test_docx_opendocument_spreadsheet_is_unsupported(tmp_path: Path) -> None:
    path = _opendocument(tmp_path / "tableur.odt", "application/vnd.oasis.opendocument.spreadsheet")
    with pytest.raises(UnsupportedFormat, match="spreadsheet"):
        parse(path)
