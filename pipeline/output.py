"""Write a référentiel as JSON: validate first, then temp file + atomic rename."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pydantic import ValidationError

from .errors import InvalidOutput
from .models import Referentiel


def to_json(ref: Referentiel) -> str:
    """Serialise after re-validating the whole document against the models."""
    data = ref.model_dump(mode="json")
    try:
        Referentiel.model_validate(data)
    except ValidationError as err:
        raise InvalidOutput(ref.source.filename, f"output does not validate: {err}") from err
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_json(ref: Referentiel, path: str | Path) -> Path:
    """Write ``ref`` to ``path`` atomically; nothing is written if it does not validate."""
    target = Path(path)
    text = to_json(ref)
    target.parent.mkdir(parents=True, exist_ok=True)
    # A short prefix: the target name may already be as long as the file system allows.
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:64]}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
