"""Lettered parts: a form whose tables are its parts, lettered A, B, … in a cell.

An evaluation form can print each of its parts as a table with a capital
letter alone in one cell, set larger than the text around it ("A" beside
"Capacités évaluées …", "B" beside "CAS CONCRETS"), each part with a
validation rule of its own. The parts are then the units assessed, each as a
whole (contract, "Families and levels": the bloc is the unit certified or
assessed as a whole). When no bloc level was found, each part is a bloc: its
code the letter, its title the first line of its table that names something
(a heading line starting with a letter, no sentence, no lead-in), its action
statements its compétences, its result statements ("Les secours ont été
alertés") its critères, without the footnote calls ending them. The letters
must follow each other from A, one per table, two at least, and every part
must state something.
"""

from __future__ import annotations

import re

from ..docmodel import HEADING_SIZE
from ..nlp import is_action, is_result
from ..textclean import ends_lead_in, ends_sentence
from .checks import is_tick
from .content import add_competence, add_critere
from .draft import Context, DBloc, Unit, Where

RULE = "implicit.part"
_LETTER = re.compile(r"[A-Z]")
_MIN_PARTS = 2
_TITLE_MAX = 80  # characters: a longer heading line is a sentence, no title
#: footnote calls ending a row ("… exposées *", "… pertinent ##"), explained in
#: the form's legend: not part of the statement
_CALL = re.compile(r"(?:\s*\*+|\s+#+)$")


def lettered_parts(ctx: Context) -> bool:
    """Each lettered part a bloc of its statements (see the module doc).
    Whether any such blocs were made."""
    letters: list[Unit] = []
    for unit in ctx.units:
        if unit.frame is not None and _LETTER.fullmatch(unit.text) and _sized(unit):
            if unit.text != chr(ord("A") + len(letters)):
                break
            letters.append(unit)
    if len(letters) < _MIN_PARTS or len({unit.frame for unit in letters}) < len(letters):
        return False
    parts: list[tuple[Unit, Unit, list[Unit], list[Unit]]] = []
    for letter in letters:
        members = [u for u in ctx.units if u.frame == letter.frame and u is not letter]
        title = next((u for u in members if _names(u)), None)
        said = [u for u in members if not u.heading_like and not ends_lead_in(u.text)]
        actions = [u for u in said if is_action(u.text)]
        results = [u for u in said if u not in actions and is_result(u.text)]
        if title is None or not (actions or results):
            return False
        parts.append((letter, title, actions, results))
    source = ctx.new_source()
    for letter, title, actions, results in parts:
        bloc = DBloc(letter.text, title.text, Where(letter.page, letter.line, RULE, letter.bbox))
        for unit in actions:
            text = _CALL.sub("", unit.text)
            add_competence(ctx, bloc, unit, source, from_list=False, rule=RULE, text=text)
        for unit in results:
            add_critere(bloc, unit, _CALL.sub("", unit.text), [], RULE)
        ctx.draft.blocs.append(bloc)
    ctx.warn(
        "LOW_CONFIDENCE_STRUCTURE",
        f"no bloc level found: {len(parts)} lettered parts kept as blocs",
        letters[0].page,
        letters[0].line,
    )
    return True


def _sized(unit: Unit) -> bool:
    """Set in one of the document's heading sizes (larger than the body)."""
    return unit.block is not None and HEADING_SIZE in unit.block.features


def _names(unit: Unit) -> bool:
    """A line that can title a part: a heading line starting with a letter,
    short, neither a sentence nor a lead-in, nor a mark."""
    text = unit.text.strip()
    return (
        unit.heading_like
        and 1 < len(text) <= _TITLE_MAX
        and text[0].isalpha()
        and not ends_sentence(text)  # a lead-in's colon included
        and not is_tick(text)
    )
