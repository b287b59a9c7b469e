"""``referentiel evaluate``: in-process CLI runs on hand-made gold / prediction files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from evaluate_helpers import as_prediction, small_gold
from referentiel.cli import main


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _worse() -> dict[str, Any]:
    """A prediction missing one compétence (competences F1 = 10/11)."""
    pred = as_prediction(small_gold())
    del pred["blocs"][0]["competences"][2]
    pred["blocs"][0]["criteres"][1]["competences"] = ["BC01.C02"]
    return pred


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Path, Path, Path]:
    gold = _write(tmp_path / "x.gold.json", small_gold())
    good = _write(tmp_path / "x.json", as_prediction(small_gold()))
    bad = _write(tmp_path / "x.bad.json", _worse())
    return gold, good, bad


def test_evaluate_cli_single_pair_prints_table(
    pair: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    gold, good, _ = pair
    assert main(["evaluate", str(gold), str(good)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["type", "mode", "gold", "pred", "P", "R", "F1"]
    assert "competences                strict         6     6   1.00   1.00   1.00" in lines
    assert lines[-1].startswith("summary: strict F1 min 1.00 ")
    assert lines[-1].endswith("→ PASS at 0.95")


@pytest.mark.parametrize(
    ("flags", "code"),
    [
        ([], 0),  # report only
        (["--min-strict", "0.95"], 1),
        (["--min-strict", "0.90"], 0),  # only the given thresholds are enforced
        (["--min-parent", "0.75"], 0),  # one critère link of 4 is wrong
        (["--min-parent", "0.80"], 1),
        (["--min-strict", "0.90", "--min-parent", "0.99"], 1),
        (["--min-coverage", "0.5"], 0),
    ],
)
def test_evaluate_cli_thresholds_set_exit_code(
    pair: tuple[Path, Path, Path], flags: list[str], code: int
) -> None:
    gold, _, bad = pair
    assert main(["evaluate", str(gold), str(bad), *flags]) == code


def test_evaluate_cli_json_has_figures(
    pair: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    gold, _, bad = pair
    assert main(["evaluate", "--json", str(gold), str(bad)]) == 0
    data = json.loads(capsys.readouterr().out)
    (row,) = [t for t in data["types"] if t["type"] == "competences"]
    assert (row["gold"], row["pred"], row["matched"]) == (6, 5, 5)
    assert row["recall"] == round(5 / 6, 4)
    assert row["missed"] == ["C1.3 Enregistrer les anomalies dans le système d'information"]
    assert data["failures"][0].startswith("competences: strict F1 0.90 < 0.95")


def test_evaluate_cli_details_list_misses(
    pair: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    gold, _, bad = pair
    main(["evaluate", "--details", str(gold), str(bad)])
    out = capsys.readouterr().out
    assert "  - missing: C1.3 Enregistrer les anomalies dans le système d'information" in out
    assert "below threshold: competences: strict F1 0.90 < 0.95" in out


@pytest.fixture()
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir()
    pred_dir.mkdir()
    _write(gold_dir / "cqp-x.gold.json", small_gold())
    _write(gold_dir / "cqp-xy.gold.json", small_gold())
    _write(pred_dir / "cqp-x.pdf.json", as_prediction(small_gold()))
    _write(pred_dir / "cqp-x.scan.pdf.json", _worse())
    _write(pred_dir / "cqp-x.txt.json", as_prediction(small_gold()))
    _write(pred_dir / "cqp-x.json", as_prediction(small_gold()))  # source.format: text
    _write(pred_dir / "cqp-xy.pdf.json", _worse())
    _write(pred_dir / "other.pdf.json", as_prediction(small_gold()))  # no gold: skipped
    return gold_dir, pred_dir


def test_evaluate_cli_dirs_pair_by_name_stem(
    dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    gold_dir, pred_dir = dirs
    args = ["evaluate", "--json", "--gold-dir", str(gold_dir), "--pred-dir", str(pred_dir)]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    pairs = {(Path(p["pred"]).name, Path(p["gold"]).name, p["format"]) for p in data["pairs"]}
    assert pairs == {
        ("cqp-x.json", "cqp-x.gold.json", "text"),
        ("cqp-x.pdf.json", "cqp-x.gold.json", "pdf"),
        ("cqp-x.scan.pdf.json", "cqp-x.gold.json", "scan.pdf"),
        ("cqp-x.txt.json", "cqp-x.gold.json", "txt"),
        ("cqp-xy.pdf.json", "cqp-xy.gold.json", "pdf"),
    }
    assert set(data["aggregate"]) == {"text", "pdf", "scan.pdf", "txt"}
    (row,) = [t for t in data["aggregate"]["pdf"]["types"] if t["type"] == "competences"]
    assert (row["gold"], row["pred"], row["matched"]) == (12, 11, 11)
    assert data["passed"] is False


def test_evaluate_cli_dirs_print_one_table_per_pair_and_format(
    dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    gold_dir, pred_dir = dirs
    code = main(
        ["evaluate", "--gold-dir", str(gold_dir), "--pred-dir", str(pred_dir), "--min-strict", "1"]
    )
    assert code == 1
    out = capsys.readouterr().out
    headers = [line for line in out.splitlines() if line.startswith("== ")]
    assert headers == [
        "== cqp-x.json vs cqp-x.gold.json",
        "== cqp-x.pdf.json vs cqp-x.gold.json",
        "== cqp-x.scan.pdf.json vs cqp-x.gold.json",
        "== cqp-x.txt.json vs cqp-x.gold.json",
        "== cqp-xy.pdf.json vs cqp-xy.gold.json",
        "== aggregate: text (1 file(s))",
        "== aggregate: pdf (2 file(s))",
        "== aggregate: scan.pdf (1 file(s))",
        "== aggregate: txt (1 file(s))",
    ]
    assert out.rstrip().splitlines()[-1].startswith("summary: ")


@pytest.mark.parametrize(
    "args",
    [
        ["evaluate"],
        ["evaluate", "only-gold.json"],
        ["evaluate", "--gold-dir", "g"],
        ["evaluate", "a.json", "b.json", "--gold-dir", "g", "--pred-dir", "p"],
    ],
)
def test_evaluate_cli_usage_errors_exit_2(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    assert capsys.readouterr().err.startswith("error: ")


def test_evaluate_cli_no_pairs_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--gold-dir", str(tmp_path), "--pred-dir", str(tmp_path)]) == 2
    assert "matches a gold" in capsys.readouterr().err


@pytest.mark.parametrize("content", ["{not json", "[1, 2]"])
def test_evaluate_cli_unreadable_json_is_an_error(
    tmp_path: Path, content: str, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = _write(tmp_path / "x.gold.json", small_gold())
    broken = tmp_path / "x.json"
    broken.write_text(content, encoding="utf-8")
    assert main(["evaluate", str(gold), str(broken)]) == 13
    assert capsys.readouterr().err.startswith(f"error: {broken}: ")


def test_evaluate_cli_help_ends_with_example(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["evaluate", "--help"])
    assert "example: referentiel evaluate --gold-dir" in capsys.readouterr().out


@pytest.mark.parametrize("value", ["1.5", "-0.1", "high"])
def test_evaluate_cli_threshold_must_be_a_fraction(
    pair: tuple[Path, Path, Path], value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    gold, good, _ = pair
    with pytest.raises(SystemExit) as exc:
        main(["evaluate", str(gold), str(good), "--min-strict", value])
    assert exc.value.code == 2
    assert "--min-strict" in capsys.readouterr().err
