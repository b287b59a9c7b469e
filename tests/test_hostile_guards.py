"""Hostile input, round two — guards that hold as documented (points 12-15) and clean
errors instead of "internal error" (flags, search, export and evaluate inputs)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from fixtures.paths import ROOT
from referentiel.api import parse
from referentiel.errors import CorruptFile, InvalidOutput, LimitExceeded, ReferentielError
from referentiel.options import Limits, Options

SAMPLE_TXT = ROOT / "sources" / "cqp-delegue-veterinaire.txt"

pytestmark = pytest.mark.hang_limit(120)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "referentiel", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# ---------------------------------------------------------------- 12. DOCX DTD guard


@pytest.mark.parametrize(
    ("case", "part"),
    [
        ("dtd_after_comment_docx", "word/document.xml"),
        ("dtd_utf16_docx", "word/document.xml"),
        ("dtd_dat_part_docx", "word/evil.dat"),
    ],
)
def test_hostile_guards_dtd_found_anywhere(hostile: dict[str, Path], case: str, part: str) -> None:
    """After a 70 KiB comment, in UTF-16 without a BOM, in a main part named .dat."""
    with pytest.raises(CorruptFile, match=f"{part} declares a DTD"):
        parse(hostile[case], Options(use_nlp=False))


@pytest.mark.parametrize("case", ["dtd_after_comment_docx", "dtd_utf16_docx"])
def test_hostile_guards_parser_itself_expands_nothing(hostile: dict[str, Path], case: str) -> None:
    """Second line: were the guard bypassed, the hardened parser reads no entity and no file."""
    import zipfile

    import referentiel.backends.docx_xml  # noqa: F401  (hardens the parsers)
    from docx.oxml.parser import parse_xml

    with zipfile.ZipFile(hostile[case]) as archive:
        xml = archive.read("word/document.xml")
    text = "".join(parse_xml(xml).itertext())
    assert "root:" not in text
    assert Path("/etc/passwd").read_text(encoding="utf-8")[:20] not in text


# ---------------------------------------------------------------- 13. one pixel limit


def test_hostile_guards_one_pixel_limit(hostile: dict[str, Path], tmp_path: Path) -> None:
    """180 Mpx is under the documented 200 Mpx: not refused as over it (Pillow's own,
    lower, bomb limit used to fire first and borrow the message)."""
    from referentiel.guards import check_image

    check_image(hostile["big_png"], Limits())  # passes the pixel guard
    from fixtures.make_hostile_files import _png_header_only

    big = tmp_path / "big.png"
    big.write_bytes(_png_header_only(20_000, 12_500))  # 250 Mpx: over
    with pytest.raises(LimitExceeded, match="20000×12500 = 250000000 pixels, over the 200000000"):
        check_image(big, Limits())
    huge = tmp_path / "huge.png"
    huge.write_bytes(_png_header_only(30_000, 20_000))  # over twice the limit: Pillow's error
    with pytest.raises(LimitExceeded, match="600000000 pixels, over the 200000000-pixel limit"):
        check_image(huge, Limits())


# ---------------------------------------------------------------- 14. PDF tails and warnings


def test_hostile_guards_pdf_with_data_after_eof_is_read(hostile: dict[str, Path]) -> None:
    document = parse(hostile["trailing_garbage_pdf"], Options(use_nlp=False))
    assert document.pages == 11 and document.blocks


def test_hostile_guards_pdf_broken_update_read_at_intact_revision(
    hostile: dict[str, Path],
) -> None:
    """A sound PDF with a broken update appended is read as it was, with a warning."""
    import hashlib

    document = parse(hostile["broken_update_pdf"], Options(use_nlp=False))
    sample = parse(ROOT / "sources" / "cqp-delegue-veterinaire.pdf", Options(use_nlp=False))
    assert [b.text for b in document.blocks] == [b.text for b in sample.blocks]
    assert document.filename == "broken-update.pdf"
    digest = hashlib.sha256(hostile["broken_update_pdf"].read_bytes()).hexdigest()
    assert document.sha256 == digest
    assert [w[0] for w in document.warnings][-1] == "PDF_BROKEN_UPDATE"


def test_hostile_guards_library_warnings_stay_off_stderr(tmp_path: Path) -> None:
    """A PDF whose font has no bounding box: pdfminer's notes do not reach the terminal."""
    from fixtures.make_hostile_files import _pdf

    text = b"BT /F1 12 Tf 72 720 Td (Bloc 1 : Vendre des produits) Tj ET"
    path = tmp_path / "fontless.pdf"
    path.write_bytes(
        _pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                b" /Resources << /Font << /F1 5 0 R >> >> >>",
                b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Nowhere /FontDescriptor 6 0 R >>",
                b"<< /Type /FontDescriptor /FontName /Nowhere /Flags 32 >>",
            ]
        )
    )
    result = cli("extract", str(path), "--no-nlp", "--ocr", "never", "-o", str(tmp_path / "x"))
    assert "FontBBox" not in result.stderr and "WARNING" not in result.stderr
    # nor from a batch worker, a spawned process that does not inherit the command's logging
    batch = cli("batch", str(tmp_path), str(tmp_path / "out"), "--no-nlp", "--ocr", "never")
    assert "1 files" in batch.stderr or "1 file" in batch.stderr
    assert "FontBBox" not in batch.stderr and "WARNING" not in batch.stderr


# ---------------------------------------------------------------- 15. encodings


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32"])
def test_hostile_guards_wide_encodings_read(tmp_path: Path, encoding: str) -> None:
    """UTF-16 without a BOM (was "binary") and UTF-32 (was garbage) read as the UTF-8 file."""
    text = SAMPLE_TXT.read_text(encoding="utf-8")
    path = tmp_path / "ref.txt"
    path.write_bytes(text.encode(encoding))
    document = parse(path, Options(use_nlp=False))
    expected = parse(SAMPLE_TXT, Options(use_nlp=False))
    assert [b.text for b in document.blocks] == [b.text for b in expected.blocks]


# ---------------------------------------------------------------- clean errors: flags


@pytest.mark.parametrize(
    "flags",
    [
        ["extract", "x.txt", "--max-file-mb", "inf"],
        ["extract", "x.txt", "--max-file-mb", "nan"],
        ["extract", "x.txt", "--timeout", "inf"],
        ["extract", "x.txt", "--timeout", "nan"],
        ["batch", "a", "b", "--timeout", "nan"],
        ["extract", "x.txt", "--max-memory-mb", "-1"],
        ["search", "c.sqlite", "x", "--limit", "1e20"],
        ["search", "c.sqlite", "x", "--limit", "100000000000000000000"],
    ],
)
def test_hostile_guards_flags_refused_as_usage(flags: list[str]) -> None:
    from referentiel.cli import main

    with pytest.raises(SystemExit) as stop:
        main(flags)
    assert stop.value.code == 2


# ---------------------------------------------------------------- clean errors: search


def test_hostile_guards_search_on_a_catalogue_of_another_shape(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE VIRTUAL TABLE competences_fts USING fts5(x)")
        conn.execute("INSERT INTO competences_fts VALUES ('vente')")
    result = cli("search", str(db), "vente")
    assert result.returncode == ReferentielError.exit_code
    assert one_line(result).startswith(f"error: {db}: not a referentiel catalogue")


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalogue of one référentiel whose compétence holds œ, a ligature and NFD text."""
    from referentiel.api import extract
    from referentiel.export import export
    from referentiel.output import write_json

    folder = tmp_path_factory.mktemp("catalogue")
    ref = extract(SAMPLE_TXT, Options(use_nlp=False))
    competence = ref.blocs[0].competences[0]
    competence.libelle = "Mettre en œuvre la ﬁche de suivi des e\u0301quipes"
    write_json(ref, folder / "ref.json")
    export(folder, "sqlite", folder / "c.sqlite")
    return folder / "c.sqlite"


@pytest.mark.parametrize("query", ["oeuvre", "œuvre", "fiche", "e\u0301quipes", "équipes"])
def test_hostile_guards_search_folds_ligatures_and_nfd(catalogue: Path, query: str) -> None:
    from referentiel.search import search

    hits = search(catalogue, query).hits
    assert hits and "œuvre" in hits[0].libelle


# ---------------------------------------------------------------- clean errors: JSON inputs

BAD_JSON = {
    "deep.json": "[" * 100_000 + "]" * 100_000,
    "bigint.json": '{"schema_version": "1.0", "source": {}, "n": ' + "9" * 4301 + "}",
    "surrogate.json": None,  # a valid extraction with a lone surrogate in a libellé
}


@pytest.fixture()
def bad_folder(tmp_path: Path) -> Path:
    from referentiel.api import extract
    from referentiel.output import write_json

    folder = tmp_path / "out"
    ref = extract(SAMPLE_TXT, Options(use_nlp=False))
    write_json(ref, folder / "good.json")
    data = json.loads((folder / "good.json").read_text(encoding="utf-8"))
    for name, text in BAD_JSON.items():
        if text is None:
            data["source"]["sha256"] = "0" * 64
            data["blocs"][0]["libelle"] = "\ud800 lone"
            text = json.dumps(data)  # ensure_ascii: the surrogate as a \ud800 escape
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["jsonl", "sqlite", "csv", "rncp-xml"])
def test_hostile_guards_export_skips_and_names_bad_json(bad_folder: Path, fmt: str) -> None:
    dest = bad_folder.parent / f"export.{fmt}"
    result = cli("export", str(bad_folder), "--to", fmt, str(dest))
    assert result.returncode == 0, result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    assert sorted(line.split(":")[0] for line in skipped) == [
        "skipped bigint.json",
        "skipped deep.json",
        "skipped surrogate.json",
    ]
    assert "exported 1 extraction(s) of 1 référentiel(s)" in result.stderr


@pytest.mark.parametrize("name", sorted(BAD_JSON))
def test_hostile_guards_evaluate_and_diff_refuse_bad_json(bad_folder: Path, name: str) -> None:
    """Refused in one line; a lone surrogate (how a file-name byte that is not UTF-8 is kept)
    is read, and printed escaped."""
    good, bad = bad_folder / "good.json", bad_folder / name
    for command in (
        ["evaluate", str(good), str(bad), "--json", "--details"],
        ["diff", str(good), str(bad)],
    ):
        result = cli(*command)
        if name == "surrogate.json":
            assert result.returncode in {0, 1} and not result.stderr, result.stderr
            assert "\\ud800 lone" in result.stdout or "\\ud800" in result.stdout
        else:
            assert result.returncode in {CorruptFile.exit_code, InvalidOutput.exit_code}
            assert one_line(result).startswith(f"error: {bad}: not valid JSON")


def test_hostile_guards_evaluate_refuses_invalid_prediction_and_reference(
    bad_folder: Path, gold_dir: Path
) -> None:
    good = bad_folder / "good.json"
    invalid = bad_folder / "invalid.json"
    invalid.write_text(json.dumps({"blocs": [{"libelle": 3}]}), encoding="utf-8")
    gold = next(iter(sorted(gold_dir.glob("*.gold.json"))))
    result = cli("evaluate", str(gold), str(invalid))
    assert result.returncode == InvalidOutput.exit_code
    assert "not a valid référentiel" in one_line(result)
    wrong_gold = bad_folder / "wrong.gold.json"
    wrong_gold.write_text(json.dumps({"blocs": "nope"}), encoding="utf-8")
    result = cli("evaluate", str(wrong_gold), str(good))
    assert result.returncode == CorruptFile.exit_code
    assert one_line(result).startswith(f"error: {wrong_gold}: not a reference")
