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

from ..atomic import atomic_path
from ..models import Bloc, Competence, Critere
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


def _record(doc: Loaded, bloc: Bloc | None, comp: Competence) -> dict[str, Any]:
    ref = doc.referentiel
    scope, criteres = criteres_for(bloc, comp) if bloc else ("none", [])
    return {
        "id": f"{doc.sha256}/{comp.id}",
        "doc_sha256": doc.sha256,
        "source": {"filename": ref.source.filename, "path": doc.path},
        "certification": {
            "type": ref.certification.type,
            "intitule": ref.certification.intitule,
            "code_rncp": ref.certification.code_rncp,
        },
        "bloc": {"id": bloc.id, "code": bloc.code, "libelle": bloc.libelle} if bloc else None,
        "competence_id": comp.id,
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


def write_jsonl(documents: Iterable[Loaded], dest: Path) -> int:
    """Write the search documents as JSON Lines (UTF-8); returns the record count."""
    count = 0
    with atomic_path(dest) as tmp, tmp.open("w", encoding="utf-8") as handle:
        for record in search_documents(documents):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count
