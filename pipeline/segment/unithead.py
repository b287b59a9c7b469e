"""The unnumbered unit a run of abilities is listed under, by its punctuation.

A titre professionnel of one unit may print that unit as a bare statement, no
number, no type, just before its abilities ("Effectuer les opérations … de
catégorie 1" over "Choisir les matériels ….", "Réaliser les contrôles ….", …):
an action statement like them, told apart only by the full stop it lacks while
every statement after it ends as a sentence. Such a first statement is the
unit's name, the implicit bloc's libellé, not one of its compétences.
"""

from __future__ import annotations

from ..textclean import ends_sentence
from .draft import Unit

_MIN_LISTED = 3  # sentences that must follow the bare statement


def unit_head(abilities: list[Unit]) -> tuple[Unit | None, list[Unit]]:
    """The unnumbered unit name leading ``abilities`` (a paragraph with no final
    stop, at least as long as the shortest statement after it, over three or
    more paragraphs that all end as sentences) and the abilities after it;
    else None and ``abilities``."""
    if len(abilities) <= _MIN_LISTED:
        return None, abilities
    head, rest = abilities[0], abilities[1:]
    if head.is_item or head.table is not None or ends_sentence(head.text):
        return None, abilities
    if not all(ends_sentence(unit.text) and not unit.is_item for unit in rest):
        return None, abilities
    if len(head.text) < min(len(unit.text) for unit in rest):
        return None, abilities
    return head, rest
