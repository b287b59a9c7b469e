"""The small Python API: ``parse(path)`` → Document, ``extract(path)`` → Referentiel."""

from __future__ import annotations

from pathlib import Path

from .backends import backend_for
from .docmodel import Document
from .errors import EmptyFile, LimitExceeded, NotAReferentiel
from .models import Referentiel
from .options import Options
from .sniff import detect


def parse(path: str | Path, options: Options | None = None) -> Document:
    """Read any supported file into the intermediate document model."""
    options = options or Options()
    source = Path(path)
    size = source.stat().st_size
    if size == 0:
        raise EmptyFile(source, "file is empty (0 bytes)")
    if size > options.limits.max_file_bytes:
        raise LimitExceeded(
            source, f"file is {size} bytes, over the {options.limits.max_file_bytes}-byte limit"
        )
    kind = detect(source)
    return backend_for(kind).parse(source, options)


def extract(path: str | Path, options: Options | None = None) -> Referentiel:
    """Extract one référentiel; raises a ``ReferentielError`` with the reason when it cannot."""
    from .segment import segment

    options = options or Options()
    document = parse(path, options)
    referentiel = segment(document, options)
    if not referentiel.blocs and not referentiel.competences_transversales:
        raise NotAReferentiel(path, "not a référentiel: no bloc and no compétence found")
    return referentiel
