"""Convert legacy word-processing files (.doc, .odt) to DOCX with LibreOffice headless.

LibreOffice runs with a private, throw-away user profile (so concurrent
conversions never share or lock one), on a copy of the input under a plain name
(file names starting with ``-`` or holding odd characters cannot confuse it), and
is killed when it overruns the time limit.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
from pathlib import Path

from .errors import CorruptFile, ExtractionTimeout, MissingTool, UnsupportedFormat

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODT_MIME = b"application/vnd.oasis.opendocument.text"
PROGRAMS = ("soffice", "libreoffice")


def find_soffice() -> str | None:
    """Path of the LibreOffice program on ``PATH``, or None."""
    for name in PROGRAMS:
        found = shutil.which(name)
        if found:
            return found
    return None


def _suffix(path: Path) -> str:
    """``.doc`` for an OLE (Word 97-2003) file, ``.odt`` for an OpenDocument text."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if head == _OLE_MAGIC:
        return ".doc"
    try:
        with zipfile.ZipFile(path) as archive:
            mimetype = archive.read("mimetype").strip()
    except (zipfile.BadZipFile, KeyError, OSError) as err:
        raise CorruptFile(path, f"not a readable .doc or .odt file ({err})") from err
    if mimetype != _ODT_MIME:
        kind = mimetype.decode("ascii", "replace")
        raise UnsupportedFormat(path, f"OpenDocument file of type {kind}, not a text document")
    return ".odt"


def to_docx(path: Path, workdir: Path, timeout: float = 120.0) -> Path:
    """Convert ``path`` (.doc / .odt) into ``workdir``; return the DOCX file's path.

    Raises ``MissingTool`` when LibreOffice is not installed, ``ExtractionTimeout``
    when it runs longer than ``timeout`` seconds, ``CorruptFile`` when it fails.
    """
    soffice = find_soffice()
    if soffice is None:
        raise MissingTool(
            path,
            "reading .doc/.odt files needs LibreOffice (the 'soffice' program), which is not "
            "installed; install it (Debian: apt-get install libreoffice-writer-nogui) "
            "or save the file as .docx",
        )
    source = workdir / ("input" + _suffix(path))
    shutil.copyfile(path, source)
    outdir = workdir / "out"
    with tempfile.TemporaryDirectory(prefix="referentiel-lo-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(outdir),
            str(source),
        ]
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
            env={**os.environ, "HOME": profile},
        )
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as err:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise ExtractionTimeout(
                path, f"LibreOffice did not convert the file within {timeout:g} s"
            ) from err
    result = outdir / "input.docx"
    if process.returncode != 0 or not result.is_file():
        detail = stderr.decode("utf-8", "replace").strip().splitlines()
        reason = detail[-1] if detail else f"exit status {process.returncode}"
        raise CorruptFile(path, f"LibreOffice could not convert the file to DOCX ({reason})")
    return result
