"""RNCP XML export: FICHES/FICHE/BLOCS_COMPETENCES/BLOC_COMPETENCES with HTML lists."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from referentiel.cli import main
from referentiel.export.rncp_xml import html_list, xml_text


class _Items(HTMLParser):
    """Collect the text of every ``<li>`` of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[str] = []
        self._open = False

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag == "li":
            self._open = True
            self.items.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self._open = False

    def handle_data(self, data: str) -> None:
        if self._open:
            self.items[-1] += data


def li_texts(fragment: str | None) -> list[str]:
    parser = _Items()
    parser.feed(fragment or "")
    parser.close()
    return parser.items


@pytest.fixture(scope="module")
def fiches(extracted_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[ET.Element]:
    dest = tmp_path_factory.mktemp("xml") / "rncp.xml"
    assert main(["export", str(extracted_dir), "--to", "rncp-xml", str(dest)]) == 0
    assert dest.read_bytes().startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    root = ET.parse(dest).getroot()
    assert root.tag == "FICHES"
    return root.findall("FICHE")


@pytest.fixture(scope="module")
def refs(extracted_dir: Path) -> dict[str, dict[str, Any]]:
    found = {}
    for path in extracted_dir.rglob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        found[data["certification"]["intitule"]] = data
    return found


def test_export_rncp_xml_holds_every_bloc(
    fiches: list[ET.Element], refs: dict[str, dict[str, Any]]
) -> None:
    assert len(fiches) == len(refs) == 3
    for fiche in fiches:
        ref = refs[fiche.findtext("INTITULE")]
        blocs = fiche.findall("BLOCS_COMPETENCES/BLOC_COMPETENCES")
        assert [b.findtext("LIBELLE") for b in blocs] == [b["libelle"] for b in ref["blocs"]]
        for element, bloc in zip(blocs, ref["blocs"], strict=True):
            rncp = ref["certification"]["code_rncp"]
            code = f"{rncp}{bloc['id']}" if rncp else bloc["code"] or bloc["id"]
            assert element.findtext("CODE") == code
            expected = [
                " ".join(p for p in (c["code"], c["libelle"]) if p) for c in bloc["competences"]
            ]
            assert li_texts(element.findtext("LISTE_COMPETENCES")) == expected
            modalites = li_texts(element.findtext("MODALITES_EVALUATION"))
            assert modalites == bloc["modalites_evaluation"] + [
                k["libelle"] for k in bloc["criteres"]
            ]


def test_export_rncp_xml_child_order(fiches: list[ET.Element]) -> None:
    """Each bloc has the four RNCP elements, in the export's order."""
    for bloc in fiches[0].iter("BLOC_COMPETENCES"):
        assert [child.tag for child in bloc] == [
            "CODE",
            "LIBELLE",
            "LISTE_COMPETENCES",
            "MODALITES_EVALUATION",
        ]


@pytest.mark.parametrize(
    "text",
    ["a < b & c > d", "<li>déjà</li>", "R&D « qualité »", "x]]>y", "&amp; stays literal"],
)
def test_export_rncp_xml_html_list_escapes(text: str) -> None:
    fragment = html_list([text, "deux"])
    assert fragment.startswith("<ul><li>") and fragment.endswith("</li></ul>")
    assert li_texts(fragment) == [text, "deux"]
    element = ET.Element("LISTE_COMPETENCES")
    element.text = fragment
    assert ET.fromstring(ET.tostring(element, encoding="unicode")).text == fragment


def test_export_rncp_xml_drops_characters_xml_forbids() -> None:
    assert xml_text("a\x00b\x0cc\td\ne") == "abc\td\ne"
    assert html_list([]) == ""
