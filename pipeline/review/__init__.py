"""A reviewer's view: each page beside what was extracted from it.

``review_file`` writes the report of one document, ``review_batch`` one report
per document of a batch output folder plus an index. See :mod:`.report`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..errors import CorruptFile, InvalidOutput
from ..guards import check_file, read_json
from ..options import Limits, Options
from ..output import read_extraction
from .report import Review, write_index, write_review

__all__ = ["Review", "review_batch", "review_file"]


def review_file(
    source: Path,
    out_dir: Path,
    extraction: Path | None = None,
    gold: Path | None = None,
    options: Options | None = None,
) -> Review:
    """Review one document: extract it (or read ``extraction``, which must be the
    extraction of this very file), then write ``OUT_DIR/NAME.html`` and its page images."""
    check_file(source, (options or Options()).limits)
    if extraction is not None:
        doc = read_extraction(extraction)
        if doc["source"]["sha256"] != hashlib.sha256(source.read_bytes()).hexdigest():
            raise InvalidOutput(extraction, f"not an extraction of {source} (sha256 differs)")
    else:
        from ..isolate import extract_limited

        doc = extract_limited(source, options).model_dump(mode="json")
    reference = None
    if gold is not None:
        reference = read_json(gold, Limits())
        if not isinstance(reference, dict):
            raise CorruptFile(gold, "not a reference of the référentiel shape")
    name = gold.name if gold is not None else "the reference"
    return write_review(source, doc, out_dir / f"{source.name}.html", reference, name)


def review_batch(folder: Path, out_dir: Path) -> list[Review]:
    """Review every extraction a batch run wrote in ``folder`` (read from its
    ``run.json``): ``OUT_DIR/<relative path>.html`` each, and ``OUT_DIR/index.html``."""
    report_path = folder / "run.json"
    if not report_path.is_file():
        raise CorruptFile(folder, "not a batch output folder (no run.json)")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    src = Path(report["src"])
    reviews = []
    for entry in report["files"]:
        if not entry.get("output"):
            continue
        relative = Path(entry["output"])
        html = out_dir / relative.with_suffix(".html")
        back = "/".join([".."] * (len(relative.parts) - 1) + ["index.html"])
        doc = read_extraction(folder / relative)
        reviews.append(write_review(src / entry["input"], doc, html, back=back))
    write_index(reviews, out_dir, str(folder))
    return reviews
