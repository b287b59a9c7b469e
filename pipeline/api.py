"""The small Python API: ``parse(path)`` → Document, ``extract(path)`` → Referentiel."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from .backends import backend_for
from .docmodel import Document
from .errors import CorruptFile, NotAReferentiel, ReferentielError
from .formats import Format
from .guards import as_project_error, check_content, check_file, intact_revision
from .models import Referentiel
from .options import Options
from .refusal import refusal
from .sniff import detect


def parse(path: str | Path, options: Options | None = None) -> Document:
    """Read any supported file into the intermediate document model.

    Cheap guards run first (size, zip bomb, XML entities, PDF encryption and page
    count, image pixels); anything a backend then raises that is not already a
    :class:`~referentiel.errors.ReferentielError` becomes one naming the file.
    """
    options = options or Options()
    source = Path(path)
    check_file(source, options.limits)
    kind = detect(source)
    try:
        check_content(source, kind, options.limits)
    except CorruptFile:
        revision = intact_revision(source) if kind is Format.PDF else None
        if revision is None:
            raise
        return _parse_revision(source, revision, options)
    return _parse_checked(source, kind, options)


def _parse_checked(source: Path, kind: Format, options: Options) -> Document:
    backend = backend_for(kind)
    try:
        return backend.parse(source, options)
    except ReferentielError:
        raise
    except Exception as err:
        raise as_project_error(source, kind, err) from err


def _parse_revision(source: Path, revision: bytes, options: Options) -> Document:
    """Read a PDF at its last intact revision (a broken update was appended to it)."""
    with tempfile.TemporaryDirectory(prefix="referentiel-revision-") as folder:
        copy = Path(folder) / source.name
        copy.write_bytes(revision)
        check_content(copy, Format.PDF, options.limits)
        document = _parse_checked(copy, Format.PDF, options)
    document.filename = source.name
    document.sha256 = hashlib.sha256(source.read_bytes()).hexdigest()
    document.warn(
        "PDF_BROKEN_UPDATE",
        "the last update appended to this PDF is broken; the document is read as it was"
        " before that update",
    )
    return document


def extract(path: str | Path, options: Options | None = None) -> Referentiel:
    """Extract one référentiel; raises a ``ReferentielError`` with the reason when it cannot."""
    options = options or Options()
    document = parse(path, options)  # bad input fails here, before the segmenter loads

    from .segment import segment

    referentiel = segment(document, options)
    reason = refusal(referentiel, document, options.use_nlp)
    if reason is not None:
        raise NotAReferentiel(path, reason)
    return referentiel
