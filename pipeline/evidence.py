"""Document-wide evidence of a référentiel's structure, for the refusal decision.

A référentiel's units are the body of the document: most of its text is placed
in blocs, compétences, critères and activités, and its units hold statements.
A course, a syllabus or an exercise sheet can still yield a few units — its
chapter headings, a menu of codes, a list of numbered questions — but they
cover a sliver of its text, which is prose, and often questions. The figures
here measure that on the whole document, not on its wording:

- :func:`placed_share`: characters of the extraction's texts over the document's;
- :func:`prose_share`: characters outside tables over all characters (a
  référentiel delivered as tables has little prose around them);
- :func:`questions`: paragraphs and table cells ending with a question mark,
  and all of them (an exercise sheet asks, a référentiel states);
- :func:`statements`: compétences, critères and activités found under the units.
"""

from __future__ import annotations

from typing import Any

from .docmodel import Document, Kind
from .models import Referentiel

# Provenance and bookkeeping fields, not text the extraction took from the document.
_NOT_TEXT = frozenset({"id", "provenance", "items_provenance", "confidence"})


def placed_share(document: Document, referentiel: Referentiel) -> float:
    """Characters of the extraction's texts over the document's characters (0 for an
    empty document; above 1 when a text is placed twice)."""
    total = sum(len(b.text) for b in document.walk())
    if not total:
        return 0.0
    data = referentiel.model_dump(include={"blocs", "competences_transversales", "activites"})
    return sum(len(text) for text in _texts(data)) / total


def prose_share(document: Document) -> float:
    """Characters outside tables over all characters of the document."""
    outside = sum(len(b.text) for b in document.blocks if b.kind is not Kind.TABLE)
    total = sum(len(b.text) for b in document.walk())
    return outside / total if total else 0.0


def questions(document: Document) -> tuple[int, int]:
    """Paragraphs (and table cells) ending with a question mark, and all non-empty ones."""
    texts = [b.text.rstrip() for b in document.walk() if b.kind is not Kind.TABLE]
    texts = [t for t in texts if t]
    return sum(1 for t in texts if t.endswith("?")), len(texts)


def statements(referentiel: Referentiel) -> int:
    """Compétences, critères and activités found under the units."""
    found = len(referentiel.competences_transversales) + len(referentiel.activites)
    for bloc in referentiel.blocs:
        found += len(bloc.competences) + len(bloc.criteres)
    return found


def _texts(data: Any) -> list[str]:
    """Every string of a dumped extraction, bookkeeping fields left out."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [t for k, v in data.items() if k not in _NOT_TEXT for t in _texts(v)]
    if isinstance(data, list):
        return [t for v in data for t in _texts(v)]
    return []
