"""Flatten référentiels into relational tables (one pandas DataFrame per element type).

Every table carries ``doc_sha256`` (SHA-256 of the source file) and the ids of
the element and of its parents, so tables join on (``doc_sha256``, ``bloc_id``),
(``doc_sha256``, ``competence_id``), (``doc_sha256``, ``critere_id``). Lists of
strings that are elements in their own right (tâches, connaissances,
indicateurs, modalités) get their own table with a 1-based ``position``; the
remaining small lists (a compétence's linked activity codes, conditions,
expected results) are joined into one text column with newlines.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from ..models import Competence, Provenance
from .load import Loaded

_KEY = {"doc_sha256": "string"}
_PROV = {"page": "Int64", "line": "Int64", "rule": "string"}

#: Column name → pandas dtype, per table, in output order.
SCHEMA: dict[str, dict[str, str]] = {
    "certifications": {
        **_KEY,
        "path": "string",
        "filename": "string",
        "format": "string",
        "pages": "Int64",
        "ocr": "boolean",
        "extractor_version": "string",
        "schema_version": "string",
        "type": "string",
        "intitule": "string",
        "code_rncp": "string",
        "description": "string",
    },
    "activites": {
        **_KEY,
        "activite_position": "Int64",
        "code": "string",
        "libelle": "string",
        **_PROV,
    },
    "taches": {**_KEY, "activite_position": "Int64", "position": "Int64", "libelle": "string"},
    "blocs": {
        **_KEY,
        "bloc_id": "string",
        "position": "Int64",
        "code": "string",
        "libelle": "string",
        **_PROV,
    },
    "competences": {
        **_KEY,
        "bloc_id": "string",
        "competence_id": "string",
        "position": "Int64",
        "transversale": "boolean",
        "code": "string",
        "libelle": "string",
        "activites": "string",
        "conditions_realisation": "string",
        "resultats_attendus": "string",
        **_PROV,
    },
    "connaissances": {
        **_KEY,
        "bloc_id": "string",
        "competence_id": "string",
        "position": "Int64",
        "libelle": "string",
    },
    "criteres": {
        **_KEY,
        "bloc_id": "string",
        "critere_id": "string",
        "position": "Int64",
        "libelle": "string",
        **_PROV,
    },
    "critere_competences": {
        **_KEY,
        "bloc_id": "string",
        "critere_id": "string",
        "competence_id": "string",
    },
    "indicateurs": {
        **_KEY,
        "bloc_id": "string",
        "critere_id": "string",
        "position": "Int64",
        "libelle": "string",
    },
    "modalites": {**_KEY, "bloc_id": "string", "position": "Int64", "libelle": "string"},
    "warnings": {
        **_KEY,
        "position": "Int64",
        "code": "string",
        "message": "string",
        "page": "Int64",
        "line": "Int64",
    },
}

TABLES: tuple[str, ...] = tuple(SCHEMA)

Row = dict[str, Any]


def _prov(provenance: Provenance | None) -> Row:
    if provenance is None:
        return {"page": None, "line": None, "rule": None}
    return {"page": provenance.page, "line": provenance.line, "rule": provenance.rule}


def _lines(values: Iterable[str]) -> str | None:
    joined = "\n".join(values)
    return joined or None


def _competence_rows(
    key: str, bloc_id: str | None, comps: Sequence[Competence], rows: dict[str, list[Row]]
) -> None:
    for pos, comp in enumerate(comps, 1):
        rows["competences"].append(
            {
                "doc_sha256": key,
                "bloc_id": bloc_id,
                "competence_id": comp.id,
                "position": pos,
                "transversale": bloc_id is None,
                "code": comp.code,
                "libelle": comp.libelle,
                "activites": _lines(comp.activites),
                "conditions_realisation": _lines(comp.conditions_realisation),
                "resultats_attendus": _lines(comp.resultats_attendus),
                **_prov(comp.provenance),
            }
        )
        for n, text in enumerate(comp.connaissances, 1):
            rows["connaissances"].append(
                {
                    "doc_sha256": key,
                    "bloc_id": bloc_id,
                    "competence_id": comp.id,
                    "position": n,
                    "libelle": text,
                }
            )


def _document_rows(doc: Loaded, rows: dict[str, list[Row]]) -> None:
    ref, key = doc.referentiel, doc.sha256
    src, cert = ref.source, ref.certification
    rows["certifications"].append(
        {
            "doc_sha256": key,
            "path": doc.path,
            "filename": src.filename,
            "format": src.format,
            "pages": src.pages,
            "ocr": src.ocr,
            "extractor_version": src.extractor_version,
            "schema_version": ref.schema_version,
            "type": cert.type,
            "intitule": cert.intitule,
            "code_rncp": cert.code_rncp,
            "description": cert.description,
        }
    )
    for apos, act in enumerate(ref.activites, 1):
        rows["activites"].append(
            {
                "doc_sha256": key,
                "activite_position": apos,
                "code": act.code,
                "libelle": act.libelle,
                **_prov(act.provenance),
            }
        )
        rows["taches"].extend(
            {"doc_sha256": key, "activite_position": apos, "position": n, "libelle": text}
            for n, text in enumerate(act.taches, 1)
        )
    for bpos, bloc in enumerate(ref.blocs, 1):
        base = {"doc_sha256": key, "bloc_id": bloc.id}
        rows["blocs"].append(
            {**base, "position": bpos, "code": bloc.code, "libelle": bloc.libelle}
            | _prov(bloc.provenance)
        )
        rows["connaissances"].extend(
            {**base, "competence_id": None, "position": n, "libelle": text}
            for n, text in enumerate(bloc.connaissances, 1)
        )
        _competence_rows(key, bloc.id, bloc.competences, rows)
        rows["modalites"].extend(
            {**base, "position": n, "libelle": text}
            for n, text in enumerate(bloc.modalites_evaluation, 1)
        )
        for kpos, crit in enumerate(bloc.criteres, 1):
            ids = {**base, "critere_id": crit.id}
            rows["criteres"].append(
                {**ids, "position": kpos, "libelle": crit.libelle} | _prov(crit.provenance)
            )
            rows["critere_competences"].extend(
                {**ids, "competence_id": cid} for cid in crit.competences
            )
            rows["indicateurs"].extend(
                {**ids, "position": n, "libelle": text}
                for n, text in enumerate(crit.indicateurs, 1)
            )
    _competence_rows(key, None, ref.competences_transversales, rows)
    for n, warning in enumerate(ref.warnings, 1):
        prov = _prov(warning.provenance)
        rows["warnings"].append(
            {
                "doc_sha256": key,
                "position": n,
                "code": warning.code,
                "message": warning.message,
                "page": prov["page"],
                "line": prov["line"],
            }
        )


def build_tables(documents: Iterable[Loaded]) -> dict[str, pd.DataFrame]:
    """One DataFrame per table of ``SCHEMA`` (typed columns, even when empty)."""
    rows: dict[str, list[Row]] = {name: [] for name in SCHEMA}
    for doc in documents:
        _document_rows(doc, rows)
    return {
        name: pd.DataFrame(rows[name], columns=list(columns)).astype(columns)
        for name, columns in SCHEMA.items()
    }
