"""A table of modalités d'évaluation and the compétences each one evaluates.

Titres professionnels open their evaluation part with such a table
("Modalités | Compétences évaluées | Durée | Détail de l'organisation de
l'épreuve"): each row names a modality and lists, one per line, the
compétences it evaluates ("Sans objet" when none). The table comes before
the blocs are known, so its rows are kept as links; once the blocs are read
and merged (stage ``modalites``), every bloc gets the modalities that
evaluate one of its compétences, in the table's order.
"""

from __future__ import annotations

from ..textclean import fold
from .draft import Context, DBloc, TableView, cell_units, positions, similar

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


def place_modalites(ctx: Context) -> None:
    """Give each bloc the linked modalities of its compétences (stage ``modalites``)."""
    for text, names in ctx.draft.modalite_links:
        for bloc in ctx.draft.blocs:
            if any(similar(c.libelle, name) for c in bloc.competences for name in names):
                add_named(bloc, text)


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
