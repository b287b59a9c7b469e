"""A table of modalités d'évaluation and the compétences each one evaluates.

Titres professionnels open their evaluation part with such a table
("Modalités | Compétences évaluées | Durée | Détail de l'organisation de
l'épreuve"): each row names a modality and lists, one per line, the
compétences it evaluates ("Sans objet" when none). The table comes before
the blocs are known, so its rows are kept as links; once the blocs are read
and merged (stage ``modalites``), every bloc gets the modalities that
evaluate one of its compétences, in the table's order.

A règlement d'examen's épreuves table read by no column role is kept the
same way: the "Nature des épreuves" cells of a row link to the units its
other cells name, and a bloc named there gets them. A "Définition des
épreuves" section read before any bloc defines the épreuves of the whole
certification: they are the modalities of its only bloc.
"""

from __future__ import annotations

from ..docmodel import Block
from ..textclean import fold
from .content import add_modalites
from .draft import (
    Context,
    DBloc,
    TableView,
    cell_text,
    cell_units,
    code_key,
    norm_text,
    positions,
    similar,
)
from .unitcolumn import unit_lines

_ELEMENTS = frozenset(
    {"bloc", "activite", "taches", "criteres", "indicateurs", "connaissances", "conditions"}
    | {"resultats", "transversales"}
)


def is_link_table(view: TableView) -> bool:
    """A table keyed by modality (its modalités column before its compétences
    column) with nothing else to read; keyed by compétence ("Liste de
    compétences | Modalités d'évaluation", a bloc's table in an RNCP fiche),
    it is read as the bloc's own compétences and modalities."""
    roles = [role for role in view.roles if role]
    if "modalites" not in roles or "competence" not in roles or set(roles) & _ELEMENTS:
        return False
    return roles.index("modalites") < roles.index("competence")


def read_link_table(ctx: Context, view: TableView) -> None:
    """Keep each row's modality with the compétences it names."""
    for row in view.body:
        modalite: list[str] = []
        names: list[str] = []
        for column, cell in positions(row):
            role = view.roles[column] if column < len(view.roles) else None
            texts = [u.text for u in cell_units(cell)]
            if role == "modalites":
                modalite.extend(texts)
            elif role == "competence":
                names.extend(texts)
        if modalite and names:
            ctx.draft.modalite_links.append((" ".join(modalite), names))


def epreuve_links(ctx: Context, block: Block) -> None:
    """A table of épreuves read by no column role (a règlement d'examen: "Capacités |
    Épreuves | Coefficients | … Nature des épreuves | Durée"): under the header
    cells naming the épreuve's nature, each body row prints its modalities; the
    units its other cells name ("C 1 : …") are evaluated by them. Kept as links,
    placed once the blocs are read."""
    columns: set[int] = set()
    last = -1
    for index, row in enumerate(block.rows):
        named = {
            column
            for column, cell in positions(row)
            if ctx.rules.first("epreuve-nature", cell_text(cell))
        }
        if named:
            columns |= named
            last = index
    for row in block.rows[last + 1 :] if columns else []:
        modalites: list[str] = []
        names: list[str] = []
        for column, cell in positions(row):
            if column in columns:
                modalites.extend(u.text for u in cell_units(cell))
            else:  # "C1 : … citoyenne. C2 : …" in one line names two units
                names.extend(u.text for u in unit_lines(cell, ctx.rules))
        for text in modalites:
            ctx.draft.modalite_links.append((text, names))


def place_modalites(ctx: Context) -> None:
    """Give each bloc the linked modalities of its compétences, or of the bloc
    itself when a link names it (stage ``modalites``)."""
    for text, names in ctx.draft.modalite_links:
        for bloc in ctx.draft.blocs:
            if any(_names(bloc, name) for name in names) or any(
                similar(c.libelle, name) for c in bloc.competences for name in names
            ):
                add_named(bloc, text)


_NAMED = 20  # characters: a shorter libellé may end a line by chance


def _names(bloc: DBloc, name: str) -> bool:
    """Whether a line names the bloc: its libellé, the libellé after the bloc's
    code ("C 1 : <libellé>"), or the bloc's code alone ("UEP1")."""
    key = norm_text(bloc.libelle)
    if bloc.code and code_key(bloc.code) == code_key(name):
        return True
    return similar(bloc.libelle, name) or (len(key) >= _NAMED and norm_text(name).endswith(key))


def place_whole(ctx: Context) -> None:
    """The épreuves of the whole certification (a "Définition des épreuves"
    section read before any bloc) evaluate its only bloc: they are its
    modalities (stage ``whole``); with several blocs nobody says which."""
    units = ctx.draft.whole_modalites
    if len(ctx.draft.blocs) == 1 and units:
        add_modalites(ctx, ctx.draft.blocs[0], units)


def add_named(bloc: DBloc, text: str) -> None:
    """Add a modality known by its name, once: a name with the same letters as
    one the bloc has is that modality, and takes this wording (a column header
    whose words text extraction put in another order, "professionnel
    Questionnaire", is named again by a table row read after it)."""
    text = " ".join(text.split())
    key = _letters(text)
    for index, known in enumerate(bloc.modalites):
        if _letters(known) == key:
            bloc.modalites[index] = text
            return
    bloc.modalites.append(text)
    bloc.modalites_details.append("")


def _letters(text: str) -> str:
    return "".join(sorted(c for c in fold(text) if c.isalnum()))
