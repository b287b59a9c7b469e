"""Where batch inputs and outputs live: a local path, or an fsspec URL.

A local path (``out/``) takes the local code: atomic rename, no fsspec import.
A URL (``s3://bucket/refs/``, ``gs://…``, ``file:///…``, ``memory://…``) goes
through fsspec, imported only then. A ``file://`` output is still written to a
temporary file and renamed; any other store gets the whole object in one
request (``pipe_file``), so a reader never sees half an output.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from .atomic import write_atomic
from .batch_tree import sha256_of
from .errors import ClusterError
from .formats import SUPPORTED_EXTENSIONS

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")


def is_url(location: str | Path) -> bool:
    """Whether ``location`` is a URL (``scheme://…``) rather than a local path."""
    return isinstance(location, str) and bool(_SCHEME.match(location))


def join(root: str, *parts: str) -> str:
    """``root/part/…`` for a URL or a local path."""
    return "/".join([root.rstrip("/"), *parts])


def list_tree(root: str, skip: str | None = None) -> list[tuple[str, str]]:
    """``(url, relative name)`` of every supported file under the URL ``root``.

    Hidden names (a part starting with ``.``) and everything under ``skip`` (the
    output folder, when it lies inside ``root``) are left out; sorted by name.
    """
    fs, base = _filesystem(root)
    base = base.rstrip("/")
    skipped = _filesystem(skip)[1].rstrip("/") + "/" if skip else None
    found = []
    for path in fs.find(base):
        relative = path[len(base) :].lstrip("/")
        parts = PurePosixPath(relative).parts
        if not parts or any(p.startswith(".") for p in parts):
            continue
        if skipped and (path + "/").startswith(skipped):
            continue
        if PurePosixPath(relative).suffix.lower() in SUPPORTED_EXTENSIONS:
            found.append((join(root, relative), relative))
    return sorted(found, key=lambda pair: pair[1])


def is_folder(location: str) -> bool:
    """Whether the URL names a folder (or, on an object store, a non-empty prefix)."""
    fs, path = _filesystem(location)
    return bool(fs.isdir(path))


def read_bytes(location: str) -> bytes:
    """The bytes at a path or URL (``FileNotFoundError`` when there is nothing)."""
    if not is_url(location):
        return Path(location).read_bytes()
    fs, path = _filesystem(location)
    data: bytes = fs.cat_file(path)
    return data


def write_bytes(location: str, data: bytes) -> None:
    """Write ``data`` at a path or URL in one step (``UnwritableOutput`` on a local error)."""
    local = _local_path(location)
    if local is not None:
        write_atomic(local, data)
        return
    fs, path = _filesystem(location)
    fs.pipe_file(path, data)


def remove(location: str) -> None:
    """Remove the file at a path or URL, if there is one."""
    local = _local_path(location)
    if local is not None:
        local.unlink(missing_ok=True)
        return
    fs, path = _filesystem(location)
    if fs.exists(path):
        fs.rm_file(path)


def sha256_at(location: str) -> str:
    """SHA-256 of the bytes at a path or URL, read in chunks."""
    if not is_url(location):
        return sha256_of(Path(location))
    digest = hashlib.sha256()
    fs, path = _filesystem(location)
    with fs.open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@contextlib.contextmanager
def local_copy(location: str) -> Iterator[Path]:
    """A local path holding the file's bytes: the path itself, or a temporary copy
    under the same file name (the name goes into the output)."""
    if not is_url(location):
        yield Path(location)
        return
    fs, path = _filesystem(location)
    with tempfile.TemporaryDirectory(prefix="referentiel-input-") as folder:
        copy = Path(folder) / PurePosixPath(path).name
        fs.get_file(path, str(copy))
        yield copy


def _filesystem(url: str) -> tuple[Any, str]:
    """The fsspec file system of ``url`` and the path inside it."""
    import fsspec  # without the cluster extra, the CLI names it

    try:
        fs, path = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as err:  # unknown protocol, or no s3fs, gcsfs…
        raise ClusterError(f"{url}: cannot open this URL ({err})") from err
    return fs, path


def _local_path(location: str) -> Path | None:
    """The local file a path or ``file://`` URL names; None for any other store."""
    if not is_url(location):
        return Path(location)
    fs, path = _filesystem(location)
    from fsspec.implementations.local import LocalFileSystem

    return Path(path) if isinstance(fs, LocalFileSystem) else None
