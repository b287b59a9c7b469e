"""Write a référentiel as JSON: validate first, then temp file + atomic rename."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from .atomic import write_atomic
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
    return write_atomic(path, to_json(ref))
