"""The review page as a real browser (Debian's Chromium) renders it: every element of a
PDF and of a scan in the tree with one box inside its page image, selection both ways,
``--gold`` counts equal to ``evaluate``'s, a correction round trip, DOCX line anchors,
and the diff report's links into the review."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from browser import chromium
from fixtures.paths import ROOT
from referentiel.api import extract
from referentiel.cli import main
from referentiel.evaluate import evaluate
from referentiel.models import Referentiel
from referentiel.output import to_json

SOURCES = ROOT / "sources"
GOLD = ROOT / "tests" / "data" / "gold" / "cqp-delegue-veterinaire.gold.json"
SCAN = ROOT / "tests" / "data" / "real" / "cqp-relation-commerciale-distance.scan.pdf"
SCHEMA = json.loads((ROOT / "output" / "schema" / "referentiel.schema.json").read_text())

# every box's and page image's rectangle, and every tree node, read in one call
LAYOUT = """() => {
  const rect = (el) => { const r = el.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
  return {
    boxes: [...document.querySelectorAll('.box')].map((b) => ({key: b.dataset.key,
      page: +b.closest('.page').dataset.page, rect: rect(b),
      image: rect(b.closest('.page').querySelector('img'))})),
    nodes: [...document.querySelectorAll('#tree .node')].map((n) => ({key: n.dataset.key,
      page: n.dataset.page ? +n.dataset.page : null, box: n.dataset.box || null,
      text: n.querySelector(':scope > .row .text').textContent})),
  };
}"""


#: the lists of each element type that hold elements of their own
_CHILDREN = {
    "activites": ("taches",),
    "blocs": ("connaissances", "competences", "modalites_evaluation", "criteres"),
    "competences": ("connaissances", "conditions_realisation", "resultats_attendus"),
    "competences_transversales": ("connaissances", "conditions_realisation", "resultats_attendus"),
    "criteres": ("indicateurs",),
}


def _elements(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every element of an extraction by JSON pointer: its text and provenance (or None;
    a string of a list has its own, in its owner's ``items_provenance``)."""
    found: dict[str, dict[str, Any]] = {}

    def add(key: str, name: str, value: Any, place: Any = None) -> None:
        if isinstance(value, str):
            found[key] = {"text": value, "provenance": place}
            return
        text = value["libelle"] if name != "warnings" else value["message"]
        found[key] = {"text": text, "provenance": value["provenance"]}
        places = value.get("items_provenance") or {}
        for child in _CHILDREN.get(name, ()):
            for i, item in enumerate(value[child]):
                own = places.get(child) or []
                add(f"{key}/{child}/{i}", child, item, own[i] if i < len(own) else None)

    for name, value in doc["certification"].items():
        if isinstance(value, str) and value:
            found[f"/certification/{name}"] = {"text": value, "provenance": None}
    for name in ("activites", "blocs", "competences_transversales", "warnings"):
        for i, item in enumerate(doc[name]):
            add(f"/{name}/{i}", name, item)
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict[str, Any], Path]]:
    """The PDF sample, its scan twin from the real corpus and the DOCX sample: each
    extracted for real and reviewed through the command line."""
    out = tmp_path_factory.mktemp("review")
    done = {}
    for name, source in (
        ("pdf", SOURCES / "cqp-delegue-veterinaire.pdf"),
        ("scan", SCAN),
        ("docx", SOURCES / "cqp-delegue-veterinaire.docx"),
    ):
        doc = json.loads(to_json(extract(source)))
        extraction = out / f"{source.name}.json"
        extraction.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        assert main(["review", str(source), "--json", str(extraction), "-o", str(out)]) == 0
        done[name] = (doc, out / f"{source.name}.html")
    return done


def _open(browser: Any, html: Path) -> Any:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(html.as_uri())
    page.wait_for_selector("#tree .node")
    page.errors = errors
    return page


@pytest.mark.parametrize("kind", ["pdf", "scan"])
def test_every_element_in_tree_with_one_box_inside_its_page(
    browser: Any, reviewed: dict[str, tuple[dict[str, Any], Path]], kind: str
) -> None:
    doc, html = reviewed[kind]
    page = _open(browser, html)
    layout = page.evaluate(LAYOUT)
    elements = _elements(doc)
    nodes = {n["key"]: n for n in layout["nodes"]}
    assert set(nodes) == set(elements)  # every element in the tree, nothing else
    for key, element in elements.items():
        assert nodes[key]["text"] == element["text"], key
    boxed = {k: e for k, e in elements.items() if (e["provenance"] or {}).get("bbox")}
    assert len(boxed) > 50  # blocs, compétences, critères and warnings of the sample
    by_key: dict[str, list[dict[str, Any]]] = {}
    for box in layout["boxes"]:
        by_key.setdefault(box["key"], []).append(box)
    assert set(by_key) == set(boxed)
    for key, element in boxed.items():
        (box,) = by_key[key]  # exactly one box
        assert box["page"] == element["provenance"]["page"], key
        rect, image = box["rect"], box["image"]
        assert rect["right"] - rect["left"] > 1 and rect["bottom"] - rect["top"] > 1, key
        assert image["left"] - 0.5 <= rect["left"] and rect["right"] <= image["right"] + 0.5, key
        assert image["top"] - 0.5 <= rect["top"] and rect["bottom"] <= image["bottom"] + 0.5, key
        assert nodes[key]["box"] == key
    assert page.errors == []
    page.close()


def _in_view(page: Any, selector: str) -> bool:
    return bool(
        page.evaluate(
            """(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
            return r.top >= 0 && r.bottom <= innerHeight; }""",
            selector,
        )
    )


def test_clicking_selects_both_ways(
    browser: Any, reviewed: dict[str, tuple[dict[str, Any], Path]]
) -> None:
    doc, html = reviewed["pdf"]
    page = _open(browser, html)
    last = len(doc["blocs"]) - 1
    critere = f"/blocs/{last}/criteres/0"  # on a page far below the first
    page.click(f'.node[data-key="{critere}"] > .row')
    box = f'.box[data-key="{critere}"]'
    assert page.locator(f"{box}.selected").count() == 1
    assert _in_view(page, box)
    assert page.locator(".box.selected").count() == 1
    indicateur = f"{critere}/indicateurs/0"  # a string of a list: its own box is shown
    page.click(f'.node[data-key="{indicateur}"] > .row')
    assert page.locator(f'.box[data-key="{indicateur}"].selected').count() == 1
    assert page.locator(".box.selected").count() == 1
    competence = "/blocs/0/competences/0"
    page.click(f'.box[data-key="{competence}"]')
    assert page.locator(".node.selected").evaluate_all("ns => ns.map(n => n.dataset.key)") == [
        competence
    ]
    assert _in_view(page, f'.node[data-key="{competence}"] > .row')
    assert page.locator(f'.box[data-key="{critere}"].selected').count() == 0
    assert page.errors == []
    page.close()


def test_gold_counts_match_evaluate(
    browser: Any,
    reviewed: dict[str, tuple[dict[str, Any], Path]],
    tmp_path: Path,
) -> None:
    """A reference with one critère dropped and one added (a compétence's text, printed
    on page 3): the view marks them as evaluate finds them, and places the missing one."""
    doc, html = reviewed["pdf"]
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    dropped = gold["blocs"][1]["criteres"].pop(0)
    added = gold["blocs"][0]["competences"][0]["libelle"]
    gold["blocs"][0]["criteres"].append({"libelle": added, "competences": [], "indicateurs": []})
    gold_path = tmp_path / "changed.gold.json"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    extraction = html.parent / "cqp-delegue-veterinaire.pdf.json"
    out = tmp_path / "gold"
    args = ["review", str(SOURCES / "cqp-delegue-veterinaire.pdf"), "--json", str(extraction)]
    assert main([*args, "--gold", str(gold_path), "-o", str(out)]) == 0

    page = _open(browser, out / html.name)
    shown = {
        row[0]: row[1:]
        for row in page.locator("#counts tr[data-type]").evaluate_all(
            "rows => rows.map(r => [...r.cells].map(c => c.textContent))"
        )
    }
    report = evaluate(gold, doc)
    expected = {
        t.type: [str(t.pred - len(t.extra)), str(len(t.missed)), str(len(t.extra))]
        for t in report.types
        if t.gold or t.pred
    }
    assert shown == expected
    criteres = next(t for t in report.types if t.type == "criteres")
    assert len(criteres.missed) >= 1 and len(criteres.extra) >= 1
    # the same figures as the marks on the tree's nodes
    marks = page.evaluate(
        "() => ['missing', 'extra', 'matched'].map(s => document.querySelectorAll("
        "'#tree .node.s-' + s).length)"
    )
    missed = sum(len(t.missed) for t in report.types)
    extra = sum(len(t.extra) for t in report.types)
    assert marks[:2] == [missed, extra]
    extra_critere = page.locator(".node.k-critere.s-extra .text").all_text_contents()
    assert dropped["libelle"] in extra_critere
    missing = page.locator('.node.k-critere.s-missing[data-page="3"]')
    assert missing.locator(".text").all_text_contents() == [added]
    key = missing.get_attribute("data-key")
    assert page.locator(f'#page-3 .box.s-missing[data-key="{key}"]').count() == 1
    assert page.errors == []
    page.close()


def test_correction_round_trip(
    browser: Any, reviewed: dict[str, tuple[dict[str, Any], Path]], tmp_path: Path
) -> None:
    """Edit one libellé, add one critère, download: the file validates, differs from the
    extraction by exactly those changes, and serves as a reference for evaluate."""
    doc, html = reviewed["pdf"]
    page = _open(browser, html)
    edited = "/blocs/0/criteres/1"
    page.click(f'.node[data-key="{edited}"] > .row')
    page.fill("#edit-text", "Libellé corrigé par la relectrice")
    page.click("#apply")
    page.click('.node[data-key="/blocs/2"] > .row')
    page.click("#adding summary")
    page.select_option("#add-kind", "critere")
    page.fill("#add-text", "Un critère oublié")
    page.click("#add")
    assert page.locator("#changes").text_content() == "2 change(s)"
    with page.expect_download() as download:
        page.click("#download")
    target = tmp_path / "corrected.json"
    download.value.save_as(target)
    corrected = json.loads(target.read_text(encoding="utf-8"))

    jsonschema.validate(corrected, SCHEMA)
    Referentiel.model_validate(corrected)
    new = corrected["blocs"][2]["criteres"].pop()
    n = len(doc["blocs"][2]["criteres"])
    assert new == {
        "id": f"BC03.K{n + 1:02d}",
        "libelle": "Un critère oublié",
        "competences": [],
        "indicateurs": [],
        "provenance": {"page": None, "line": None, "rule": "review", "bbox": None},
        "items_provenance": {},
    }
    assert corrected["blocs"][0]["criteres"][1]["libelle"] == "Libellé corrigé par la relectrice"
    expected = copy.deepcopy(doc)
    expected["blocs"][0]["criteres"][1]["libelle"] = "Libellé corrigé par la relectrice"
    assert corrected == expected  # nothing else changed
    corrected["blocs"][2]["criteres"].append(new)
    target.write_text(json.dumps(corrected, ensure_ascii=False), encoding="utf-8")
    extraction = html.parent / "cqp-delegue-veterinaire.pdf.json"
    assert main(["evaluate", str(target), str(extraction)]) == 0
    assert page.errors == []
    page.close()


def test_delete_and_retype(
    browser: Any, reviewed: dict[str, tuple[dict[str, Any], Path]], tmp_path: Path
) -> None:
    """A deleted modalité leaves its list; a compétence retyped as critère moves, box kept."""
    doc, html = reviewed["pdf"]
    page = _open(browser, html)
    page.click('.node[data-key="/blocs/1/modalites_evaluation/0"] > .row')
    page.click("#delete")
    page.click('.node[data-key="/blocs/1/competences/0"] > .row')
    page.select_option("#edit-kind", "critere")
    page.click("#apply")
    n = len(doc["blocs"][1]["criteres"])
    moved = f"/blocs/1/criteres/{n}"
    assert page.locator(f'.node.selected[data-key="{moved}"]').count() == 1
    assert page.locator(f'.box[data-key="{moved}"]').count() == 1
    with page.expect_download() as download:
        page.click("#download")
    corrected = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    jsonschema.validate(corrected, SCHEMA)
    bloc, before = corrected["blocs"][1], doc["blocs"][1]
    assert bloc["modalites_evaluation"] == before["modalites_evaluation"][1:]
    places = before["items_provenance"]["modalites_evaluation"]
    assert bloc["items_provenance"]["modalites_evaluation"] == places[1:]  # its place went too
    assert bloc["competences"] == before["competences"][1:]
    competence = before["competences"][0]
    assert bloc["criteres"][-1]["libelle"] == competence["libelle"]
    assert bloc["criteres"][-1]["provenance"] == competence["provenance"]
    page.close()


def test_docx_shows_numbered_paragraphs(
    browser: Any, reviewed: dict[str, tuple[dict[str, Any], Path]]
) -> None:
    doc, html = reviewed["docx"]
    page = _open(browser, html)
    assert page.locator(".page").count() == 0
    competence = doc["blocs"][1]["competences"][1]
    line = competence["provenance"]["line"]
    assert competence["libelle"] in page.locator(f"#L{line}").text_content()
    page.click('.node[data-key="/blocs/1/competences/1"] > .row')
    assert page.locator(f"#L{line}.selected").count() == 1
    assert _in_view(page, f"#L{line}")
    page.click(f"#L{doc['blocs'][0]['provenance']['line']}")
    assert page.locator('.node.selected[data-key="/blocs/0"]').count() == 1
    assert page.errors == []
    page.close()


def test_diff_links_open_the_element_in_the_review(
    browser: Any, reviewed: dict[str, tuple[dict[str, Any], Path]], tmp_path: Path
) -> None:
    doc, html = reviewed["pdf"]
    changed = copy.deepcopy(doc)
    changed["blocs"][3]["criteres"][1]["libelle"] += " (modifié)"
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    new.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    report = tmp_path / "diff.html"
    args = ["diff", str(old), str(new), "--html", str(report)]
    assert main([*args, "--review-old", html.as_uri(), "--review-new", html.as_uri()]) == 1
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(report.as_uri())
    page.click("a.review-new")
    page.wait_for_selector(".node.selected")
    key = "/blocs/3/criteres/1"
    assert page.locator(".node.selected").get_attribute("data-key") == key
    assert page.locator(f'.box.selected[data-key="{key}"]').count() == 1
    page.close()
