"""``referentiel review`` without a browser: a batch folder's pages and index, page
images under the size cap, and bad input refused with one line and nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fixtures.paths import ROOT
from lxml import html as lxml_html
from referentiel.cli import main
from referentiel.review.pages import MAX_PAGE_BYTES, render_pages

SOURCES = ROOT / "sources"


@pytest.mark.parametrize(
    "name", ["cqp-delegue-veterinaire.pdf", "cqp-delegue-veterinaire.scan.pdf"]
)
def test_page_images_stay_small(name: str, tmp_path: Path) -> None:
    pages = render_pages(SOURCES / name, "pdf", tmp_path / "pages", "p")
    assert [p.number for p in pages] == list(range(1, 12))
    for page in pages:
        size = (tmp_path / page.src).stat().st_size
        assert 1000 < size <= MAX_PAGE_BYTES
        assert abs(page.width - 595.3) < 1 and abs(page.height - 841.9) < 1  # A4, in points


def test_batch_folder_gives_one_page_per_document_and_an_index(tmp_path: Path) -> None:
    src, out, review = tmp_path / "src", tmp_path / "out", tmp_path / "review"
    (src / "sub").mkdir(parents=True)
    shutil.copy(SOURCES / "cqp-delegue-veterinaire.txt", src)
    shutil.copy(SOURCES / "cqp-commercial-sedentaire-alimentaire.txt", src / "sub")
    assert main(["batch", str(src), str(out), "--no-nlp", "--jobs", "1"]) == 0
    assert main(["review", str(out), "-o", str(review)]) == 0

    index = lxml_html.parse(str(review / "index.html"))
    links = index.xpath("//table[@id='documents']//a/@href")
    assert sorted(links) == [
        "cqp-delegue-veterinaire.txt.html",
        "sub/cqp-commercial-sedentaire-alimentaire.txt.html",
    ]
    for link in links:
        page = lxml_html.parse(str(review / link))
        assert len(page.xpath("//nav[@id='tree']//li[@data-kind='bloc']")) >= 3
        text = (src / link.removesuffix(".html")).read_text(encoding="utf-8")
        numbers = page.xpath("//div[@class='line']/@data-line")
        assert numbers == [str(n) for n in range(1, len(text.split("\n")) + 1)]
        back = page.xpath("//header//a/@href")
        assert (review / link).parent.joinpath(back[0]).resolve() == review / "index.html"


def test_folder_without_run_report_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review", str(tmp_path), "-o", str(tmp_path / "review")]) == 13
    assert "not a batch output folder" in capsys.readouterr().err
    assert not (tmp_path / "review").exists()


def test_invalid_extraction_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"blocs": "nope"}', encoding="utf-8")
    source = SOURCES / "cqp-delegue-veterinaire.txt"
    code = main(["review", str(source), "--json", str(bad), "-o", str(tmp_path / "review")])
    assert code == 19
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.json" in err and "not a valid référentiel" in err
    assert not (tmp_path / "review").exists()


def test_image_frames_are_pages_at_their_declared_resolution(tmp_path: Path) -> None:
    """A two-frame TIFF at 150 dpi: two pages whose size in points is pixels × 72 / 150,
    the unit the OCR reader gives its boxes in."""
    pages = render_pages(ROOT / "tests" / "data" / "ocr" / "pages.tiff", "image", tmp_path, "p")
    assert [p.number for p in pages] == [1, 2]
    for page in pages:
        assert abs(page.width - 1240 * 72 / 150) < 1 and abs(page.height - 900 * 72 / 150) < 1
        assert (tmp_path.parent / page.src).stat().st_size <= MAX_PAGE_BYTES


def test_extraction_of_another_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SOURCES / "cqp-delegue-veterinaire.txt"
    extraction = tmp_path / "x.json"
    assert main(["extract", str(text), "-o", str(extraction), "--no-nlp"]) == 0
    other = SOURCES / "cqp-commercial-sedentaire-alimentaire.txt"
    code = main(["review", str(other), "--json", str(extraction), "-o", str(tmp_path / "r")])
    assert code == 19
    assert "not an extraction of" in capsys.readouterr().err
    assert main(["review", str(tmp_path / "missing.pdf"), "-o", str(tmp_path / "r")]) != 0
    assert not (tmp_path / "r").exists()
