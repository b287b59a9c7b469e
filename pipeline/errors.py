"""The project's error types: one per reason an input cannot be turned into JSON.

Every error names the file and the reason in one line (``str(err)``), and
carries a batch ``status`` and a process ``exit_code``.
"""

from __future__ import annotations

from pathlib import Path


class ReferentielError(Exception):
    """Base class: an input that cannot be extracted, with a one-line reason."""

    status = "failed"
    exit_code = 10

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{_printable(self.path)}: {' '.join(str(reason).split())}")


class EmptyFile(ReferentielError):
    """The file has no bytes, or no text at all."""

    status = "empty"
    exit_code = 11


class UnreadableFile(ReferentielError):
    """The path does not exist, is not a regular file, or cannot be opened."""

    status = "unreadable"
    exit_code = 20


class UnsupportedFormat(ReferentielError):
    """The file's content is not a format the pipeline reads."""

    status = "unsupported"
    exit_code = 12


class CorruptFile(ReferentielError):
    """The file claims a format but cannot be parsed as it."""

    status = "corrupt"
    exit_code = 13


class EncryptedFile(ReferentielError):
    """The file is password-protected."""

    status = "encrypted"
    exit_code = 14


class LimitExceeded(ReferentielError):
    """The file is over a resource limit (size, pages, pixels, inflated size, time)."""

    status = "too_large"
    exit_code = 15


class NotAReferentiel(ReferentielError):
    """A readable document in which no bloc, no compétence and no activité was found."""

    status = "not_referentiel"
    exit_code = 16


class MissingTool(ReferentielError):
    """An external program the input needs (Tesseract, LibreOffice) is not installed."""

    status = "missing_tool"
    exit_code = 17


class ExtractionTimeout(ReferentielError):
    """Extraction took longer than the allowed time."""

    status = "timeout"
    exit_code = 18


class InvalidOutput(ReferentielError):
    """The extracted JSON does not validate against the schema (never written)."""

    status = "invalid_output"
    exit_code = 19


class UnwritableOutput(ReferentielError):
    """The output cannot be written there (a folder, a device, an input, a full disk…)."""

    status = "write_error"
    exit_code = 21


def rebuild(kind: str, path: str, reason: str) -> ReferentielError:
    """The error of class name ``kind`` (as sent by a worker process) for ``path``."""
    cls = globals().get(kind)
    if not (isinstance(cls, type) and issubclass(cls, ReferentielError)):
        cls = ReferentielError
    return cls(path, reason)


def _printable(text: str) -> str:
    """``text`` with control characters escaped, so that a message stays on one line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class ClusterError(Exception):
    """A batch cannot use the Dask cluster or the URL it names (unreachable scheduler,
    unfit workers, a protocol fsspec does not know or whose package is not installed)."""
