"""A table detailing the activité printed just above it (activités section).

A référentiel d'activités may follow each numbered activité with a table
whose header names no activité nor tâches column (a health diploma's
"détail | savoir-faire"). What the columns hold decides, not their header:
the column whose lines name actions as nouns ("Pose du drain", "Vérification
de …"), none opening on an infinitive, lists the activité's tâches (the
contract: a tâche is what the holder does; the infinitive lines beside them
say what they can do). The table is one the table stage found no column
roles in (a layout table, read line by line): its other lines stay unplaced.
"""

from __future__ import annotations

from itertools import dropwhile

from ..docmodel import Block, Cell, Kind
from ..nlp import is_action, opens_on_noun
from .draft import Context, DActivite, Unit, cell_units, positions


def frame_block(ctx: Context, frame: int) -> Block | None:
    """The layout table (no column roles, read line by line) a unit came from."""
    return next((b for b in ctx.document.walk() if b.kind is Kind.TABLE and id(b) == frame), None)


def read_detail(ctx: Context, activite: DActivite, block: Block) -> bool:
    """Add the tâches of a layout table detailing ``activite``; whether it did."""
    columns = body_columns(block)
    tasks = [column for column, cells in columns.items() if names_actions(cells)]
    if len(tasks) != 1 or len(columns) < 2:
        return False
    for cell in columns[tasks[0]]:
        for unit in cell_units(cell):
            activite.taches.append(unit.text.lstrip("-–•· ").strip())
    return True


def body_columns(block: Block) -> dict[int, list[Cell]]:
    """The body's filled cells (header rows left) by the column they start
    at, each cell once."""
    out: dict[int, list[Cell]] = {}
    seen: set[int] = set()
    for row in dropwhile(lambda r: r.header, block.rows):
        for column, cell in positions(row):
            if id(cell) in seen or not cell.blocks:
                continue
            seen.add(id(cell))
            out.setdefault(column, []).append(cell)
    return out


def names_actions(cells: list[Cell]) -> bool:
    """Lines naming actions as nouns: none opens on an infinitive, at least
    half on a noun (the small model misreads some: "Maintien de …"); list
    items under a lead-in are read with it."""
    units: list[Unit] = [u for cell in cells for u in cell_units(cell)]
    heads = [u.text for u in units if not u.text.lstrip().startswith(("-", "–", "•"))]
    if not heads or any(is_action(t) for t in heads):
        return False
    return 2 * sum(_nominal(t) for t in heads) >= len(heads)


def _nominal(text: str) -> bool:
    """Opens on a noun, also read in lower case (the small model often tags a
    capitalised first word as a proper noun: "Maintien de …")."""
    text = text.strip()
    return opens_on_noun(text) or opens_on_noun(text[:1].lower() + text[1:])
