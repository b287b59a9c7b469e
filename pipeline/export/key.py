"""The référentiel key: one name for every file and version of one référentiel.

A batch holds the same référentiel several times (PDF, Word, text, scan, a
later version). The key does not depend on the file: it is the RNCP code when
the document prints one (``RNCP12345``), otherwise a readable slug of the
family and intitulé followed by a short fingerprint of the normalised
certification (family, intitulé) and bloc structure (the number of blocs; the
bloc titles when there is no intitulé). Formats of one référentiel give the
same key, OCR misreadings inside compétences do not change it, and two
référentiels that share a title but not a family or a bloc count do not collide.
The key is computed from the JSON by the exports, so the output contract is
unchanged. It matches ``[A-Za-z0-9_-]+`` (search engines accept it as an id).
"""

from __future__ import annotations

import hashlib
import re

from ..models import Referentiel
from ..textclean import fold

SLUG_CHARS = 48  # at most this many characters of the family and intitulé in the key
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]+$")


def normalised(text: str | None) -> str:
    """Lower case, no accents, letters and digits separated by single spaces."""
    return _NOT_ALNUM.sub(" ", fold(text or "")).strip()


def fingerprint_parts(ref: Referentiel) -> list[str]:
    """What the fingerprint of a référentiel without an RNCP code is made of."""
    cert = ref.certification
    parts = [normalised(cert.type), normalised(cert.intitule), str(len(ref.blocs))]
    if not cert.intitule:
        parts += [normalised(bloc.libelle) for bloc in ref.blocs]
    return parts


def referentiel_key(ref: Referentiel) -> str:
    """``RNCP12345``, or ``<family>-<intitulé slug>-<8 hex digits>``."""
    if ref.certification.code_rncp:
        return ref.certification.code_rncp
    parts = fingerprint_parts(ref)
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:8]
    slug = "-".join(" ".join(parts[:2]).split())[:SLUG_CHARS].strip("-")
    return f"{slug}-{digest}" if slug else f"ref-{digest}"
