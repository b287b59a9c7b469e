"""The ``referentiel`` command: a thin layer over the Python API.

Each module in this package that defines ``add_parser(subparsers)`` and
``run(args) -> int`` is a subcommand named after the module. Command modules
keep heavy imports inside ``run`` so that ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import io
import pkgutil
import sys
from collections.abc import Sequence
from types import ModuleType

from .. import __version__
from ..errors import MissingTool, ReferentielError
from ..quiet import quiet_parsers

INTERNAL_ERROR = 1  # exit code of an unexpected exception (a bug); input errors use 10-20
# Packages of the optional extras (pyproject.toml), and the extra that installs each.
OPTIONAL_PACKAGES = {
    "pandas": "export",
    "pyarrow": "export",
    "snowballstemmer": "export",
    "dask": "cluster",
    "distributed": "cluster",
    "fsspec": "cluster",
}


def _commands() -> dict[str, ModuleType]:
    found: dict[str, ModuleType] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "add_parser") and hasattr(module, "run"):
            found[info.name] = module
    return found


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="referentiel",
        description="Turn French certification référentiels into structured, validated JSON.",
    )
    parser.add_argument("--version", action="version", version=f"referentiel {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, module in _commands().items():
        sub = module.add_parser(subparsers)
        add_verbosity(sub)
        sub.set_defaults(_run=module.run, command=name)
    return parser


def add_verbosity(parser: argparse.ArgumentParser) -> None:
    """``-v/--verbose`` and ``-q/--quiet`` as ``args.verbosity``: 1, -1, or 0 by default."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "-v",
        "--verbose",
        dest="verbosity",
        action="store_const",
        const=1,
        default=0,
        help="say more on standard error (timings, what was read, progress)",
    )
    group.add_argument(
        "-q",
        "--quiet",
        dest="verbosity",
        action="store_const",
        const=-1,
        help="print nothing on standard error but errors",
    )


def quiet_libraries() -> None:
    """Keep the parsers' own notes off standard error (:func:`quiet_parsers`); text that
    is not valid Unicode is printed escaped instead of failing the command."""
    quiet_parsers()
    for stream in (sys.stdout, sys.stderr):  # a lone surrogate (file-name byte) as \udcXX
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = build_parser().parse_args(argv)
    quiet_libraries()
    try:
        code: int = args._run(args)
    except ReferentielError as err:
        print(f"error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # a bug, not bad input: still one line, never a traceback
        where = getattr(args, "input", None) or args.command
        extra = OPTIONAL_PACKAGES.get(getattr(err, "name", None) or "")
        if isinstance(err, ModuleNotFoundError) and extra:
            missing = MissingTool(where, f"needs {err.name}: pip install 'referentiel[{extra}]'")
            print(f"error: {missing}", file=sys.stderr)
            return missing.exit_code
        bug = ReferentielError(where, f"internal error ({type(err).__name__}: {err})")
        print(f"error: {bug}", file=sys.stderr)
        return INTERNAL_ERROR
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
