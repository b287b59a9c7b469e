"""Write a référentiel as JSON: validate first, then temp file + atomic rename.

File names that are not UTF-8 reach Python as lone surrogates (``caf\\udce9.txt``);
they are written as JSON escapes (``"caf\\\\udce9.txt"``), so the output stays valid
UTF-8 and ``json.loads`` gives the name back exactly (``os.fsencode`` → the raw bytes).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .atomic import write_target
from .errors import CorruptFile, InvalidOutput
from .models import Referentiel

STDOUT = "-"
_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(data: Any, indent: int | None = 2) -> str:
    """JSON text, UTF-8-safe: lone surrogates (undecodable file-name bytes) are escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def to_json(ref: Referentiel) -> str:
    """Serialise after re-validating the whole document against the models."""
    data = ref.model_dump(mode="json")
    try:
        Referentiel.model_validate(data)
    except ValidationError as err:
        raise InvalidOutput(ref.source.filename, f"output does not validate: {err}") from err
    return dumps(data) + "\n"


def write_json(ref: Referentiel, path: str | Path, inputs: Iterable[Path] = ()) -> Path:
    """Write ``ref`` to ``path`` (``-``: standard output); nothing is written if it does not
    validate, and ``path`` may not be one of ``inputs``."""
    write_output(to_json(ref), path, inputs)
    return Path(path)


def write_output(text: str | bytes, path: str | Path | None, inputs: Iterable[Path] = ()) -> None:
    """Write ``text`` (UTF-8) to standard output (``None`` or ``-``) or to ``path`` (see
    ``atomic``)."""
    if path is None or str(path) == STDOUT:
        payload = text.encode("utf-8", "backslashreplace") if isinstance(text, str) else text
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
    else:
        write_target(path, text, inputs)


def read_extraction(path: Path) -> dict[str, Any]:
    """An extraction JSON read through the file guards and limits of ``extract``,
    refused (naming the first problem) unless it validates against the output models."""
    from .guards import read_json
    from .options import Limits

    data = read_json(path, Limits())
    if not isinstance(data, dict):
        raise CorruptFile(path, "not a JSON object")
    try:
        Referentiel.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        raise InvalidOutput(path, f"not a valid référentiel: {where}: {first['msg']}") from err
    return data
