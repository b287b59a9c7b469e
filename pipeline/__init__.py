"""referentiel: French certification référentiels → structured, validated JSON.

The documented API::

    from referentiel import extract
    ref = extract("referentiel.pdf")      # a validated pydantic model
    print(ref.model_dump_json(indent=2))

``extract`` and ``parse`` are imported on first use, so ``import referentiel`` and the
command line's ``--help`` stay fast.
"""

from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    __version__ = version("referentiel")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

__all__ = ["__version__", "extract", "parse"]


def __getattr__(name: str) -> Any:
    """Load the extraction API when ``referentiel.extract`` or ``.parse`` is first asked for."""
    if name in ("extract", "parse"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'referentiel' has no attribute {name!r}")
