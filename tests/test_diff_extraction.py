"""``referentiel diff`` on real extractions of the samples and on real batch output folders."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fixtures.paths import SOURCES
from referentiel.cli import main
from referentiel.models import Referentiel
from referentiel.output import write_json

SAMPLE = "cqp-delegue-veterinaire.txt"
EDITED_CRITERE = "Une réponse est apportée aux remarques"


@pytest.fixture(scope="module")
def extraction(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("extract") / "old.json"
    assert main(["extract", str(SOURCES / SAMPLE), "-o", str(target)]) == 0
    return target


def modified_copy(ref: Referentiel) -> Referentiel:
    """Edit one critère libellé, delete one indicateur, insert a compétence first in bloc 3."""
    new = ref.model_copy(deep=True)
    new.blocs[0].criteres[1].libelle += " de façon convaincante"
    del new.blocs[1].criteres[0].indicateurs[0]
    bloc = new.blocs[2]
    inserted = bloc.competences[0].model_copy(deep=True)
    inserted.libelle = "Présenter <script>alert(1)</script> & les nouveautés"
    bloc.competences.insert(0, inserted)
    ids = {}
    for number, competence in enumerate(bloc.competences, 1):
        if competence is not inserted:
            ids[competence.id] = f"{bloc.id}.C{number:02d}"
        competence.id = f"{bloc.id}.C{number:02d}"
    for critere in bloc.criteres:
        critere.competences = [ids.get(c, c) for c in critere.competences]
    return new


def test_diff_extraction_against_itself_is_empty(
    extraction: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["diff", str(extraction), str(extraction)]) == 0
    assert "no differences" in capsys.readouterr().out


def test_diff_extraction_reports_exactly_the_edits(
    extraction: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    old = Referentiel.model_validate_json(extraction.read_bytes())
    new = modified_copy(old)
    write_json(new, tmp_path / "new.json")
    html_file = tmp_path / "review.html"
    argv = ["diff", str(extraction), str(tmp_path / "new.json"), "--html", str(html_file)]
    assert main([*argv, "--json"]) == 1
    (document,) = json.loads(capsys.readouterr().out)["documents"]
    found = sorted((c["action"], c["type"], c["where"], c["field"]) for c in document["changes"])
    assert found == [
        ("added", "competence", "BC03.C01", None),
        ("changed", "critere", "BC01.K02", "libelle"),
        ("removed", "indicateur", "BC02.K01 #1", None),
    ]
    removed = next(c for c in document["changes"] if c["action"] == "removed")
    assert removed["old"] == old.blocs[1].criteres[0].indicateurs[0]
    own = old.blocs[1].criteres[0].items_provenance["indicateurs"][0]  # its own line
    assert removed["old_line"] == own.line != old.blocs[1].criteres[0].provenance.line
    page = html_file.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; les nouveautés" in page
    assert "<script>" not in page
    assert "<ins>de façon convaincante</ins>" in page


def test_diff_batch_folders_of_two_versions(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    v1, v2 = tmp_path / "v1", tmp_path / "v2"
    for version in (v1, v2):
        (version / "sub").mkdir(parents=True)
        shutil.copyfile(SOURCES / "cqpm-technico-commercial-industriel.txt", version / "cqpm.txt")
    shutil.copyfile(SOURCES / SAMPLE, v1 / "sub" / SAMPLE)
    text = (SOURCES / SAMPLE).read_text(encoding="utf-8")
    assert text.count(EDITED_CRITERE) == 1
    edited = text.replace(EDITED_CRITERE, EDITED_CRITERE.replace("réponse", "réponse claire"))
    (v2 / "sub" / SAMPLE).write_text(edited, encoding="utf-8")
    shutil.copyfile(SOURCES / "cqp-commercial-sedentaire-alimentaire.txt", v2 / "nouveau.txt")
    for version in (v1, v2):
        assert main(["batch", str(version), str(tmp_path / f"out-{version.name}"), "-j", "1"]) == 0
    capsys.readouterr()
    argv = ["diff", str(tmp_path / "out-v1"), str(tmp_path / "out-v2"), "--all"]
    assert main([*argv, "--json"]) == 1
    documents = {d["path"]: d for d in json.loads(capsys.readouterr().out)["documents"]}
    assert {p: d["status"] for p, d in documents.items()} == {
        "cqpm.txt.json": "same",
        "nouveau.txt.json": "added",
        f"sub/{SAMPLE}.json": "changed",
    }
    (change,) = documents[f"sub/{SAMPLE}.json"]["changes"]
    assert (change["type"], change["field"]) == ("critere", "libelle")
    assert change["new"].startswith("Une réponse claire est apportée")
    assert main(argv) == 1
    out = capsys.readouterr().out
    assert "{+claire+}" in out
    assert "only in NEW" in out
