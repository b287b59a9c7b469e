"""Every string of an element's lists (indicateurs, connaissances, tâches…) carries its
own provenance: the JSON records it, and the diff, the review tree and the flat tables
use it instead of the owner's place."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from fixtures.paths import SOURCES
from referentiel.api import extract
from referentiel.diff import diff_paths
from referentiel.models import Referentiel
from referentiel.output import to_json
from referentiel.review.view import sections

PDF = SOURCES / "cqp-delegue-veterinaire.pdf"


def _owners(ref: Referentiel) -> Iterator[Any]:
    """Every element that has lists of strings."""
    yield from ref.activites
    for bloc in ref.blocs:
        yield bloc
        yield from bloc.competences
        yield from bloc.criteres
    yield from ref.competences_transversales


def _lists(owner: Any) -> dict[str, list[str]]:
    names = ("taches", "connaissances", "conditions_realisation", "resultats_attendus")
    names += ("modalites_evaluation", "indicateurs")
    return {n: getattr(owner, n) for n in names if getattr(owner, n, None)}


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


@pytest.fixture(scope="module")
def pdf_ref() -> Referentiel:
    return extract(PDF)


@pytest.mark.parametrize(
    "name", ["cqp-delegue-veterinaire.pdf", "cqpm-technico-commercial-industriel.pdf"]
)
def test_each_pdf_string_has_its_own_box_holding_its_text(name: str) -> None:
    ref = extract(SOURCES / name)
    checked = continued = 0
    with pdfplumber.open(SOURCES / name) as pdf:
        for owner in _owners(ref):
            for list_name, texts in _lists(owner).items():
                places = owner.items_provenance[list_name]
                assert len(places) == len(texts), (owner.libelle, list_name)
                for text, place in zip(texts, places, strict=True):
                    assert place.page and place.line and place.bbox, (list_name, text)
                    box = place.bbox
                    page = pdf.pages[place.page - 1]
                    inside = page.crop((box.x0, box.top, box.x1, box.bottom)).extract_text()
                    start = " ".join(_words(text).split()[:4])
                    checked += 1
                    if start in _words(inside):
                        continue
                    # a table cell continued on the next page is one paragraph, placed
                    # where it starts: the string may stand in its continuation
                    following = (
                        pdf.pages[place.page].extract_text() if place.page < len(pdf.pages) else ""
                    )
                    assert start in _words(following), (list_name, text, place)
                    continued += 1
    assert checked > 20 and continued <= checked // 10


@pytest.mark.parametrize(
    "name", ["cqp-delegue-veterinaire.docx", "cqp-commercial-sedentaire-alimentaire.txt"]
)
def test_docx_and_text_strings_have_lines_in_document_order(name: str) -> None:
    ref = extract(SOURCES / name)
    checked = 0
    for owner in _owners(ref):
        for list_name, texts in _lists(owner).items():
            lines = [p.line for p in owner.items_provenance[list_name]]
            assert len(lines) == len(texts) and all(lines), (owner.libelle, list_name, lines)
            assert lines == sorted(lines), (owner.libelle, list_name, lines)
            assert min(lines) >= (owner.provenance.line or 0), (owner.libelle, list_name)
            checked += len(lines)
    assert checked > 20


def _critere_with_indicateurs(ref: Referentiel) -> tuple[int, int]:
    for b, bloc in enumerate(ref.blocs):
        for k, crit in enumerate(bloc.criteres):
            if len(crit.indicateurs) >= 3:
                return b, k
    raise AssertionError("no critère with three indicateurs")


def test_diff_row_of_an_edited_indicateur_names_its_own_line(
    pdf_ref: Referentiel, tmp_path: Path
) -> None:
    data = json.loads(to_json(pdf_ref))
    b, k = _critere_with_indicateurs(pdf_ref)
    crit = data["blocs"][b]["criteres"][k]
    crit["indicateurs"][2] += " (modifié)"
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    (tmp_path / "old" / "doc.json").write_text(to_json(pdf_ref), encoding="utf-8")
    (tmp_path / "new" / "doc.json").write_text(json.dumps(data), encoding="utf-8")
    result = diff_paths(tmp_path / "old", tmp_path / "new")
    changes = [c for d in result.documents for c in d.changes]
    assert [c.type for c in changes] == ["indicateur"]
    own = crit["items_provenance"]["indicateurs"][2]
    assert (changes[0].new_page, changes[0].new_line) == (own["page"], own["line"])
    assert changes[0].new_line != crit["provenance"]["line"]


def test_review_tree_shows_each_indicateur_at_its_own_box(pdf_ref: Referentiel) -> None:
    data = json.loads(to_json(pdf_ref))
    nodes = [n for s in sections(data) for top in s.nodes for n in top.walk()]
    indicateurs = [n for n in nodes if n.kind == "indicateur"]
    assert indicateurs
    for node in indicateurs:
        assert not node.inherited and node.box == node.key and node.bbox, node.key
    places = {(n.page, n.line) for n in indicateurs}
    assert len(places) == len(indicateurs)  # a place each, not their critère's


def test_flat_tables_give_each_indicateur_its_own_page_and_line(
    pdf_ref: Referentiel, tmp_path: Path
) -> None:
    from referentiel.export.load import load_folder
    from referentiel.export.tables import build_tables

    (tmp_path / "doc.json").write_text(to_json(pdf_ref), encoding="utf-8")
    tables = build_tables(load_folder(tmp_path).documents)
    rows = tables["indicateurs"].sort_values(["critere_id", "position"])
    expected = [
        (p.page, p.line)
        for bloc in pdf_ref.blocs
        for crit in sorted(bloc.criteres, key=lambda c: c.id)
        for p in crit.items_provenance.get("indicateurs", [])
    ]
    assert list(zip(rows["page"], rows["line"], strict=True)) == expected
