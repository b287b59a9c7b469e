"""Write a file in one step: build it under a temporary name beside it, then rename it.

Readers never see a half-written file: on any error (or Ctrl-C) the temporary
file is removed and the target is left as it was. The temporary file is
created with mode 0o666, so the umask applies as for a plain ``open`` (not
``mkstemp``'s 0o600), and its name stays short: the target's name may already
be as long as the file system allows.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Bytes of the target's name kept in the temporary name (file systems allow 255).
_NAME_BYTES = 64
_ATTEMPTS = 100


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield an empty temporary file next to ``target``; rename it over ``target`` on success."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = _create_temp(target)
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(path: str | Path, data: bytes | str) -> Path:
    """Write ``data`` (text is encoded as UTF-8, newlines untouched) to ``path`` atomically."""
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(target) as tmp:
        tmp.write_bytes(payload)
    return target


def _create_temp(target: Path) -> Path:
    """Create ``.<start of name>.<random>.tmp`` beside ``target`` (never an existing file)."""
    raw = target.name.encode("utf-8", "surrogateescape")[:_NAME_BYTES]
    stem = raw.decode("utf-8", "ignore")
    for _ in range(_ATTEMPTS):
        tmp = target.parent / f".{stem}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise FileExistsError(f"{target}: no free temporary name after {_ATTEMPTS} attempts")
