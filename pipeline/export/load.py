"""Find and validate the référentiel JSON files of a batch output folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pydantic import ValidationError

from ..errors import ReferentielError
from ..guards import has_lone_surrogate, read_json
from ..models import Referentiel
from ..options import Limits
from .key import referentiel_key

#: Files a batch writes next to the outputs that are not référentiels.
REPORT_NAMES = frozenset({"run.json"})


@dataclass(frozen=True)
class Loaded:
    """One validated référentiel and where it was found (relative to the folder)."""

    path: str
    referentiel: Referentiel

    @property
    def sha256(self) -> str:
        """The document key: SHA-256 of the source file."""
        return self.referentiel.source.sha256

    @cached_property
    def key(self) -> str:
        """The référentiel key, shared by every file and version of one référentiel."""
        return referentiel_key(self.referentiel)


@dataclass
class Folder:
    """The référentiels of a folder, plus the files that looked like one but were skipped."""

    documents: list[Loaded] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def looks_like_referentiel(data: object) -> bool:
    """Whether JSON data claims to be an extraction (it may still not validate)."""
    return isinstance(data, dict) and "schema_version" in data and "source" in data


def load_folder(out_dir: str | Path) -> Folder:
    """Read every ``*.json`` below ``out_dir`` that is a référentiel, in path order.

    JSON files that are not référentiels (``run.json``, schemas, other tools'
    files) are ignored. A file that looks like a référentiel but does not
    validate, or whose source was already seen (same SHA-256), is skipped and
    listed in ``Folder.skipped`` with the reason, so document keys stay unique.
    """
    root = Path(out_dir)
    if not root.is_dir():
        raise ReferentielError(root, "not a folder")
    folder = Folder()
    seen: dict[str, str] = {}
    for path in sorted(root.rglob("*.json")):
        rel = path.relative_to(root).as_posix()
        if path.name in REPORT_NAMES or not path.is_file():
            continue
        try:
            data = read_json(path, Limits())
        except ReferentielError as err:
            folder.skipped.append((rel, f"unreadable JSON: {err.reason}"))
            continue
        if not looks_like_referentiel(data):
            continue
        if has_lone_surrogate(data):
            folder.skipped.append((rel, "holds text that is not valid Unicode (lone surrogate)"))
            continue
        try:
            ref = Referentiel.model_validate(data)
        except ValidationError as err:
            first = err.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            folder.skipped.append((rel, f"does not validate: {where}: {first['msg']}"))
            continue
        sha = ref.source.sha256
        if sha in seen:
            folder.skipped.append((rel, f"same source (sha256) as {seen[sha]}"))
            continue
        seen[sha] = rel
        folder.documents.append(Loaded(rel, ref))
    return folder
