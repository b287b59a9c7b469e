"""Search documents: one self-contained record per compétence.

Each record carries what a search engine needs to index and display the
compétence without joins: its certification, its bloc, the critères that
evaluate it with their indicateurs, and the bloc's modalités d'évaluation.
The same records feed the JSONL export and the SQLite full-text index.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..models import Bloc, Competence, Critere
from ..output import write_output
from .load import Loaded


def criteres_for(bloc: Bloc, competence: Competence) -> tuple[str, list[Critere]]:
    """The critères that evaluate ``competence``, and how they were chosen.

    ``"linked"``: the critères the document links to this compétence.
    ``"bloc"``: none is linked to it, so the bloc's critères linked to no
    compétence in particular (all of them when the bloc has no links at all).
    """
    linked = [k for k in bloc.criteres if competence.id in k.competences]
    if linked:
        return "linked", linked
    return "bloc", [k for k in bloc.criteres if not k.competences]


#: Top-level fields of a search document and what they hold. ``id`` is the only field
#: whose name ends in "id", so Meilisearch infers it as the primary key.
RECORD_FIELDS: dict[str, str] = {
    "id": "primary key, unique per file and compétence: <doc_sha256>-<compétence id with "
    '"." as "-"> (characters [A-Za-z0-9_-] only)',
    "referentiel_key": "the référentiel (every file and version of it share the key)",
    "competence_key": "the compétence within its référentiel, the same in every file: "
    "<referentiel_key>--<compétence id>; distinct / collapse on it for one hit per référentiel",
    "doc_sha256": "SHA-256 of the source file",
    "source": "{filename, path}: the source file and the JSON it was read from",
    "certification": "{type, intitule, code_rncp}",
    "bloc": "{id, code, libelle} of the bloc; null for a transversal compétence",
    "competence_ref": 'the compétence\'s position-based id in its file ("BC01.C01")',
    "code": 'code as printed ("C1.1"), or null',
    "libelle": "the compétence",
    "transversale": "true for a compétence transversale",
    "connaissances": "the bloc's connaissances, then the compétence's own",
    "activites": "codes of the activités the document links it to",
    "criteres_scope": '"linked": critères linked to it; "bloc": none is, so the bloc\'s '
    'critères linked to no compétence in particular; "none": a transversal compétence',
    "criteres": "[{id, libelle, indicateurs}] the critères that evaluate it",
    "indicateurs": "every indicateur of those critères, flat",
    "modalites_evaluation": "the bloc's modalités d'évaluation",
    "provenance": "{page, line, rule, bbox} of the compétence in the source",
}


def record_id(*parts: str) -> str:
    """An id search engines accept: the parts joined by "-", "." written "-"."""
    return "-".join(part.replace(".", "-") for part in parts)


def _record(doc: Loaded, bloc: Bloc | None, comp: Competence) -> dict[str, Any]:
    ref = doc.referentiel
    scope, criteres = criteres_for(bloc, comp) if bloc else ("none", [])
    return {
        "id": record_id(doc.sha256, comp.id),
        "referentiel_key": doc.key,
        "competence_key": record_id(doc.key, "", comp.id),
        "doc_sha256": doc.sha256,
        "source": {"filename": ref.source.filename, "path": doc.path},
        "certification": {
            "type": ref.certification.type,
            "intitule": ref.certification.intitule,
            "code_rncp": ref.certification.code_rncp,
        },
        "bloc": {"id": bloc.id, "code": bloc.code, "libelle": bloc.libelle} if bloc else None,
        "competence_ref": comp.id,
        "code": comp.code,
        "libelle": comp.libelle,
        "transversale": bloc is None,
        "connaissances": [*(bloc.connaissances if bloc else []), *comp.connaissances],
        "activites": comp.activites,
        "criteres_scope": scope,
        "criteres": [
            {"id": k.id, "libelle": k.libelle, "indicateurs": k.indicateurs} for k in criteres
        ],
        "indicateurs": [text for k in criteres for text in k.indicateurs],
        "modalites_evaluation": bloc.modalites_evaluation if bloc else [],
        "provenance": comp.provenance.model_dump(mode="json"),
    }


def search_documents(documents: Iterable[Loaded]) -> Iterator[dict[str, Any]]:
    """One record per compétence (transversal ones included), in document order."""
    for doc in documents:
        for bloc in doc.referentiel.blocs:
            for comp in bloc.competences:
                yield _record(doc, bloc, comp)
        for comp in doc.referentiel.competences_transversales:
            yield _record(doc, None, comp)


def write_jsonl(documents: Iterable[Loaded], dest: Path | str) -> int:
    """Write the search documents as JSON Lines (UTF-8) to ``dest`` (``-``: standard
    output); returns the record count."""
    lines = [
        json.dumps(record, ensure_ascii=False) + "\n" for record in search_documents(documents)
    ]
    write_output("".join(lines), dest)
    return len(lines)
