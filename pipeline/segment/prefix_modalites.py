"""Modalités stated for a group of units named by the prefix of their codes.

A référentiel's evaluation part may give one section to each group of units,
its heading naming the group by the letters its codes share ("2.2. Évaluation
des UEG" over units UEG1 and UEG2). The paragraphs under that heading, up to
the next heading or numbered section, are the modalités of every bloc whose
code opens on that prefix, when no table gave the bloc modalités of its own
(stage ``prefix-modalites``, after ``modalites``).
"""

from __future__ import annotations

from ..docmodel import Kind
from .draft import Context, DBloc, Unit, code_key
from .modalites import add_named

_MIN_GROUP = 2  # blocs sharing the prefix: a group, not one unit named by its code


def prefix_modalites(ctx: Context) -> None:
    """Give each group's blocs the paragraphs under the heading naming it."""
    units = ctx.units
    for index, unit in enumerate(units):
        hit = ctx.rules.first("modalites-group", unit.text)
        if hit is None or unit.table is not None:
            continue
        group = _group(ctx.draft.blocs, code_key(hit.group("code") or ""))
        if len(group) < _MIN_GROUP:
            continue
        texts = _section_text(ctx, units[index + 1 :])
        for bloc in group:
            if not bloc.modalites:
                for text in texts:
                    add_named(bloc, text)


def _group(blocs: list[DBloc], prefix: str) -> list[DBloc]:
    """The blocs whose code opens on ``prefix`` and goes on with more."""
    return [
        bloc
        for bloc in blocs
        if bloc.code and len(key := code_key(bloc.code)) > len(prefix) and key.startswith(prefix)
    ]


def _section_text(ctx: Context, following: list[Unit]) -> list[str]:
    """The plain paragraphs up to the next heading, numbered section or table."""
    texts: list[str] = []
    for unit in following:
        if unit.table is not None or unit.kind is Kind.HEADING or unit.starts_section:
            break
        if unit.heading_like or ctx.rules.first("code-numeric", unit.text):
            break
        texts.append(unit.text)
    return texts
