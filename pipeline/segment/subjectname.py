"""The certification named as the subject of a title line that names the
document's kind first ("Référentiel de compétences du certificat de capacité
d'…", "Référentiel de formation préparant au certificat national …"), which
no title rule reads (read by :mod:`.certification`)."""

from __future__ import annotations

import re

from ..docmodel import Kind
from ..textclean import ends_sentence, starts_lower
from .draft import Context, Unit
from .titlehits import (
    clean_title,
    continuation,
    intitule_text,
    name_shaped,
    unparted,
    wrapped_title,
)


def subject_named(ctx: Context, unit: Unit, following: list[Unit]) -> str | None:
    """The subject after the document-kind prefix (``title-prefix``) of a
    title line: the certification's own name, of a family outside the
    contract's list. The subject may be wrapped onto the next heading
    ("Référentiel des compétences de la" / "spécialité …"), or onto the next
    line when that opens on a linking word ("… au certificat national" / "de
    compétence de …") or, for a heading, on a small letter (the phrase goes on)."""
    if not name_shaped(unit) and not _long_title(ctx, unit):
        return None  # the kind may read as a section cue ("Référentiel de compétences")
    text = unparted(ctx, clean_title(unit.text))
    prefix = ctx.rules.first("title-prefix", text)
    heads = [u for u in following if u.kind is Kind.HEADING and unit.kind is Kind.HEADING]
    below = continuation(ctx, heads)
    if prefix is None and below is None:  # a line wrapped before its link word ("… DES …")
        below = continuation(ctx, following, linked=True)
    if prefix is None and below is not None:
        text = f"{text} {below}"
        prefix = ctx.rules.first("title-prefix", text)
    elif prefix is not None and below is not None and below[:1].islower():
        text = f"{text} {below}"  # a heading wrapped mid-phrase onto the next heading
    elif prefix is not None:
        text = wrapped_title(ctx, following, text)
    name = clean_title(text[prefix.match.end() :]) if prefix is not None else ""
    name = _designated(name)
    if not name or ctx.rules.first("title", name) or ctx.rules.first("title-noise", name):
        return None
    return intitule_text(ctx, name)


_DESIGNATED = re.compile(r"^[^«»]{3,80}?\s«\s*(?P<name>[^«»]{3,150}?)\s*»?$")


def _designated(name: str) -> str:
    """The name in guillemets after the kind of certification ("capacité
    professionnelle « <name> »", as "CAP « Fleuriste »"): the kind is the
    family, the quoted designation the intitulé."""
    hit = _DESIGNATED.match(name)
    return " ".join(hit.group("name").split()) if hit is not None else name


def _long_title(ctx: Context, unit: Unit) -> bool:
    """A line longer than a title usually is that opens on a document-kind
    prefix and is no sentence nor 'Label : value': an annex's title printed
    whole on one paragraph, the certification and its mention named in full."""
    text = unit.text
    if unit.table is not None or unit.is_item or ends_sentence(text) or ":" in text:
        return False
    prefix = ctx.rules.first("title-prefix", unparted(ctx, text))
    return prefix is not None and not starts_lower(text)
