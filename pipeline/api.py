"""The small Python API: ``parse(path)`` → Document, ``extract(path)`` → Referentiel."""

from __future__ import annotations

from pathlib import Path

from .backends import backend_for
from .docmodel import Document
from .errors import NotAReferentiel, ReferentielError
from .guards import as_project_error, check_content, check_file
from .models import Referentiel
from .options import Options
from .sniff import detect


def parse(path: str | Path, options: Options | None = None) -> Document:
    """Read any supported file into the intermediate document model.

    Cheap guards run first (size, zip bomb, XML entities, PDF encryption and page
    count, image pixels); anything a backend then raises that is not already a
    :class:`~pipeline.errors.ReferentielError` becomes one naming the file.
    """
    options = options or Options()
    source = Path(path)
    check_file(source, options.limits)
    kind = detect(source)
    check_content(source, kind, options.limits)
    backend = backend_for(kind)
    try:
        return backend.parse(source, options)
    except ReferentielError:
        raise
    except Exception as err:
        raise as_project_error(source, kind, err) from err


def extract(path: str | Path, options: Options | None = None) -> Referentiel:
    """Extract one référentiel; raises a ``ReferentielError`` with the reason when it cannot."""
    options = options or Options()
    document = parse(path, options)  # bad input fails here, before the segmenter loads

    from .segment import segment

    referentiel = segment(document, options)
    if not referentiel.blocs and not referentiel.competences_transversales:
        raise NotAReferentiel(path, "not a référentiel: no bloc and no compétence found")
    return referentiel
