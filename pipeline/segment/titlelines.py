"""How many lines below a bloc heading belong to its title: the next line when
the heading prints no title, lines that run on in lower case or after a comma
(a title wrapped in its cell). A parenthesis on a line of its own is no part
of the title, nor a subtitle: a lighter heading of the same level right under a
bold heading that prints its title (:func:`_subtitle`)."""

from __future__ import annotations

from ..docmodel import Kind
from ..hyphens import FRENCH, join_wrapped
from ..textclean import ends_sentence, is_aside, is_upper, starts_lower
from .draft import Context, Unit, runs_on
from .state import State, is_cue


def title_continued(ctx: Context, state: State, unit: Unit, following: list[Unit]) -> int:
    """How many following units the bloc heading ``unit`` takes as its title:
    the next one when the heading prints no title, or when its title runs on
    in lower case ("1. Fabriquer des ouvrages de protection des biens" /
    "et des personnes : grilles, garde-corps")."""
    nxt = following[0] if following else None
    if nxt is None or nxt.table is not None or is_cue(ctx, nxt):
        return 0
    hit = state.bloc_hit(ctx, unit.text)
    if hit is None or not hit.group("libelle") or is_aside(hit.group("libelle") or ""):
        return 1 + _wrapped(state, following)
    bloc = state.bloc
    if bloc is not None and _subtitle(unit, nxt):
        return 1  # the unit's statement under its name: read with the heading, no title
    if bloc is None or nxt.is_item or not starts_lower(nxt.text) or ends_sentence(bloc.libelle):
        return 0
    if is_aside(nxt.text):
        return 0  # a parenthesis on a line of its own qualifies the title, no part of it
    bloc.libelle = join_wrapped(bloc.libelle, nxt.text, FRENCH)
    return 1


def _wrapped(state: State, following: list[Unit]) -> int:
    """How many lines below a bloc's title line (``following[0]``) continue it:
    the line above ends on a comma (a title wrapped in its merged cell: "C3" /
    "Organiser," / "gérer"), or the line goes on in lower case ("Conception et
    conduite de projets d'unité" / "ou de service dans le cadre …")."""
    used = 0
    for above, nxt in zip(following, following[1:], strict=False):
        if state.bloc is None or nxt.table is not None or nxt.is_item:
            break
        if nxt.cell is not None and nxt.cell != above.cell:
            break  # the next cell of a layout table: no wrapped line
        wrapped = (
            runs_on(above.text, nxt) or _heading_runs_on(above, nxt) or _caps_run_on(above, nxt)
        )
        if not (above.text.rstrip().endswith(",") or wrapped):
            break
        state.bloc.libelle = join_wrapped(state.bloc.libelle, nxt.text.strip(), FRENCH)
        used += 1
    return used


def _heading_runs_on(above: Unit, nxt: Unit) -> bool:
    """A title line set as a heading going on in a heading of the same level
    that starts in lower case ("Connecter les" / "entreprises et les usagers",
    a statement wrapped in its box)."""
    return (
        above.kind is Kind.HEADING
        and nxt.kind is Kind.HEADING
        and above.level == nxt.level
        and starts_lower(nxt.text)
        and not ends_sentence(above.text)
        and not is_aside(nxt.text)
    )


def _caps_run_on(above: Unit, nxt: Unit) -> bool:
    """A title set in capitals wrapped over two lines of its cell, the second in
    capitals too ("COMMUNIQUER EN SITUATION PROFESSIONNELLE" / "(FRANÇAIS/ANGLAIS)"):
    one title, its parenthesis included."""
    return (
        nxt.cell is not None
        and nxt.cell == above.cell
        and is_upper(above.text)
        and is_upper(nxt.text)
        and not ends_sentence(above.text)
    )


def _subtitle(heading: Unit, nxt: Unit) -> bool:
    """A heading of the same level set in a lighter weight right under a bold
    bloc heading that prints its title ("DOMAINE 1 – NAME" / "Utiliser le
    numérique pour …"): the unit's statement under its name, neither a new
    section closing the bloc nor part of its title."""
    return (
        heading.kind is Kind.HEADING
        and nxt.kind is Kind.HEADING
        and heading.bold
        and not nxt.bold
        and heading.level == nxt.level
        and not starts_lower(nxt.text)
    )
