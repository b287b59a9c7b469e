"""What a compétence cell of a role table says beyond its statements: the bloc its
row belongs to, a cell of codes naming compétences stated before, connectors
between coded statements, a statement's detailing sub-actions."""

from __future__ import annotations

import re

from ..nlp import is_action
from ..textclean import ends_lead_in, label_text, starts_lower
from .content import IMPLICIT_BLOC, bloc_of, competence_code, find_competence, is_implicit
from .draft import Context, DBloc, DCompetence, Unit, Where, units_text
from .state import State

CODE_LIST = re.compile(r"\s*(?:[,;/&+]|\bet\b)\s*", re.IGNORECASE)


_CONNECTOR_WORDS = 3
_SHARED_PREFIX = 3  # a code prefix this long shared by the coded lines makes a series


def coded_siblings(ctx: Context, units: list[Unit], coded: list[Unit]) -> list[Unit]:
    """The coded lines of a cell and the lines printed with the same code
    prefix whose code does not read ("A2T1Cl - …" among "A2T1C2 - … A2T1C6 -
    …", a letter for a digit): siblings of the series, not its details."""
    codes = [hit.group("code") or "" for u in coded if (hit := competence_code(ctx, u.text))]
    if len(codes) < 2:  # noqa: PLR2004 - a series needs two codes to share a prefix
        return coded
    prefix = codes[0]
    for code in codes[1:]:
        while not code.startswith(prefix):
            prefix = prefix[:-1]
    if len(prefix) < _SHARED_PREFIX or not prefix[-1].isalpha():
        return coded
    return [u for u in units if u in coded or u.text.startswith(prefix)]


def is_connector(unit: Unit) -> bool:
    """A few words between coded statements, no sentence of their own: a
    connector ("Ou", "Et au choix :")."""
    words = [w for w in unit.text.split() if any(c.isalpha() for c in w)]
    return len(words) <= _CONNECTOR_WORDS and not unit.text.rstrip().endswith(".")


#: words of a paragraph that states a compétence whole without a full stop
_STATEMENT_WORDS = 12


def are_statements(units: list[Unit]) -> bool:
    """Paragraphs each a whole sentence of its own (a capital, a full stop; no
    item, no lead-in): parallel statements, not one statement and its details."""
    return len(units) > 1 and all(
        not u.is_item and u.text[:1].isupper() and u.text.rstrip().endswith(".") for u in units
    )


def parallel_actions(units: list[Unit]) -> bool:
    """Parallel statements, each a paragraph of its own opening on an infinitive
    ("Etablir une relation." / "Assurer une fonction de repère …"): several
    abilities, whatever the table. Sentences broken apart inside one paragraph
    (the same line of the source) stay one statement with its second sentence."""
    lines = [u.line for u in units]
    return (
        None not in lines
        and len(set(lines)) == len(lines)
        and (are_statements(units) or all(_long_statement(u) for u in units))
        and all(is_action(u.text) for u in units)
    )


def _long_statement(unit: Unit) -> bool:
    """A paragraph long enough to be a whole statement without its full stop
    (the web's compétences: "Concevoir …, en …, afin de …"), not a lead-in."""
    return (
        not unit.is_item
        and unit.text[:1].isupper()
        and not ends_lead_in(unit.text)
        and len(unit.text.split()) >= _STATEMENT_WORDS
    )


def action_lines(units: list[Unit]) -> bool:
    """Paragraphs each a line of its own opening on an infinitive with a capital,
    none closed by a full stop or a colon, none an item ("Collecter les données
    …" / "Ordonner les données …" / "Repérer les contraintes …"): a column of
    abilities one per line, several compétences (a statement's details are
    items, run-ons or set apart by typography: :func:`are_sub_actions`)."""
    lines = [u.line for u in units]
    return (
        len(units) > 1
        and None not in lines
        and len(set(lines)) == len(lines)
        and all(
            not u.is_item and u.text[:1].isupper() and not u.text.rstrip().endswith((".", ":"))
            for u in units
        )
        and all(is_action(u.text) for u in units)
    )


def are_sub_actions(ctx: Context, units: list[Unit]) -> bool:
    """A coded compétence line followed only by dash items, each an action of
    its own ("C1.1 - rechercher …" / "- Réunir les documents"), an item of
    another glyph under them included ("• plan d'ensemble"): the items detail
    the compétence, they are no part of its statement."""
    rest = units[1:]
    return (
        bool(rest)
        and competence_code(ctx, units[0].text) is not None
        and all(u.is_item for u in rest)
        and all(u.label != rest[0].label or not starts_lower(u.text) for u in rest)
    )


def codes_only(ctx: Context, text: str) -> bool:
    """Whether ``text`` is a list of compétence codes and nothing else."""
    codes = [c for c in CODE_LIST.split(text) if c]
    return bool(codes) and all(
        any(rule.regex.fullmatch(c) for rule in ctx.rules.labelled("link-code")) for c in codes
    )


def coded_cell(ctx: Context, state: State, units: list[Unit]) -> list[DCompetence]:
    """A compétence cell of codes only ("CP1, CP2") names compétences stated
    before: it links the row to them (a synthesis table's compétences move to
    the open bloc that lists them)."""
    text = units_text(units)
    if not codes_only(ctx, text):
        return []
    codes = [c for c in CODE_LIST.split(text) if c]
    known = {
        " ".join(code.split()).upper(): comp
        for bloc in ctx.draft.blocs
        for comp in bloc.competences
        for code, _ in comp.codes
    }
    found = [known.get(" ".join(c.split()).upper()) for c in codes]
    if not all(found):
        return []
    comps = [c for c in found if c is not None]
    bloc = state.bloc
    if bloc is not None and not is_implicit(bloc):
        for comp in comps:
            owner = bloc_of(ctx, comp)
            if owner is not None and owner is not bloc and is_implicit(owner):
                owner.competences.remove(comp)
                bloc.competences.append(comp)
    return comps


def opened_by_heading(ctx: Context, bloc: DBloc | None) -> bool:
    """Whether ``bloc`` was opened by a heading (not by a table's cell, nor implicit)."""
    if bloc is None or is_implicit(bloc):
        return False
    return id(bloc) not in ctx.cell_blocs


def bloc_for(ctx: Context, state: State, text: str) -> DBloc:
    """The bloc a compétence row belongs to: the bloc a heading opened, else
    where that compétence was already listed (a synthesis table read before
    any bloc), else the current or last bloc (or a new unnamed bloc)."""
    hit = ctx.rules.first("code-competence", text) or ctx.rules.first("code-numeric", text)
    libelle = label_text(hit.group("libelle") or "") if hit else label_text(text)
    known = find_competence(ctx, libelle, state.bloc, hit.group("code") if hit else None)
    current = state.bloc if state.bloc is not None and not is_implicit(state.bloc) else None
    if known is not None and current is None:
        owner = bloc_of(ctx, known)
        if owner is not None and not (is_implicit(owner) and state.bloc is not None):
            return owner
    if state.bloc is not None:
        return state.bloc
    if ctx.draft.blocs:
        return ctx.draft.blocs[-1]
    bloc = DBloc(None, "", Where(None, None, IMPLICIT_BLOC))
    ctx.draft.blocs.append(bloc)
    state.bloc = bloc
    return bloc
