"""A critère cell pairing an ability with the critères that judge it.

An evaluation grid may print, in each row of its critères column, the ability
the row judges, numbered and opening on an infinitive, then in parentheses
closing the cell the critères de performance of that ability ("1 – Analyser
un portefeuille client (Pertinence de l’analyse …, qualification …)", the
BTS grilles d'aide à l'évaluation). The ability details the compétence the
row belongs to (its savoir-faire); the parenthesised text is the row's
critère, as printed.
"""

from __future__ import annotations

import re

from ..nlp import is_action
from ..textclean import label_text

#: a list number, the statement, and a parenthesised gloss closing the text
_GLOSSED = re.compile(
    r"^\s*\d{1,2}\s*[-–—.)]\s*(?P<statement>[^()]+?)\s*\(\s*(?P<gloss>[^()]+?)\s*\)\s*$"
)


def glossed(text: str) -> tuple[str, str] | None:
    """The ability and its critère a numbered cell text states, or None."""
    hit = _GLOSSED.match(text)
    if hit is None or not is_action(hit.group("statement")):
        return None
    statement, gloss = label_text(hit.group("statement")), label_text(hit.group("gloss"))
    return (statement, gloss[:1].upper() + gloss[1:]) if statement and gloss else None
