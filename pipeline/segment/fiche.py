"""A compétence's fiche printed as lines (Québec programmes d'études).

The ministry's fiche is a two-column grid: the statement beside its context,
then the numbered elements beside their critères de performance. Read as a
grid it is a role table (:mod:`.tables`); read as lines (a text extraction,
an OCR service's Markdown) it is a run of units:

* the statement's head (``fiche-enonce`` rules), the statement on the next
  line: it opens the bloc (its code from a ``Code :`` field above it), the
  context lines after it fill no element of the contract;
* the elements' head (``fiche-elements``): each numbered line below it
  ("N." or "N" then a capital, numbered in order, also after a page break) is a compétence of the
  bloc (its number the code), and the bullets after it,
  under a "Critères de performance" head or not, its critères, and so are
  the lines numbered under it ("1.2" under "1"; the first one may be glued
  after the element's sentence, the two columns read as one line); a
  numbered critère names its element by its number, so it finds it also
  when the columns were read one after the other (every element, then
  every critère);
* the column heads ("Objectif", "Standard"; ``fiche-columns``), made headings
  of their own by an OCR service, are furniture after the elements head or
  before the statement's head;
* under the elements head, a plain line that is neither a numbered element
  nor a cue is page furniture (a running header the reader kept);
* the context head ("Contexte de réalisation", ``fiche-context``) read after
  the elements (the columns read one after the other): the context lines
  under it fill no element, as beside the statement;
* the critères "pour l'ensemble de la compétence" are the bloc's (a zone cue
  read by the walk before any element).
"""

from __future__ import annotations

import re

from ..docmodel import Kind
from .content import add_competence, add_critere
from .draft import Context, DBloc, DCompetence, TableView, Unit, Where
from .state import State, is_cue, open_bloc


def fiche_line(ctx: Context, state: State, units: list[Unit], index: int) -> int | None:
    """Read ``units[index]`` as a line of a fiche: the units it used after
    itself, or None when it is no fiche line."""
    unit = units[index]
    if unit.table is not None or unit.is_item:
        return None
    if ctx.rules.first("fiche-enonce", unit.text):
        statement = units[index + 1] if index + 1 < len(units) else None
        if statement is None or statement.is_item or statement.table is not None:
            return None
        if is_cue(ctx, statement):
            return None
        open_bloc(ctx, state, [statement], "fiche.enonce", any_text=True)
        state.enter("ignore")  # the context of the statement: no element of the contract
        return 1
    if state.bloc is None:
        return None
    if ctx.rules.first("fiche-columns", unit.text) and (
        state.elements or _states_next(ctx, units, index)
    ):
        return 0  # a column head of the fiche: furniture
    if state.elements and ctx.rules.first("fiche-context", unit.text):
        state.enter("ignore")  # the statement's context, read after the elements
        return 0
    if ctx.rules.first("fiche-elements", unit.text):
        state.elements = True
        state.competence = state.critere = None
        state.enter("criteres")
        return 0
    if not state.elements:
        return None
    if _element(state, unit.text):
        number = len(state.bloc.competences) + 1
        sentence, *glued = re.split(rf"(?<=[.;!?])\s+(?={number}\.1\s)", unit.text, maxsplit=1)
        state.competence = add_competence(
            ctx,
            state.bloc,
            unit,
            state.source,
            from_list=False,
            rule="fiche.element",
            text=sentence,
        )
        if state.competence is not None and state.competence not in state.bloc.competences:
            # the same statement as an element of another fiche: this fiche's own element
            state.competence = DCompetence(
                state.competence.libelle,
                Where(unit.page, unit.line, "fiche.element", unit.bbox),
                codes=[(str(number), state.source)],
                source=state.source,
            )
            state.bloc.competences.append(state.competence)
        state.critere = None
        state.enter("criteres")
        if state.competence is not None and glued:
            _critere(state, unit, glued[0])
        return 0
    if state.competence is not None and _critere(state, unit, unit.text):
        return 0
    if unit.kind is Kind.PARAGRAPH and not is_cue(ctx, unit) and not _opens(ctx, unit):
        return 0  # neither element nor critère: a running header the reader kept
    return None


# "1.  Repérer les risques.", "1 Caractériser la fonction de travail." (no stop: a capital follows)
_SUB = re.compile(r"^(\d{1,2})\.\d{1,2}\.?\s+(?=\S)")  # "1.2 Examen complet …"
_NUMBERED = re.compile(r"^(\d{1,2})(?:[.)]\s+\S|\s+[A-ZÀ-ÖØ-ÝŒ])")


def _element(state: State, text: str) -> bool:
    """A numbered element: "N." or "N)" with the next number of the bloc's elements."""
    found = _NUMBERED.match(text)
    assert state.bloc is not None
    return found is not None and int(found.group(1)) == len(state.bloc.competences) + 1


def _critere(state: State, unit: Unit, text: str) -> bool:
    """A critère numbered under an element of the bloc ("1.2 Examen …" under
    "1", also read after the later elements), its number dropped; False when
    ``text`` is not numbered so."""
    assert state.bloc is not None
    found = _SUB.match(text)
    elements = state.bloc.competences
    if found is None or not 1 <= int(found.group(1)) <= len(elements):
        return False
    element = elements[int(found.group(1)) - 1]
    state.critere = add_critere(
        state.bloc, unit, text[found.end() :], [], "fiche.critere", [element]
    )
    return True


def _states_next(ctx: Context, units: list[Unit], index: int) -> bool:
    """Whether the unit after ``index`` is a fiche's statement head."""
    following = units[index + 1] if index + 1 < len(units) else None
    return following is not None and bool(ctx.rules.first("fiche-enonce", following.text))


def _opens(ctx: Context, unit: Unit) -> bool:
    """A line that starts another part of the fiche or the next fiche."""
    return any(
        ctx.rules.first(label, unit.text) for label in ("code-field", "fiche-enonce", "section")
    )


def code_field(ctx: Context, unit: Unit, following: list[Unit]) -> tuple[str, int] | None:
    """A labelled code field ("Code : 0229", or "Code :" and the code in the
    next unit): the code, and the units it used after ``unit``."""
    hit = ctx.rules.first("code-field", unit.text)
    if hit is None:
        return None
    code = hit.group("code")
    if code:
        return code, 0
    value = following[0].text.strip() if following else ""
    after = ctx.rules.first("code-field", f"Code : {value}")
    code = after.group("code") if after is not None else None
    return (code, 1) if code else None


#: "COMPETENCE 3": a level word and its number
_WORD_NUMBER = re.compile(r"^[^\W\d_]{3,}\s+\d{1,3}$")


def place_code(state: State, code: str) -> None:
    """A code field's code: the printed code of the unit whose heading it
    stands under (:func:`_fresh_heading`), else the code of the next unit."""
    if state.bloc is not None and _fresh_heading(state.bloc):
        state.bloc.code = code
    else:
        state.pending_code = code


def _fresh_heading(bloc: DBloc | None) -> bool:
    """Whether ``bloc`` was just opened by a heading that numbers it with its
    level word only ("COMPETENCE 3 : …", nothing read under it yet): a code
    field printed next is that unit's code ("Code : GECF - 03")."""
    return (
        bloc is not None
        and bloc.code is not None
        and _WORD_NUMBER.match(bloc.code) is not None
        and not bloc.competences
        and not bloc.criteres
    )


def fiche_grid(ctx: Context, view: TableView) -> bool:
    """A fiche read as a grid, a row heading its elements ("Éléments de la
    compétence | Critères de performance"): the page that continues it with
    no heads (its code field, then "4 Suivre …" and bullets) goes on listing
    the bloc's elements."""
    return any(
        row.cells and ctx.rules.first("fiche-elements", " ".join(row.cells[0].text.split()))
        for row in view.block.rows
    )


def table_code_field(ctx: Context, view: TableView) -> str | None:
    """A table of one row stating a labelled code field ("Code : | 0229")."""
    rows = view.block.rows
    if len(rows) != 1:
        return None
    hit = ctx.rules.first("code-field", " ".join(cell.text for cell in rows[0].cells))
    return hit.group("code") if hit is not None else None
