"""Export a batch output folder: flat tables, search documents, catalogue, RNCP XML.

``export(out_dir, to, dest)`` reads every référentiel JSON below ``out_dir``
(``load.load_folder``) and writes it in one of ``FORMATS``:

* ``parquet`` / ``csv`` — ``dest`` is a folder, one file per table (``tables.py``);
* ``jsonl`` — ``dest`` is a file, one search document per compétence (``documents.py``);
* ``sqlite`` — ``dest`` is a file: the tables plus a full-text index (``catalogue.py``);
* ``rncp-xml`` — ``dest`` is a file in the RNCP export shape (``rncp_xml.py``).

This module imports nothing heavy, so the command line stays fast; pandas is
loaded by the writers that need it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ReferentielError

FORMATS = ("parquet", "csv", "jsonl", "sqlite", "rncp-xml")
STREAMABLE = ("jsonl", "rncp-xml")  # formats that can go to standard output
STDOUT = "-"


@dataclass
class ExportResult:
    """What was written: documents exported (extractions, and the référentiels they are
    forms of), files skipped, row counts per table."""

    dest: Path
    documents: int
    skipped: list[tuple[str, str]] = field(default_factory=list)
    referentiels: int = 0
    counts: dict[str, int] = field(default_factory=dict)


def export(out_dir: str | Path, to: str, dest: str | Path, excel: bool = False) -> ExportResult:
    """Export the référentiels below ``out_dir`` to ``dest`` in format ``to`` (``-``:
    standard output, for the formats written as one file of text: jsonl, rncp-xml);
    ``excel``: CSV as Excel opens it (UTF-8 with BOM, ``;`` between fields)."""
    from ..atomic import check_target
    from .load import load_folder
    from .tables import build_tables

    if to not in FORMATS:
        raise ReferentielError(to, f"unknown export format (choose from {', '.join(FORMATS)})")
    folder = load_folder(out_dir)
    if not folder.documents:
        raise ReferentielError(out_dir, "no référentiel JSON found in this folder")
    target, docs = Path(dest), folder.documents
    to_stdout = str(dest) == STDOUT
    if to_stdout and to not in STREAMABLE:
        raise ReferentielError(dest, f"--to {to} cannot be written to standard output")
    if to in ("parquet", "csv") and target.exists() and not target.is_dir():
        raise ReferentielError(target, f"--to {to} writes a folder of tables, this is a file")
    if to not in ("parquet", "csv") and target.is_dir():
        raise ReferentielError(target, f"--to {to} writes a file, this is a folder")
    if to not in ("parquet", "csv") and not to_stdout:
        check_target(target, [Path(out_dir) / doc.path for doc in docs])
    result = ExportResult(target, len(docs), folder.skipped, len({doc.key for doc in docs}))
    if to in ("parquet", "csv"):
        from .files import write_tables

        result.counts = write_tables(build_tables(docs), target, to, excel)
    elif to == "sqlite":
        from .catalogue import write_sqlite

        result.counts = write_sqlite(docs, build_tables(docs), target)
    elif to == "jsonl":
        from .documents import write_jsonl

        result.counts = {"competences": write_jsonl(docs, dest)}
    else:
        from .rncp_xml import write_rncp_xml

        result.counts = write_rncp_xml(docs, dest)
    return result
