"""Element-level diff on référentiels built from the hand-checked gold files (no extraction)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures.paths import GOLD
from referentiel.cli import main
from referentiel.diff import DiffResult, align, diff_referentiels
from referentiel.diffrender import render_html, render_text, word_diff
from referentiel.models import Referentiel
from referentiel.output import write_json

NAMES = sorted(p.name.removesuffix(".gold.json") for p in GOLD.glob("*.gold.json"))


def renumber(ref: Referentiel) -> Referentiel:
    """Give every element its position-based id (as the extractor does), links followed."""
    for b, bloc in enumerate(ref.blocs, 1):
        bloc.id = f"BC{b:02d}"
        ids = {}
        for c, competence in enumerate(bloc.competences, 1):
            new_id = f"{bloc.id}.C{c:02d}"
            ids[competence.id] = new_id
            if competence.code:
                ids[competence.code] = new_id
            competence.id = new_id
        for k, critere in enumerate(bloc.criteres, 1):
            critere.id = f"{bloc.id}.K{k:02d}"
            critere.competences = [ids.get(c, c) for c in critere.competences]
    return ref


def from_gold(name: str) -> Referentiel:
    """The gold reference of ``name`` as a full Referentiel (ids, provenance, source added)."""
    data = json.loads((GOLD / f"{name}.gold.json").read_text(encoding="utf-8"))
    data = {k: v for k, v in data.items() if not k.startswith("_")}
    data["source"] = {
        "filename": f"{name}.pdf",
        "sha256": "0" * 64,
        "format": "pdf",
        "pages": 9,
        "extractor_version": "test",
    }
    line = 0
    for bloc in data["blocs"]:
        bloc["id"] = "?"
        for element in [bloc, *bloc["competences"], *bloc.get("criteres", [])]:
            line += 1
            element["provenance"] = {"page": 1 + line // 40, "line": 1 + line % 40}
        for element in bloc["competences"] + bloc.get("criteres", []):
            element["id"] = "?"
    for competence in data.get("competences_transversales", []):
        competence["id"] = "CT"
    return renumber(Referentiel.model_validate(data))


def modified(ref: Referentiel) -> Referentiel:
    """One critère libellé edited, one indicateur deleted, one compétence inserted first."""
    copy = ref.model_copy(deep=True)
    critere = copy.blocs[1].criteres[2]
    critere.libelle = critere.libelle.replace(" ", " bien ", 1)
    del copy.blocs[0].criteres[0].indicateurs[2]
    inserted = copy.blocs[2].competences[0].model_copy(deep=True)
    inserted.id, inserted.code = "new", None
    inserted.libelle = "Négocier <les> conditions & délais avec un fournisseur"
    copy.blocs[2].competences.insert(0, inserted)
    return renumber(copy)


def result_of(old: Referentiel, new: Referentiel, path: str = "x.json") -> DiffResult:
    return DiffResult("old", "new", [diff_referentiels(old, new, path)])


@pytest.fixture(scope="module", params=NAMES)
def gold_ref(request: pytest.FixtureRequest) -> Referentiel:
    return from_gold(request.param)


def test_diff_same_document_has_no_changes(gold_ref: Referentiel) -> None:
    result = diff_referentiels(gold_ref, gold_ref.model_copy(deep=True))
    assert result.status == "same"
    assert result.changes == []


def test_diff_reports_exactly_the_modifications(gold_ref: Referentiel) -> None:
    new = modified(gold_ref)
    changes = diff_referentiels(gold_ref, new).changes
    summary = sorted((c.action, c.type, c.where, c.field) for c in changes)
    assert summary == [
        ("added", "competence", "BC03.C01", None),
        ("changed", "critere", "BC02.K03", "libelle"),
        ("removed", "indicateur", "BC01.K01 #3", None),
    ]
    by_type = {c.type: c for c in changes}
    assert by_type["indicateur"].old == gold_ref.blocs[0].criteres[0].indicateurs[2]
    assert by_type["critere"].old == gold_ref.blocs[1].criteres[2].libelle
    assert by_type["critere"].new == new.blocs[1].criteres[2].libelle
    assert by_type["competence"].new == new.blocs[2].competences[0].libelle
    assert by_type["competence"].new_page is not None


def test_diff_renumbered_compétences_keep_their_links(gold_ref: Referentiel) -> None:
    new = modified(gold_ref)
    shifted = gold_ref.blocs[2].competences[0]
    matched = new.blocs[2].competences[1]
    assert shifted.libelle == matched.libelle and shifted.id != matched.id
    assert not [
        c for c in diff_referentiels(gold_ref, new).changes if c.type == "competence_evaluee"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (["a b", "c d", "e f"], ["a b", "e f"], [(0, 0), (1, None), (2, 1)]),
        (["a b", "e f"], ["x y z", "a b", "e f"], [(None, 0), (0, 1), (1, 2)]),
        (["le client est informé"], ["le client est bien informé"], [(0, 0)]),
        (["alpha"], ["omega"], [(0, None), (None, 0)]),
    ],
)
def test_diff_align_pairs_by_text(old: list[str], new: list[str], expected: list) -> None:
    assert align(old, new, lambda s: s) == expected


def test_diff_align_same_key_pairs_a_rewritten_text() -> None:
    old, new = [("K1", "tout autre chose")], [("K1", "rien de comparable ici")]
    assert align(old, new, lambda e: e[1], lambda e: e[0]) == [(0, 0)]


def test_diff_word_diff_marks_only_changed_words() -> None:
    assert word_diff("le client est informé", "le client est bien informé") == [
        ("=", "le client est"),
        ("+", "bien"),
        ("=", "informé"),
    ]


def test_diff_text_report_uses_plain_markers_without_colour() -> None:
    old = from_gold(NAMES[0])
    text = render_text(result_of(old, modified(old)), color=False)
    assert "{+bien+}" in text
    assert "\x1b[" not in text
    assert "~ critère BC02.K03 (libelle)" in text
    coloured = render_text(result_of(old, modified(old)), color=True)
    assert "\x1b[32m" in coloured


def test_diff_terminal_output_neutralises_control_characters() -> None:
    old = from_gold(NAMES[0])
    new = old.model_copy(deep=True)
    new.blocs[0].libelle = "evil \x1b[2J text"
    text = render_text(result_of(old, new))
    assert "\x1b" not in text and "\\x1b" in text


def test_diff_cli_files_exit_codes_and_html(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    old = from_gold(NAMES[0])
    write_json(old, tmp_path / "old.json")
    write_json(modified(old), tmp_path / "new.json")
    assert main(["diff", str(tmp_path / "old.json"), str(tmp_path / "old.json")]) == 0
    assert "0 added, 0 removed, 0 changed" in capsys.readouterr().out
    html_file = tmp_path / "report" / "review.html"
    argv = ["diff", str(tmp_path / "old.json"), str(tmp_path / "new.json")]
    assert main([*argv, "--html", str(html_file)]) == 1
    assert "1 added, 1 removed, 1 changed" in capsys.readouterr().out
    page = html_file.read_text(encoding="utf-8")
    assert "Négocier &lt;les&gt; conditions &amp; délais" in page
    assert "<les>" not in page
    assert "<ins>bien</ins>" in page
    assert main([*argv, "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["totals"]["added"] == data["totals"]["removed"] == data["totals"]["changed"] == 1


def test_diff_cli_folders_summary_and_pairing(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    refs = {name: from_gold(name) for name in NAMES}
    for name, ref in refs.items():
        write_json(ref, tmp_path / "v1" / "sub" / f"{name}.pdf.json")
    write_json(modified(refs[NAMES[0]]), tmp_path / "v2" / "sub" / f"{NAMES[0]}.pdf.json")
    write_json(refs[NAMES[1]], tmp_path / "v2" / "sub" / f"{NAMES[1]}.pdf.json")
    write_json(refs[NAMES[2]], tmp_path / "v2" / "other" / f"{NAMES[2]}.pdf.json")
    (tmp_path / "v2" / "run.json").write_text("{}", encoding="utf-8")  # batch report: ignored
    assert main(["diff", str(tmp_path / "v1"), str(tmp_path / "v2"), "--json", "--all"]) == 1
    documents = {d["path"]: d for d in json.loads(capsys.readouterr().out)["documents"]}
    assert {path: d["status"] for path, d in documents.items()} == {
        f"sub/{NAMES[0]}.pdf.json": "changed",
        f"sub/{NAMES[1]}.pdf.json": "same",
        f"sub/{NAMES[2]}.pdf.json": "removed",
        f"other/{NAMES[2]}.pdf.json": "added",
    }
    # without --all, the documents without differences are counted, not listed
    assert main(["diff", str(tmp_path / "v1"), str(tmp_path / "v2"), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert f"sub/{NAMES[1]}.pdf.json" not in {d["path"] for d in data["documents"]}
    assert len(data["documents"]) == 3 and data["totals"]["documents_same"] == 1
    assert documents[f"sub/{NAMES[0]}.pdf.json"]["counts"] == {
        "added": 1,
        "removed": 1,
        "changed": 1,
    }
    assert main(["diff", str(tmp_path / "v1"), str(tmp_path / "v2")]) == 1
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["document", "added", "removed", "changed", "status"]
    assert any(
        line.startswith(f"sub/{NAMES[2]}.pdf.json") and "only in OLD" in line for line in table
    )
    assert not any(NAMES[1] in line for line in table)
    assert main(["diff", str(tmp_path / "v1"), str(tmp_path / "v2"), "--all"]) == 1
    assert any(
        line.startswith(f"sub/{NAMES[1]}.pdf.json") and line.endswith("same")
        for line in capsys.readouterr().out.splitlines()
    )


def test_diff_cli_rejects_file_against_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    write_json(from_gold(NAMES[0]), tmp_path / "a.json")
    assert main(["diff", str(tmp_path / "a.json"), str(tmp_path)]) == 2
    assert "both" in capsys.readouterr().err


def test_diff_cli_invalid_json_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    (tmp_path / "bad.json").write_text('{"blocs": 3}', encoding="utf-8")
    write_json(from_gold(NAMES[0]), tmp_path / "a.json")
    code = main(["diff", str(tmp_path / "bad.json"), str(tmp_path / "a.json")])
    assert code not in (0, 1)
    err = capsys.readouterr().err
    assert "bad.json" in err and len(err.strip().splitlines()) == 1


def test_diff_html_is_self_contained(tmp_path: Path) -> None:
    old = from_gold(NAMES[0])
    page = render_html(result_of(old, modified(old), "x<y>.json"))
    assert page.startswith("<!DOCTYPE html>")
    assert "x&lt;y&gt;.json" in page
    assert "<script" not in page and "http" not in page.replace("https://", "")
