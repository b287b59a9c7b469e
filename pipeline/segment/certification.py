"""Stage ``certification``: type, intitulé, RNCP code and description.

Read from the preamble — the units before the first bloc heading or table —
with the rules labelled ``title``, ``rncp`` and ``description``.
"""

from __future__ import annotations

from ..docmodel import Kind
from .draft import Context, Unit

_TYPES = {"CQP", "CQPM", "CQPI"}
_STRUCTURAL = ("section", "bloc", "bloc-unit", "zone", "title", "description")


def certification(ctx: Context) -> None:
    """Fill the draft's certification fields."""
    preamble = _preamble(ctx)
    draft = ctx.draft
    for unit in [*preamble, *_elsewhere(ctx, preamble)]:
        for hit in ctx.rules.hits("title", unit.text):
            kind = (hit.group("type") or hit.rule.value or "").upper()
            if draft.type is None and kind in _TYPES:
                draft.type = kind
            intitule = hit.group("intitule")
            if draft.intitule is None and intitule:
                draft.intitule = intitule
        if draft.intitule is not None and draft.type is not None:
            break
    for unit in ctx.units:
        rncp = ctx.rules.first("rncp", unit.text) if unit.table is None else None
        if rncp is not None:
            draft.code_rncp = f"RNCP{rncp.group('code')}"
            break
    draft.description = _description(ctx, preamble)


def _elsewhere(ctx: Context, preamble: list[Unit]) -> list[Unit]:
    """Short units after the preamble, where a title read as a running header
    may come first (raw OCR text reads a page's columns before its header)."""
    return [u for u in ctx.units[len(preamble) :] if u.table is None and len(u.text) < 160]


def _preamble(ctx: Context) -> list[Unit]:
    out = []
    for unit in ctx.units:
        if unit.table is not None:
            break
        if ctx.rules.first("bloc", unit.text) or ctx.rules.first("bloc-unit", unit.text):
            break
        out.append(unit)
    return out


def _description(ctx: Context, preamble: list[Unit]) -> str | None:
    """The paragraphs under the first description heading, up to the next
    heading, list, table or structural cue."""
    for index, unit in enumerate(preamble):
        if unit.is_item or len(unit.text) > 120:
            continue
        if ctx.rules.first("description", unit.text) is None:
            continue
        parts = []
        for following in preamble[index + 1 :]:
            if following.kind is not Kind.PARAGRAPH or following.heading_like:
                break
            if any(ctx.rules.first(label, following.text) for label in _STRUCTURAL):
                break
            parts.append(following.text)
        if parts:
            return " ".join(parts)
    return None
