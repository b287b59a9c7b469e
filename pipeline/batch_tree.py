"""The two folders of a batch: what SRC_DIR holds, where each output goes in OUT_DIR.

- :func:`survey` lists the files to extract and every other entry with the reason it
  is not read (a link leaving SRC_DIR unless asked, a loop, a FIFO, a device…);
- :func:`output_path` names an input's JSON inside OUT_DIR, whatever the input's name;
- :func:`locked` holds OUT_DIR for one batch at a time.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from .errors import UnwritableOutput
from .formats import SUPPORTED_EXTENSIONS

MAX_NAME_BYTES = 255  # longest file name most file systems accept
_HASH_CHARS = 16


@dataclass
class Survey:
    """What SRC_DIR holds: the files to extract, and every other entry with why it is skipped."""

    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str, str]] = field(default_factory=list)  # path, status, reason


def survey(src: Path, out: Path | None = None, follow_links: bool = False) -> Survey:
    """Every supported entry under ``src``; hidden ones, other extensions and ``out`` ignored.

    Regular files (and links to regular files inside ``src``, or anywhere with
    ``follow_links``) are to be extracted; every other supported-looking entry —
    a link leaving ``src``, a link loop, a dangling link, a FIFO, a device, a
    linked folder — is listed in ``skipped`` with its reason, never read.
    """
    src = src.resolve()
    skip = out.resolve() if out is not None and out.resolve() != src else None
    found = Survey()
    for folder, dirs, files in os.walk(src):  # does not follow symlinked folders
        here = Path(folder)
        for name in [d for d in dirs if (here / d).is_symlink() and not d.startswith(".")]:
            found.skipped.append((here / name, "not_followed", "symbolic link to a folder"))
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and here / d != skip and not (here / d).is_symlink()
        )
        for name in files:
            path = here / name
            if name.startswith(".") or path.suffix.lower() not in SUPPORTED_EXTENSIONS:
                continue
            why = _not_extracted(path, src, follow_links)
            if why is None:
                found.files.append(path)
            else:
                found.skipped.append((path, *why))
    found.files.sort(key=lambda p: p.relative_to(src).as_posix())
    return found


def discover(src: Path, out: Path | None = None, follow_links: bool = False) -> list[Path]:
    """The files :func:`survey` would extract, sorted by relative path."""
    return survey(src, out, follow_links).files


def _not_extracted(path: Path, src: Path, follow_links: bool) -> tuple[str, str] | None:
    """Why the entry at ``path`` is not read (a status and a reason), or None to read it."""
    try:
        info = path.stat()
    except OSError as err:
        return "unreadable", f"cannot read ({err.strerror or err})"  # loop, dangling link
    if not stat.S_ISREG(info.st_mode):
        return "unreadable", "not a regular file (device, FIFO or socket)"
    if path.is_symlink() and not follow_links and not path.resolve().is_relative_to(src):
        return "not_followed", "symbolic link to a file outside SRC_DIR (--follow-links reads it)"
    return None


def output_path(relative: str | PurePath, out: Path) -> Path:
    """Where the JSON for the input at ``relative`` (inside SRC_DIR) goes: always inside ``out``.

    ``a/b/x.pdf`` → ``out/a/b/x.pdf.json``. Root anchors, ``.`` and ``..`` never
    climb out; a name over 255 bytes is shortened and made unique with a hash.
    """
    target = out.joinpath(*output_parts(relative))
    if not Path(os.path.realpath(target)).is_relative_to(
        out.resolve()
    ):  # e.g. a symlink inside out
        raise ValueError(f"{relative}: output would land outside {out}")
    return target


def output_parts(relative: str | PurePath) -> list[str]:
    """The folder and file names of the output for the input at ``relative``, each safe:
    no root anchor, ``.`` or ``..``, no NUL, none over 255 bytes (see :func:`output_path`)."""
    raw = str(relative).replace("\\", "/").replace("\x00", "_")
    parts = [p for p in raw.split("/") if p not in ("", ".")]
    if not parts:
        parts = ["_"]
    safe = [_safe_name("_" if p == ".." else p) for p in parts[:-1]]
    safe.append(_safe_name(parts[-1], suffix=".json"))
    return safe


def _safe_name(name: str, suffix: str = "") -> str:
    """``name + suffix`` if it fits in 255 bytes, else a shortened prefix + hash + extension."""
    if name == "..":
        name = "_"
    full = name + suffix
    if len(full.encode("utf-8", "surrogateescape")) <= MAX_NAME_BYTES:
        return full
    digest = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:_HASH_CHARS]
    extension = PurePath(name).suffix
    if len(extension.encode("utf-8", "surrogateescape")) > 16:
        extension = ""
    tail = f"~{digest}{extension}{suffix}"
    room = MAX_NAME_BYTES - len(tail.encode("utf-8", "surrogateescape"))
    prefix = name.encode("utf-8", "surrogateescape")[:room].decode("utf-8", "ignore")
    return prefix + tail


def sha256_of(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold a lock on the OUT_DIR folder itself for the run (no lock file is left behind):
    a second batch into the same folder is refused; the lock goes with the process."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        handle = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as err:
        raise UnwritableOutput(out, f"cannot use as OUT_DIR ({err.strerror or err})") from err
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(handle)
        raise UnwritableOutput(out, "another batch is writing into this folder") from None
    try:
        yield
    finally:
        os.close(handle)
