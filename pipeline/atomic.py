"""Write a file in one step: build it under a temporary name beside it, then rename it.

Readers never see a half-written file: on any error (or Ctrl-C) the temporary
file is removed and the target is left as it was. The temporary file is
created with mode 0o666, so the umask applies as for a plain ``open`` (not
``mkstemp``'s 0o600), and its name stays short: the target's name may already
be as long as the file system allows.

What the target path names decides how it is written (:func:`write_target`):

- nothing yet: a new regular file, atomically;
- a regular file (or a symbolic link to one): replaced atomically, keeping its
  permissions, and a link stays a link (the file it points to is replaced);
- a terminal, a pipe, ``/dev/null``, ``/dev/stdout``: written through, in place —
  what the user asked for;
- a folder, a socket, a block device, a dangling link: refused.

Every refusal and every failed write (read-only folder, name too long, full
disk) is an :class:`~referentiel.errors.UnwritableOutput` naming the target.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import UnwritableOutput

# Bytes of the target's name kept in the temporary name (file systems allow 255).
_NAME_BYTES = 64
_ATTEMPTS = 100
_SPECIAL_TREES = ("/dev/", "/proc/")  # /dev/stdout, /proc/self/fd/1: write through


@contextmanager
def atomic_path(target: Path, inputs: Iterable[Path] = ()) -> Iterator[Path]:
    """Yield an empty temporary file next to ``target``; rename it over ``target`` on success.

    ``target`` must be (or become) a regular file that is none of ``inputs``.
    """
    final = _regular_target(target, inputs)
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = _create_temp(final)
    except OSError as err:
        raise _unwritable(target, err) from err
    try:
        yield tmp
        _keep_mode(final, tmp)
        os.replace(tmp, final)
    except OSError as err:
        raise _unwritable(target, err) from err
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(path: str | Path, data: bytes | str, inputs: Iterable[Path] = ()) -> Path:
    """Write ``data`` to ``path`` atomically (text as UTF-8, lone surrogates as ``\\udcXX``)."""
    target = Path(path)
    payload = data.encode("utf-8", "backslashreplace") if isinstance(data, str) else data
    with atomic_path(target, inputs) as tmp:
        tmp.write_bytes(payload)
    return target


def write_target(path: str | Path, data: bytes | str, inputs: Iterable[Path] = ()) -> None:
    """Write ``data`` to what ``path`` names: a file atomically, a terminal or pipe in place."""
    target = Path(path)
    payload = data.encode("utf-8", "backslashreplace") if isinstance(data, str) else data
    if _writes_through(target):
        try:
            with target.open("wb") as handle:
                handle.write(payload)
        except OSError as err:
            raise _unwritable(target, err) from err
        return
    write_atomic(target, payload, inputs)


def check_target(path: str | Path, inputs: Iterable[Path] = ()) -> None:
    """Refuse, before any work, a target that :func:`write_target` would refuse."""
    target = Path(path)
    if not _writes_through(target):
        _regular_target(target, inputs)


def _writes_through(target: Path) -> bool:
    """A character device or pipe (``/dev/null``, a terminal), or anything under /dev, /proc."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    special = stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)
    return special or (stat.S_ISREG(mode) and str(target.absolute()).startswith(_SPECIAL_TREES))


def _regular_target(target: Path, inputs: Iterable[Path]) -> Path:
    """The path to rename onto: ``target``, or the file its symbolic link names."""
    try:
        info = target.stat()
    except FileNotFoundError:
        if target.is_symlink():
            raise UnwritableOutput(target, "is a dangling symbolic link; refused") from None
        return target
    except OSError as err:
        raise _unwritable(target, err) from err
    if stat.S_ISDIR(info.st_mode):
        raise UnwritableOutput(target, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise UnwritableOutput(target, "exists and is not a regular file; refused")
    for source in inputs:
        try:
            if os.path.samefile(source, target):
                raise UnwritableOutput(target, f"is an input ({source}); refused to overwrite it")
        except OSError:
            continue
    return Path(os.path.realpath(target))


def _keep_mode(final: Path, tmp: Path) -> None:
    """Give the new file the permissions (and, as root, the owner) of the one it replaces."""
    try:
        info = final.stat()
    except FileNotFoundError:
        return
    os.chmod(tmp, stat.S_IMODE(info.st_mode))
    if os.geteuid() == 0:
        os.chown(tmp, info.st_uid, info.st_gid)


def _unwritable(target: Path, err: OSError) -> UnwritableOutput:
    return UnwritableOutput(target, f"cannot write ({err.strerror or err})")


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
