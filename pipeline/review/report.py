"""Write a review report: one HTML page per document (pages or lines on the left,
the extracted tree on the right), and an index page for a batch folder."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from ..atomic import write_atomic
from ..evaluate import assess
from .locate import TextFinder
from .pages import PageImage, SourceLine, render_pages, source_lines
from .view import KINDS, Node, counts, mark, sections

_HERE = Path(__file__).parent
#: the types a reviewer can give an element of a bloc (strings or objects of its lists)
MOVABLE = ["competence", "critere", "modalite", "connaissance"]
_LEGEND = ["bloc", "competence", "critere", "indicateur", "modalite", "connaissance", "activite"]


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader(__package__ or "referentiel.review"),
        autoescape=select_autoescape(["j2", "html"]),
    )


def _static(name: str) -> str:
    return (_HERE / "static" / name).read_text(encoding="utf-8")


def _script_json(data: Any) -> str:
    """JSON safe inside a ``<script>`` element (no ``</script>`` or ``<!--`` can close it)."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass
class Review:
    """Where one document's report was written, and what it shows."""

    html: Path
    name: str
    elements: int
    boxes: int
    warnings: int


def write_review(
    source: Path,
    doc: dict[str, Any],
    html: Path,
    gold: dict[str, Any] | None = None,
    gold_name: str = "the reference",
    back: str | None = None,
) -> Review:
    """Write the review page of ``doc`` (an extraction of ``source``) to ``html``;
    page images go in a folder beside it. Against ``gold``, every element is
    marked as ``evaluate`` finds it."""
    kind = doc["source"]["format"]
    pages: list[PageImage] = []
    lines: list[SourceLine] = []
    if kind in ("pdf", "image"):
        pages = render_pages(source, kind, html.parent / f"{html.stem}.pages", "p")
    else:
        lines = source_lines(source, kind)
    found = sections(doc)
    missing: list[Node] = []
    table = None
    if gold is not None:
        missing = mark(found, assess(gold, doc)[1])
        table = counts(found, missing)
        if kind == "pdf":
            _place(source, missing)
    nodes = [n for s in found for top in s.nodes for n in top.walk()]
    boxes: dict[int, list[Node]] = {}
    for node in [*nodes, *missing]:
        if node.box == node.key and node.page and node.bbox:
            boxes.setdefault(node.page, []).append(node)
    for on_page in boxes.values():  # warnings drawn first: an element's box lies above
        on_page.sort(key=lambda n: n.kind != "warning")
    template = _environment().get_template("review.html.j2")
    text = template.render(
        name=doc["source"]["filename"],
        doc=doc,
        doc_json=_script_json(doc),
        pages=pages,
        lines=lines,
        boxes=boxes,
        sections=found,
        missing=missing,
        counts=table,
        gold_name=gold_name,
        kinds=KINDS,
        movable=MOVABLE,
        legend=[(k, KINDS[k][0]) for k in _LEGEND],
        back=back,
        css=_static("review.css"),
        js=_static("review.js"),
    )
    write_atomic(html, text)
    return Review(
        html,
        doc["source"]["filename"],
        sum(n.kind != "warning" for n in nodes),
        sum(len(b) for b in boxes.values()),
        len(doc.get("warnings") or []),
    )


def _place(source: Path, missing: list[Node]) -> None:
    """Give each missed reference element the box where its text stands, if found."""
    with TextFinder(source) as finder:
        for node in missing:
            place = finder.find(node.text)
            if place is not None:
                node.page, bbox = place
                node.bbox, node.box = bbox.model_dump(), node.key


def write_index(reviews: list[Review], folder: Path, title: str) -> Path:
    """The index page of a batch review: one row per document, linking to its page."""
    rows = [
        {**review.__dict__, "href": os.path.relpath(review.html, folder).replace(os.sep, "/")}
        for review in reviews
    ]
    template = _environment().get_template("index.html.j2")
    target = folder / "index.html"
    write_atomic(target, template.render(title=title, rows=rows, css=_static("review.css")))
    return target
