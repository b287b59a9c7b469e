"""The column roles of a table: its header rows, refined by what the columns hold.

Header cells name column roles (rules labelled ``column``): :func:`table_views`
makes one view per run of rows under the same roles (a repeated header goes
on, a header naming other roles starts another view). :func:`finer_roles`
reads the roles as the columns hold them ("Indicateurs" holding the critères,
"Fonctions" over "Activités"); a grid's one unnamed column holds its
conditions or its abilities. :func:`caption_roles` reads the roles a caption
names, for a table with no header row (:mod:`.headless_views`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..docmodel import Block, Row
from ..rules import RuleSet
from ..textclean import ends_sentence
from .boldhead import bold_headed
from .checks import SCORE, check_columns, mark_columns, name_columns
from .cut_spans import cut_coded_title
from .draft import Headers, TableView, cell_units, coded_title, positions
from .graded import graded_columns, graded_labels
from .headers import header_roles
from .numbering import numbered
from .refcolumn import reference_columns
from .subheader import merged_columns, sub_heads
from .subheads import column_head, repeated_header, row_shape

#: the words between a role and the next one making it that role's complement
_COMPLEMENT = re.compile(
    r"(?:(?!\bet\b|[,/|]).)*?(?<!\S)(?:des|de\s+la|de\s+l'|du|de|d')\s*", re.IGNORECASE
)


def caption_roles(text: str, rules: RuleSet) -> list[str]:
    """The column roles a caption names, in order, wherever they start; a role
    named as the complement of the one before ("Modalités d'évaluation des
    compétences …") is no column of its own, nor is anything after it."""
    roles: list[str] = []
    position = 0
    for word in re.finditer(r"(?<![^\s/])\S", text):  # "fonctions/activités": two words
        if word.start() < position:
            continue
        hit = rules.first("column", text[word.start() :])
        if hit is not None and roles and _COMPLEMENT.fullmatch(text[position : word.start()]):
            break  # "Modalités d'évaluation des compétences": the first role's complement
        if hit is not None and hit.rule.value not in (None, "evaluation", SCORE):
            if hit.rule.value not in roles:
                roles.append(hit.rule.value)
            position = word.start() + hit.match.end()
    return roles


def table_views(
    block: Block, rules: RuleSet, new_source: Callable[[], int], headers: Headers
) -> list[TableView]:
    """Recognise the header rows of a table: one view per run of rows under the
    same column roles (a repeated header continues the view, a header naming
    other roles starts a new one). Empty when the table names no roles.
    ``headers`` are the header rows of the tables before: a header row that
    repeats one of them with a cell left blank takes its roles."""
    block = bold_headed(block, lambda row: header_roles(row, rules)) or block
    width = max((sum(max(1, c.col_span) for c in row.cells) for row in block.rows), default=0)
    views: list[TableView] = []
    captions: list[Row] = []  # full-width rows above the first header ("CP1.1 : …", "T1.1 | …")
    previous_header = False
    checks, marks = frozenset(check_columns(block)), frozenset(mark_columns(block))
    header_cells: set[int] = set()  # the cells of the last header row
    merged: set[int] = set()  # the columns the last header row's merged cells cover
    for row in block.rows:
        named = header_roles(row, rules, checks, marks)
        if named is not None:
            headers.setdefault(row_shape(row, width), named)
            known = repeated_header(row_shape(row, width), headers)
            named = known if known is not None and set(named) < set(known) else named
        elif headers:
            named = repeated_header(row_shape(row, width), headers)
        if named is None and previous_header and merged:
            named = sub_heads(row, merged, rules)  # a second level of heads
        if named is None and previous_header and header_cells & {id(c) for c in row.cells}:
            continue  # a header cell merged down over this row: the header goes on
        below = column_head(row, views[-1], rules, width) if named is None and views else None
        if below is not None:
            views.append(TableView(block, below, [], new_source()))
            previous_header = False
            continue
        if named is None:
            if views and not (row.header and previous_header):
                views[-1].body.append(row)
            elif not views and (
                (len({id(c) for c in row.cells if c.blocks}) == 1 and not _prose_row(row, rules))
                or coded_title(row, rules)
                or cut_coded_title(row, rules)
                or _merged_titles(row)
            ):
                captions.append(row)
            previous_header = previous_header and row.header
            continue
        roles: list[str | None] = [None] * width
        if previous_header and views:
            roles = list(views[-1].roles)  # a second header row refines the first
        for column, role in named.items():
            if column < width and (roles[column] is None or role != "evaluation"):
                roles[column] = role
        roles = graded_labels(roles, row, rules)
        roles = detailed_pair(finer_roles(roles, _spanned(row)), row, rules)
        roles = _domaines(roles, row, rules)
        roles = _conditions_left(_abilities_between(roles, row), row)
        repeated = not previous_header and bool(views) and views[-1].roles == roles
        if previous_header and views:
            views[-1].roles = roles
        elif not views or views[-1].roles != roles:
            views.append(TableView(block, roles, [] if views else captions, new_source()))
        name_columns(views[-1], row, repeated)
        views[-1].graded = views[-1].graded or graded_columns(row, rules)
        previous_header = True
        header_cells = {id(c) for c in row.cells}
        merged = merged_columns(row)
    for view in views:
        reference_columns(view)  # a column naming units by their codes only
    return views


def _merged_titles(row: Row) -> bool:
    """A body row of one-line titles each merged over a group of columns (two
    compétences set side by side over their columns, :mod:`.sideheads`; a
    header's groups of columns are marked as header cells)."""
    filled = [cell for cell in row.cells if cell.blocks]
    return (
        not row.header
        and len(filled) > 1
        and all(cell.col_span > 1 and len(cell.blocks) == 1 for cell in filled)
    )


_PROSE_WORDS = 8  # words: a longer finished line is a sentence of prose, no label


def _prose_row(row: Row, rules: RuleSet) -> bool:
    """A full-width row of prose: a line over several finished sentences (a
    « Description générale » above the header of a BTS activités table). It
    introduces the table, it titles no unit of it. A zone's label over its
    content ("Conditions d'exercice …" over the contexts of a BTS bloc's
    compétences) is read as that zone, a numbered unit over its presentation
    ("THÈME 3 : …" over the theme's prose) is that unit."""
    blocks = [b for cell in row.cells for b in cell.blocks]
    if not blocks or rules.first("zone", blocks[0].text) is not None:
        return False
    if numbered(blocks[0].text) is not None:
        return False
    sentences = [
        b for b in blocks[1:] if ends_sentence(b.text) and len(b.text.split()) > _PROSE_WORDS
    ]
    return len(sentences) >= 2


def _spanned(row: Row) -> set[int]:
    """The columns a merged header cell covers after its first one (a cell
    repeating the text of the cell before it too: a merged cell written out
    once per column, as Markdown and HTML exports print it)."""
    spanned: set[int] = set()
    before = None
    for column, cell in positions(row):
        spanned.update(column + offset for offset in range(1, max(1, cell.col_span)))
        if before is not None and cell.text and cell.text == before.text:
            spanned.add(column)
        before = cell
    return spanned


def finer_roles(roles: list[str | None], spanned: set[int]) -> list[str | None]:
    """Roles as the columns hold them: an "Indicateurs (de performance)"
    column with no critères column beside it holds the critères, one per line
    (diplomas, contract); a "Fonctions" column is the activités when the
    activités beside it hold their tâches ("Fonctions | Activités"), and a
    grouping of no element of its own when a tâches column follows, or when
    the table names compétences and no activité ("Fonctions | Capacités |
    Compétences terminales": the certification's units grouped); of two
    activité columns the second holds the first one's tâches (not when one
    merged header cell names both: "A1 | PRÉPARATION" are code and title); of
    two bloc columns side by side, each headed apart, the left one groups the
    units of the right one ("Pôles d'activités | Blocs de compétences": a pôle
    beside each bloc), no element of its own. A training table's "Unités de
    formation" are its blocs, unless a bloc column stands beside them (the
    domaines de compétences an épreuve of the unit validates): a grouping then."""
    out = list(roles)
    if "formation" in out:
        unit = None if "bloc" in out else "bloc"
        out = [unit if role == "formation" else role for role in out]
    blocs = [i for i, role in enumerate(out) if role == "bloc" and i not in spanned]
    if len(blocs) == 2 and blocs[1] == blocs[0] + 1:
        out[blocs[0]] = None
    if "indicateurs" in out and "criteres" not in out:
        out = ["criteres" if role == "indicateurs" else role for role in out]
    if "fonction" in out:
        work = {"activite", "taches"} & set(out)
        grouping = work == {"activite", "taches"} or (not work and "competence" in out)
        out = [("activite" if not grouping else None) if r == "fonction" else r for r in out]
    named = [i for i, role in enumerate(out) if role == "activite" and i not in spanned]
    if len(named) == 2 and "taches" not in out:
        out[named[1]] = "taches"
    return out


def detailed_pair(roles: list[str | None], row: Row, rules: RuleSet) -> list[str | None]:
    """Two compétence columns side by side, headed apart by the same heading
    word, in a table naming no bloc column ("Compétences communes | Compétences
    détaillées"): the left one holds the units the right one details (with no
    bloc printed, the top unit is the bloc, contract). Columns the same role
    reaches by different words ("Objectifs de l'épreuve | Compétences
    repérées") stay what they are."""
    spanned = _spanned(row)
    pair = [i for i, role in enumerate(roles) if role == "competence" and i not in spanned]
    if "bloc" in roles or len(pair) != 2 or pair[1] != pair[0] + 1:  # noqa: PLR2004 - a pair
        return roles
    heads = dict(positions(row))
    words = set()
    for column in pair:
        hit = rules.first("column", heads[column].text) if column in heads else None
        if hit is None:
            return roles
        words.add(hit.rule.id)
    if len(words) != 1:
        return roles
    out = list(roles)
    out[pair[0]] = "bloc"
    return out


_JUDGED = ("criteres", "resultats", "indicateurs")


def _conditions_left(roles: list[str | None], row: Row) -> list[str | None]:
    """The one headed column no rule names, in a grid of compétences and of
    what judges them, holds the conditions of the performance (diplomas,
    contract: the third column of "Données / Actions / Indicateurs", whatever
    its publisher calls it: "Ressources", "Mise en situation"). One after a
    rating scale is the form's weight or total column ("0 | 1/3 | … | Poids")."""
    if "competence" not in roles or "conditions" in roles or not set(_JUDGED) & set(roles):
        return roles
    unnamed = _unnamed(roles, row)
    if len(unnamed) != 1 or sum(r is not None for r in roles) < 2:
        return roles
    if SCORE in roles[: unnamed[0]]:
        return roles
    out = list(roles)
    out[unnamed[0]] = "conditions"
    return out


def _unnamed(roles: list[str | None], row: Row) -> list[int]:
    """The columns of a header row whose filled cell names no role."""
    return [
        column
        for column, cell in positions(row)
        if cell.text.strip() and column < len(roles) and roles[column] is None
    ]


def _abilities_between(roles: list[str | None], row: Row) -> list[str | None]:
    """The one headed column no rule names, standing between the conditions
    ("Données") and what judges the work ("Indicateurs", "Critères") in a grid
    naming no compétence column, lists the unit's abilities (diplomas,
    contract: the middle column of "Données / Actions / Indicateurs", whatever
    its publisher calls it: "Savoir agir")."""
    unnamed = _unnamed(roles, row)
    if "competence" in roles or len(unnamed) != 1:
        return roles
    column = unnamed[0]
    if "conditions" not in roles[:column] or not set(_JUDGED) & set(roles[column + 1 :]):
        return roles
    out = list(roles)
    out[column] = "competence"
    return out


_BARE_DOMAINE = "column.domaine-bare"


def _domaines(roles: list[str | None], row: Row, rules: RuleSet) -> list[str | None]:
    """A bare "Domaines" header just left of the activités, the table's only other
    role ("Domaines | Description des activités", a CQPI's référentiel
    d'activités): the domaines group the activités, no bloc."""
    if set(roles) - {None} != {"bloc", "activite"}:
        return roles
    cells = dict(positions(row))
    out = list(roles)
    for column, role in enumerate(roles):
        cell = cells.get(column)
        if (
            role == "bloc"
            and roles[column + 1 : column + 2] == ["activite"]
            and cell is not None
            and (hit := rules.first("column", " ".join(u.text for u in cell_units(cell))))
            is not None
            and hit.rule.id == _BARE_DOMAINE
        ):
            out[column] = None
    return out
