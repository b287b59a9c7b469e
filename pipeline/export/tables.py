"""Flatten référentiels into relational tables (one pandas DataFrame per element type).

``TABLES`` describes every table: its columns (pandas dtype and meaning), its
primary key and its foreign keys. The same description types the DataFrames,
declares the SQLite tables (``catalogue.py``) and writes the data dictionary
(``dictionary.py``). Every table carries ``doc_sha256`` (SHA-256 of the source
file, one extraction) and the ids of the element and of its parents; the
``referentiels`` table groups the extractions of one référentiel (every format
and version) under its ``referentiel_key`` (``key.py``). Every list of the
JSON is a child table with a 1-based ``position``; links are link tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..models import Activite, Bloc, Competence, Critere, Provenance, item_place
from .load import Loaded


@dataclass(frozen=True)
class Column:
    """One column: pandas dtype (``string``, ``Int64``, ``boolean``) and what it holds."""

    dtype: str
    doc: str


@dataclass(frozen=True)
class Table:
    """One table: what a row is, its columns in order, primary and foreign keys."""

    doc: str
    columns: dict[str, Column]
    primary_key: tuple[str, ...] = ()
    #: (columns, parent table, parent columns)
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()
    dtypes: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "dtypes", {n: c.dtype for n, c in self.columns.items()})


def _c(dtype: str, doc: str) -> Column:
    return Column(dtype, doc)


_DOC = {"doc_sha256": _c("string", "SHA-256 of the source file: the extraction's key")}
_PROV = {
    "page": _c("Int64", "1-based page of the source (null for text input)"),
    "line": _c("Int64", "1-based line on the page, in the file, or DOCX paragraph number"),
    "rule": _c("string", "id of the rule or stage that produced the element"),
}
_WHERE = {"page": _PROV["page"], "line": _PROV["line"]}  # of a string of a list
_POSITION = {"position": _c("Int64", "1-based position in the list, in document order")}
_BLOC = {"bloc_id": _c("string", 'bloc id ("BC01"); null for a transversal compétence')}
_COMP = {"competence_id": _c("string", 'compétence id ("BC01.C01", transversal "CT01")')}
_ACT = {"activite_id": _c("string", 'activité id, position-based ("A01")')}
_CRIT = {"critere_id": _c("string", 'critère id ("BC01.K01")')}
_LIBELLE = {"libelle": _c("string", "the text, clean")}
_TO_DOC = ((("doc_sha256",), "certifications", ("doc_sha256",)),)
_TO_BLOC = ((("doc_sha256", "bloc_id"), "blocs", ("doc_sha256", "bloc_id")),)
_TO_COMP = ((("doc_sha256", "competence_id"), "competences", ("doc_sha256", "competence_id")),)
_TO_ACT = ((("doc_sha256", "activite_id"), "activites", ("doc_sha256", "activite_id")),)
_TO_CRIT = ((("doc_sha256", "critere_id"), "criteres", ("doc_sha256", "critere_id")),)

#: Every table, parents before children.
TABLES: dict[str, Table] = {
    "referentiels": Table(
        "One référentiel, whatever the number of files and versions extracted from it",
        {
            "referentiel_key": _c(
                "string",
                "the RNCP code when printed, else family-intitulé slug and a fingerprint "
                "of the certification and bloc structure",
            ),
            "code_rncp": _c("string", '"RNCP12345" when a document prints it'),
            "type": _c("string", "certification family (see Enumerations)"),
            "intitule": _c("string", "title of the certification (from its first document)"),
            "documents": _c("Int64", "number of extractions (rows of certifications)"),
        },
        ("referentiel_key",),
    ),
    "certifications": Table(
        "One extraction: a source file and the certification it describes",
        {
            **_DOC,
            "referentiel_key": _c("string", "the référentiel this file is a form of"),
            "path": _c("string", "path of the JSON, relative to the exported folder"),
            "filename": _c("string", "source file name"),
            "format": _c("string", "source format (see Enumerations)"),
            "pages": _c("Int64", "page count; null for formats without pages"),
            "ocr": _c("boolean", "true when any text came from OCR"),
            "extractor_version": _c("string", "version of referentiel that extracted it"),
            "schema_version": _c("string", "version of the output contract"),
            "type": _c("string", "certification family (see Enumerations), or null"),
            "intitule": _c("string", "title of the certification"),
            "code_rncp": _c("string", '"RNCP12345" when printed'),
            "description": _c("string", "description paragraphs"),
        },
        ("doc_sha256",),
        ((("referentiel_key",), "referentiels", ("referentiel_key",)),),
    ),
    "activites": Table(
        "One activité of the référentiel d'activités",
        {
            **_DOC,
            **_ACT,
            **_POSITION,
            "code": _c("string", 'code as printed ("1", "A1.1"), or null'),
            **_LIBELLE,
            **_PROV,
        },
        ("doc_sha256", "activite_id"),
        _TO_DOC,
    ),
    "taches": Table(
        "One tâche of an activité",
        {**_DOC, **_ACT, **_POSITION, **_LIBELLE, **_WHERE},
        ("doc_sha256", "activite_id", "position"),
        _TO_ACT,
    ),
    "blocs": Table(
        "One bloc de compétences",
        {
            **_DOC,
            "bloc_id": _c("string", 'bloc id, position-based ("BC01")'),
            **_POSITION,
            "code": _c("string", 'code as printed ("Bloc de compétences 1", "BC 2"), or null'),
            **_LIBELLE,
            **_PROV,
        },
        ("doc_sha256", "bloc_id"),
        _TO_DOC,
    ),
    "competences": Table(
        "One compétence of a bloc, or a transversal compétence",
        {
            **_DOC,
            **_BLOC,
            **_COMP,
            **_POSITION,
            "transversale": _c("boolean", "true for a compétence transversale"),
            "code": _c("string", 'code as printed ("C1.1"), or null'),
            **_LIBELLE,
            **_PROV,
        },
        ("doc_sha256", "competence_id"),
        _TO_BLOC,
    ),
    "connaissances": Table(
        "One connaissance of a bloc (competence_id null) or of a compétence",
        {
            **_DOC,
            **_BLOC,
            "competence_id": _c("string", "compétence id; null for a bloc's own connaissance"),
            **_POSITION,
            **_LIBELLE,
            **_WHERE,
        },
        (),
        _TO_BLOC + _TO_COMP,
    ),
    "conditions_realisation": Table(
        "One condition de réalisation of a compétence",
        {**_DOC, **_BLOC, **_COMP, **_POSITION, **_LIBELLE, **_WHERE},
        ("doc_sha256", "competence_id", "position"),
        _TO_COMP,
    ),
    "resultats_attendus": Table(
        "One résultat attendu of a compétence",
        {**_DOC, **_BLOC, **_COMP, **_POSITION, **_LIBELLE, **_WHERE},
        ("doc_sha256", "competence_id", "position"),
        _TO_COMP,
    ),
    "competence_activites": Table(
        "Link: an activité a compétence is linked to, as the document names it",
        {
            **_DOC,
            **_BLOC,
            **_COMP,
            **_POSITION,
            "activite_code": _c("string", "the activité's code as the compétence names it"),
            "activite_id": _c("string", "the activité with that code; null when none has it"),
        },
        ("doc_sha256", "competence_id", "position"),
        _TO_COMP + _TO_ACT,
    ),
    "criteres": Table(
        "One critère d'évaluation of a bloc",
        {
            **_DOC,
            "bloc_id": _c("string", "bloc id"),
            **_CRIT,
            **_POSITION,
            **_LIBELLE,
            **_PROV,
        },
        ("doc_sha256", "critere_id"),
        _TO_BLOC,
    ),
    "critere_competences": Table(
        "Link: a compétence a critère evaluates, when the document says so",
        {**_DOC, "bloc_id": _c("string", "bloc id"), **_CRIT, **_COMP},
        (),
        _TO_CRIT + _TO_COMP,
    ),
    "indicateurs": Table(
        "One indicateur of a critère",
        {**_DOC, "bloc_id": _c("string", "bloc id"), **_CRIT, **_POSITION, **_LIBELLE, **_WHERE},
        ("doc_sha256", "critere_id", "position"),
        _TO_CRIT,
    ),
    "modalites": Table(
        "One modalité d'évaluation of a bloc",
        {**_DOC, "bloc_id": _c("string", "bloc id"), **_POSITION, **_LIBELLE, **_WHERE},
        ("doc_sha256", "bloc_id", "position"),
        _TO_BLOC,
    ),
    "warnings": Table(
        "One thing the extractor was unsure of (see Warning codes)",
        {
            **_DOC,
            **_POSITION,
            "code": _c("string", "warning code (see Warning codes)"),
            "message": _c("string", "what and why, in one line"),
            "page": _PROV["page"],
            "line": _PROV["line"],
        },
        ("doc_sha256", "position"),
        _TO_DOC,
    ),
}

Row = dict[str, Any]


def activite_id(position: int) -> str:
    """The position-based id of the ``position``-th activité (1-based): ``A01``."""
    return f"A{position:02d}"


def _prov(provenance: Provenance | None) -> Row:
    if provenance is None:
        return {"page": None, "line": None, "rule": None}
    return {"page": provenance.page, "line": provenance.line, "rule": provenance.rule}


def _items(base: Row, owner: Activite | Bloc | Competence | Critere, name: str) -> list[Row]:
    """One row per string of the owner's list ``name``, with the string's own place."""
    rows = []
    for n, text in enumerate(getattr(owner, name), 1):
        place = item_place(owner, name, n - 1)
        where = {"page": place.page, "line": place.line} if place else {"page": None, "line": None}
        rows.append({**base, "position": n, "libelle": text, **where})
    return rows


def _code(code: str) -> str:
    return "".join(code.split()).casefold()


def _competence_rows(
    key: str,
    bloc_id: str | None,
    comps: Sequence[Competence],
    activites: dict[str, str],
    rows: dict[str, list[Row]],
) -> None:
    for pos, comp in enumerate(comps, 1):
        base = {"doc_sha256": key, "bloc_id": bloc_id, "competence_id": comp.id}
        rows["competences"].append(
            {
                **base,
                "position": pos,
                "transversale": bloc_id is None,
                "code": comp.code,
                "libelle": comp.libelle,
                **_prov(comp.provenance),
            }
        )
        rows["connaissances"] += _items(base, comp, "connaissances")
        rows["conditions_realisation"] += _items(base, comp, "conditions_realisation")
        rows["resultats_attendus"] += _items(base, comp, "resultats_attendus")
        rows["competence_activites"] += [
            {
                **base,
                "position": n,
                "activite_code": code,
                "activite_id": activites.get(_code(code)),
            }
            for n, code in enumerate(comp.activites, 1)
        ]


def _activite_rows(key: str, acts: Sequence[Activite], rows: dict[str, list[Row]]) -> None:
    for pos, act in enumerate(acts, 1):
        base = {"doc_sha256": key, "activite_id": activite_id(pos)}
        rows["activites"].append(
            {**base, "position": pos, "code": act.code, "libelle": act.libelle}
            | _prov(act.provenance)
        )
        rows["taches"] += _items(base, act, "taches")


def _document_rows(doc: Loaded, rows: dict[str, list[Row]]) -> None:
    ref, key = doc.referentiel, doc.sha256
    src, cert = ref.source, ref.certification
    rows["certifications"].append(
        {
            "doc_sha256": key,
            "referentiel_key": doc.key,
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
    _activite_rows(key, ref.activites, rows)
    by_code = {
        _code(act.code): activite_id(pos) for pos, act in enumerate(ref.activites, 1) if act.code
    }
    for bpos, bloc in enumerate(ref.blocs, 1):
        base = {"doc_sha256": key, "bloc_id": bloc.id}
        rows["blocs"].append(
            {**base, "position": bpos, "code": bloc.code, "libelle": bloc.libelle}
            | _prov(bloc.provenance)
        )
        rows["connaissances"] += _items({**base, "competence_id": None}, bloc, "connaissances")
        _competence_rows(key, bloc.id, bloc.competences, by_code, rows)
        rows["modalites"] += _items(base, bloc, "modalites_evaluation")
        for kpos, crit in enumerate(bloc.criteres, 1):
            ids = {**base, "critere_id": crit.id}
            rows["criteres"].append(
                {**ids, "position": kpos, "libelle": crit.libelle} | _prov(crit.provenance)
            )
            rows["critere_competences"] += [
                {**ids, "competence_id": cid} for cid in crit.competences
            ]
            rows["indicateurs"] += _items(ids, crit, "indicateurs")
    _competence_rows(key, None, ref.competences_transversales, by_code, rows)
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


def _referentiel_rows(documents: Sequence[Loaded]) -> list[Row]:
    """One row per référentiel key, described by its first document (path order)."""
    found: dict[str, Row] = {}
    for doc in documents:
        cert = doc.referentiel.certification
        row = found.setdefault(
            doc.key,
            {
                "referentiel_key": doc.key,
                "code_rncp": cert.code_rncp,
                "type": cert.type,
                "intitule": cert.intitule,
                "documents": 0,
            },
        )
        row["documents"] += 1
    return list(found.values())


def build_tables(documents: Sequence[Loaded]) -> dict[str, pd.DataFrame]:
    """One DataFrame per table of ``TABLES`` (typed columns, even when empty)."""
    rows: dict[str, list[Row]] = {name: [] for name in TABLES}
    rows["referentiels"] = _referentiel_rows(documents)
    for doc in documents:
        _document_rows(doc, rows)
    return {
        name: pd.DataFrame(rows[name], columns=list(table.columns)).astype(table.dtypes)
        for name, table in TABLES.items()
    }
