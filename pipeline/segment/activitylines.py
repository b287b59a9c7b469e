"""Numbered lines of an activités section that are no activité.

The activités section of an annex often opens on an introduction before the
activités themselves, and numbers lines that are none. The numbering tells
them apart, not their words:

- a line whose code extends the current activité's ("1.1." under "Activité 1")
  is one of its tâches, and a lead-in line over such lines is their label;
- a numbered line whose next line is its first child ("1." over "1.1.") heads
  sub-sections when that child heads prose: neither is an activité; a child
  followed by its sibling ("1.2") is an item of the outline, a tâche;
- a line numbering the next tâche of the last activité ("2.7" after its six
  coded tâches) is one, whatever was printed between (a sub-heading, a note);
- a series of numbered list items none of which lists tâches and all of which
  end a sentence is a list in the introduction's prose, not activité titles
  (an activité is named, not told) — unless one of them heads its own part
  later, same code and title: the list is the summary of the activités.
"""

from __future__ import annotations

from ..docmodel import Kind
from ..rules import Hit
from ..textclean import ends_lead_in, ends_sentence
from .draft import Context, DActivite, Unit

LABEL_RULE = "activities.label"


def numbered_under(parent: str | None, code: str | None) -> bool:
    """Whether ``code`` numbers a child of ``parent`` ("1.1" under "1")."""
    if not (parent and code):
        return False
    stem = parent.replace(" ", "").rstrip(".")
    return code.replace(" ", "").startswith(stem + ".") and len(code.rstrip(".")) > len(stem) + 1


def _named_again(run: list[DActivite], made: list[DActivite]) -> bool:
    """Whether an activité of the run heads its own part later, same code and
    title: the run is the summary of the activités, not a list in prose."""
    mine = {id(a) for a in run}
    titles = {(a.code, a.libelle.casefold()) for a in run}
    return any(id(o) not in mine and (o.code, o.libelle.casefold()) in titles for o in made)


def child_hit(current: DActivite | None, hit: Hit | None) -> bool:
    """A coded line numbered under the current activité: one of its tâches."""
    return (
        current is not None and hit is not None and numbered_under(current.code, hit.group("code"))
    )


def child_label(current: DActivite | None, unit: Unit, following: Hit | None) -> bool:
    """A lead-in line over the current activité's coded tâches: their label."""
    return (current is not None and not current.taches and ends_lead_in(unit.text)) and child_hit(
        current, following
    )


def heads_prose(hit: Hit, child: Hit | None, after: Unit | None, later: Hit | None) -> bool:
    """A numbered line over its first child that heads prose: a sub-section
    heading, as the child is. A numbered line after the child ("1.2" after
    "1.1" under "1", or the next "2") is the outline's next item, no prose."""
    if child is None or not numbered_under(hit.group("code"), child.group("code")):
        return False
    if later is not None:
        return False
    return after is not None and after.kind is Kind.PARAGRAPH and not after.is_lead_in


def resumed(made: list[DActivite], hit: Hit | None) -> DActivite | None:
    """The last activité when ``hit`` numbers its next tâche ("2.7" after the six
    coded tâches of "2"): the outline's series goes on past a sub-heading or a
    paragraph printed among the tâches."""
    if hit is None or not made or not numbered_under(made[-1].code, hit.group("code")):
        return None
    last = made[-1]
    number = (hit.group("code") or "").replace(" ", "").rstrip(".").rsplit(".", 1)[-1]
    return last if number.isdigit() and int(number) == len(last.taches) + 1 else None


def drop_told(ctx: Context) -> None:
    """Drop the series of numbered list items that end sentences and list no
    tâches (a list in prose)."""
    made = ctx.draft.activites
    told: set[int] = set()
    run: list[DActivite] = []
    for activite in [*made, None]:
        if activite is not None and activite.where.rule == LABEL_RULE:
            run.append(activite)
            continue
        if (
            run
            and not _named_again(run, made)
            and all(not a.taches and ends_sentence(a.libelle) for a in run)
        ):
            told.update(id(a) for a in run)
        run = []
    if told:
        made[:] = [a for a in made if id(a) not in told]
