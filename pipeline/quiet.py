"""Keep the parsers' own notes (pdfminer's font notes, Pillow's warnings) off
standard error, in the command's process and in every batch worker: what matters
about a document goes into its JSON ``warnings``, and a refusal is one line."""

from __future__ import annotations

import logging
import warnings


def quiet_parsers() -> None:
    """Only errors from the libraries' loggers, no Python warnings, in this process."""
    logging.getLogger().setLevel(logging.ERROR)
    warnings.simplefilter("ignore")
