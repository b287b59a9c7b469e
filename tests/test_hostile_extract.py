"""End to end (parse → segment): readable documents that are not référentiels, odd text.

A readable document in which no bloc and no compétence is found is refused with
``NotAReferentiel`` (status ``not_referentiel``, exit 16): no empty JSON passed off
as a success. Pathological text (a 2 MB line, 20 000 short lines) finishes — under
a SIGALRM bound, so a regular-expression blow-up fails instead of hanging.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from referentiel.api import extract
from referentiel.errors import NotAReferentiel, ReferentielError
from referentiel.models import json_schema

pytestmark = pytest.mark.hang_limit(120)
LATIN1_SUBSTITUTES = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "œ": "oe", "Œ": "OE", "•": "-", "–": "-", "—": "-"}
    | {"…": "...", "·": "-", "▪": "-", "€": "EUR"}
)
NOT_REFERENTIELS = ["invoice_txt", "novel_txt", "invoice_docx", "novel_docx"]


@pytest.mark.parametrize("case", NOT_REFERENTIELS)
def test_hostile_extract_not_a_referentiel(hostile: dict[str, Path], case: str) -> None:
    path = hostile[case]
    with pytest.raises(NotAReferentiel) as raised:
        extract(path)
    err = raised.value
    assert str(err) == f"{path}: not a référentiel: no bloc and no compétence found"
    assert (err.status, err.exit_code) == ("not_referentiel", 16)


@pytest.mark.parametrize("case", NOT_REFERENTIELS)
def test_hostile_extract_cli_not_a_referentiel_writes_nothing(
    hostile: dict[str, Path], tmp_path: Path, case: str
) -> None:
    out = tmp_path / "out.json"
    command = [sys.executable, "-m", "referentiel", "extract", str(hostile[case]), "-o", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == NotAReferentiel.exit_code
    assert result.stderr.splitlines() == [
        f"error: {hostile[case]}: not a référentiel: no bloc and no compétence found"
    ]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "case", ["long_line_txt", "many_lines_txt", "nested_tables_docx", "deep_nesting_pdf"]
)
def test_hostile_extract_pathological_layout_finishes(hostile: dict[str, Path], case: str) -> None:
    try:
        referentiel = extract(hostile[case])
    except ReferentielError as err:
        assert isinstance(err, NotAReferentiel), err
        return
    jsonschema.validate(json.loads(referentiel.model_dump_json()), json_schema())


@pytest.fixture(scope="module")
def sample_pdf(sources_dir: Path) -> dict:
    return extract(sources_dir / "cqp-delegue-veterinaire.pdf").model_dump(mode="json")


@pytest.mark.parametrize("case", ["pdf_named_docx", "broken_xref_pdf", "owner_encrypted_pdf"])
def test_hostile_extract_readable_pdf_variants_match_the_sample(
    hostile: dict[str, Path], sample_pdf: dict, case: str
) -> None:
    """A lying extension, a broken (rebuildable) xref table, an owner-only password:
    the file is read in full, exactly like the intact sample."""
    got = extract(hostile[case]).model_dump(mode="json")
    assert got["source"]["format"] == "pdf"
    assert got["source"]["pages"] == sample_pdf["source"]["pages"]
    assert got["blocs"] == sample_pdf["blocs"]
    assert len(got["blocs"]) > 0


def test_hostile_extract_docx_named_pdf_matches_docx(
    hostile: dict[str, Path], sources_dir: Path
) -> None:
    lying = extract(hostile["docx_named_pdf"]).model_dump(mode="json")
    honest = extract(sources_dir / "cqp-delegue-veterinaire.docx").model_dump(mode="json")
    assert lying["source"]["format"] == "docx"
    assert lying["blocs"] == honest["blocs"]
    assert len(lying["blocs"]) > 0


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-8-sig", "utf-16"])
def test_hostile_extract_sample_in_legacy_encoding_same_as_utf8(
    sources_dir: Path, tmp_path: Path, encoding: str
) -> None:
    """The same référentiel re-encoded (and with CRLF line ends) extracts identically."""
    sample = sources_dir / "cqp-delegue-veterinaire.txt"
    text = sample.read_text(encoding="utf-8")
    recoded = tmp_path / f"{encoding}.txt"
    if encoding == "latin-1":  # what a latin-1 editor would have saved
        text = text.translate(LATIN1_SUBSTITUTES)
    recoded.write_bytes(text.replace("\n", "\r\n").encode(encoding, errors="replace"))
    expected = extract(sample).model_dump(mode="json")
    got = extract(recoded).model_dump(mode="json")
    if encoding == "latin-1":  # ’, œ, • do not exist in latin-1: compare the structure
        assert structure(got) == structure(expected)
    else:
        assert got["blocs"] == expected["blocs"]
        assert got["certification"] == expected["certification"]


def structure(referentiel: dict) -> list[tuple[str | None, list[str | None]]]:
    """Each bloc's code with its compétences' codes."""
    return [(b["code"], [c["code"] for c in b["competences"]]) for b in referentiel["blocs"]]
