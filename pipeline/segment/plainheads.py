"""Titles printed as plain paragraphs, each over prose stating abilities.

A document that numbers nothing and sets nothing in type (a decree's
"document-cadre" kept as text) may still print its units as short paragraphs
of a few words with no final stop ("Comptabilité", "Gestion de projet"), each
over paragraphs that end as sentences, some of them stating an ability (an
infinitive, or "capacité à" + infinitive). A short title repeated over such
paragraphs, in most of the titles printed, is a level: each title is a bloc,
every paragraph below it (to the next title) one of its compétences, as
printed (contract, "No bloc level"). A lead-in ending with a colon among them is no ability: it says
under which condition the statements after it are exercised.

The run of titles ends at a line printed as a heading (capitals, a heading
block) or at a numbered title ("I.-…"): another part of the document (the
holder's prerogatives) begins there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..nlp import is_action
from ..textclean import ends_sentence
from .draft import Context, Unit

_MIN_GROUPS = 3  # titles over abilities that make a level
_TITLE_WORDS = 12  # a longer line is a sentence, not a title
_NUMBERED = re.compile(r"^(?:[IVXLC]+|\d+|[A-Za-z])\s*[.)°-]")  # "I.-…", "2) …": numbered


@dataclass
class PlainGroup:
    """A title and the paragraphs below it: its statements, and the lead-in
    (if any) each statement is exercised under."""

    title: Unit
    members: list[Unit] = field(default_factory=list)
    conditions: dict[int, str] = field(default_factory=dict)  # id(member) → lead-in


def plain_groups(ctx: Context) -> list[PlainGroup]:
    """The groups of a run of plain titles over abilities, or [] when the
    document prints fewer than three."""
    groups: list[PlainGroup] = []
    current: PlainGroup | None = None
    lead: str | None = None
    for unit in ctx.units:
        if unit.table is not None or unit.is_item:
            current = None
            continue
        if unit.heading_like or _NUMBERED.match(unit.text):
            if groups:
                break  # another part of the document
            current = None
            continue
        if is_title(ctx, unit):
            current, lead = PlainGroup(unit), None
            groups.append(current)
        elif current is not None and unit.is_lead_in:
            lead = unit.text.rstrip(" :")
        elif current is not None and ends_sentence(unit.text):
            current.members.append(unit)
            if lead:
                current.conditions[id(unit)] = lead
    kept = [group for group in groups if group.members]
    stating = sum(any(_ability(ctx, u.text) for u in group.members) for group in kept)
    return kept if stating >= _MIN_GROUPS and 2 * stating >= len(kept) else []


def is_title(ctx: Context, unit: Unit) -> bool:
    """A short paragraph with no final stop, opening on a capital, uncoded."""
    text = unit.text.strip()
    return (
        bool(text)
        and text[0].isupper()
        and not ends_sentence(text)
        and not text.endswith((",", "-"))
        and len(text.split()) <= _TITLE_WORDS
        and ctx.rules.first("code-statement", text) is None
    )


def _ability(ctx: Context, text: str) -> bool:
    """Whether a paragraph states an ability: an infinitive opens it, or the
    noun of "être capable de" does ("Capacité à recueillir …")."""
    hit = ctx.rules.first("ability-noun", text)
    return is_action((hit.group("libelle") if hit else None) or text)
