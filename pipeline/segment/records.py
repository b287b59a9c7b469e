"""Stages ``record-tables`` and ``records``: a table of labelled rows is the
record of one unit.

A référentiel des activités may print each activité as a line naming it
("F.1. : Exploration") over a table whose rows are labelled rather than its
columns: a row holding only a label ("TÂCHES", "RÉSULTATS ATTENDUS"), a label
in a first column beside its content, or a cell opening on a label line
("Activités : " over the lines it labels). The labels are column cues
(``column`` rules) set down the table instead of across it, and are read by
the same roles: a row label governs the rows below it up to the next label;
a label line inside a cell governs the cell's lines below it, and a label no
role names ("Objectifs :") takes its lines out of the role the row gave.

The table is the record of the unit named just before it when a role of it
lists what the unit's work is made of: a tâches or activités label (inside
one activité's record, its activités are its tâches, as a fonction's
activités are when the fonctions are the activités). That unit is an activité,
its tâches the lines that role labels; the lines of the record are then part
of the référentiel d'activités (no compétence, no bloc). The code printed
before the title is read with the other activités' (:mod:`.activitycodes`).

The records are found once, right after the units (stage ``record-tables``,
kept in ``ctx.records``): the outline and the description read them before
stage ``records`` makes their activités.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..docmodel import Block, Cell, Kind
from ..textclean import ends_lead_in, ends_sentence, is_upper, label_text
from .draft import Context, DActivite, Record, Unit, Where

RULE = "records.activite"
_LABEL_MAX = 60  # a longer line is content, not a label
_TITLE_MAX = 120  # a longer line names no unit
_TACHES = frozenset({"activite", "taches"})  # the roles listing an activité's tâches
_MIN_LABELS = 2  # labels a record prints at least


def record_tables(ctx: Context) -> None:
    """Find, once for the document, the layout tables of labelled rows that
    are the record of a unit (read by the outline, the description and
    :func:`records`)."""
    ctx.records = list(_records(ctx))


def records(ctx: Context) -> None:
    """Read every record as the activité it names."""
    if ctx.streamed:
        return
    for record in ctx.records:
        title = record.title
        code, libelle = _coded(ctx, title.text)
        activite = DActivite(code, libelle, Where(title.page, title.line, RULE))
        activite.taches = [_tache(ctx, u.text) for u in record.taches]
        ctx.draft.activites.append(activite)
        for unit in (title, *record.units):
            unit.section = "activites"


def _coded(ctx: Context, text: str) -> tuple[str | None, str]:
    """A record's title as its activité's code and libellé: a coded activité
    heading ("ACTIVITE 1 - 1 Accueil …", rule ``code-activite``) gives both."""
    hit = ctx.rules.first("code-activite", text)
    libelle = hit.group("libelle") if hit is not None else None
    if hit is None or not libelle:
        return None, label_text(text)
    return hit.group("code"), label_text(libelle)


def _tache(ctx: Context, text: str) -> str:
    """A tâche as a libellé: its code (rule ``code-tache``, "T1.2 …") is not part of it."""
    hit = ctx.rules.first("code-tache", text)
    return label_text((hit.group("libelle") or text) if hit is not None else text)


def record_frames(ctx: Context) -> set[int]:
    """The layout tables (ids) read as records: their labels are no headings."""
    return {r.units[0].frame for r in ctx.records if r.units[0].frame is not None}


def titled_records(ctx: Context) -> bool:
    """Whether the document's units are records its tables title in their own
    rows: a numbered series nobody named around them divides the document
    into parts, it holds none of these units."""
    return any(r.title.frame is not None for r in ctx.records)


def _records(ctx: Context) -> Iterator[Record]:
    """Each record: the line naming its unit, the table's units, its tâches."""
    tables = {id(b): b for b in ctx.document.blocks if b.kind is Kind.TABLE}
    frames: dict[int, list[int]] = {}
    for index, unit in enumerate(ctx.units):
        if unit.frame is not None and unit.table is None:
            frames.setdefault(unit.frame, []).append(index)
    for frame, indexes in frames.items():
        block = tables.get(frame)
        if block is None or indexes[0] == 0:
            continue
        units = [ctx.units[i] for i in indexes]
        if (own := _self_titled(ctx, block, units)) is not None:
            yield own
            continue
        if not _labelled_rows(ctx, block):
            continue
        inside = list(_titled(ctx, units))
        if inside:
            yield from inside
            continue
        title = ctx.units[indexes[0] - 1]
        taches = _taches(ctx, units)
        if taches is not None and _names_unit(title):
            yield Record(title, units, taches)


def label_value_frames(ctx: Context) -> set[int]:
    """The layout tables (ids) of label/value rows in a document whose
    activités are records naming themselves ("Activité | …"): every row a
    cell alone or a short label beside its value ("MISSIONS | Assurer …").
    Such a document describes its emploi in them: their lines are no
    compétences."""
    if not titled_records(ctx):
        return set()
    return {
        id(b)
        for b in ctx.document.blocks
        if b.kind is Kind.TABLE and b.rows and all(_label_value(row.cells) for row in b.rows)
    }


def _label_value(cells: list[Cell]) -> bool:
    """A row holding one cell alone, or a short one-line label beside its value."""
    if len(cells) == 1:
        return True
    head = cells[0].text.strip()
    return (
        len(cells) == 2  # noqa: PLR2004
        and 0 < len(head) <= _LABEL_MAX
        and "\n" not in head
        and not ends_sentence(head)
    )


def _titled(ctx: Context, units: list[Unit]) -> Iterator[Record]:
    """The records a table names in its own rows: a label alone that no role
    names, right over a label a role names ("F1 - ORGANISATION" over
    "TÂCHES"), titles the rows below it up to the next such title; the rows
    above the first title (the table's own title) go with the first record."""
    cells = _cells(units)
    titles = [
        i
        for i, cell in enumerate(cells[:-1])
        if _title_cell(ctx, cell) and _role_label(ctx, cells[i + 1])
    ]
    for n, start in enumerate(titles):
        end = titles[n + 1] if n + 1 < len(titles) else len(cells)
        body = [u for cell in cells[start + 1 : end] for u in cell]
        taches = _taches(ctx, body)
        if taches is not None:
            head = [u for cell in cells[: start + 1] for u in cell] if n == 0 else cells[start]
            yield Record(cells[start][0], [*head, *body], taches)


def _self_titled(ctx: Context, block: Block, units: list[Unit]) -> Record | None:
    """A two-column record naming its own unit in its first row: every row a
    short label cell beside its content, the first label an activité cue
    beside one line ("Activité | Surveillance au PC"), a later label a tâches
    cue: that line is the activité, the lines the tâches labels head its
    tâches (the other labels, whatever they say, head no tâche)."""
    rows = [row.cells for row in block.rows]
    if len(rows) < _MIN_LABELS or any(len(cells) != 2 for cells in rows):  # noqa: PLR2004
        return None
    heads = [cells[0].text.strip() for cells in rows]
    if any(not h or "\n" in h or len(h) > _LABEL_MAX or ends_sentence(h) for h in heads):
        return None
    roles = [_role(ctx, h) for h in heads]
    if roles[0] != "activite" or "taches" not in roles[1:]:
        return None
    named = [u for u in units if u.cell == id(rows[0][1])]
    if len(named) != 1 or len(named[0].text) > _TITLE_MAX or ends_sentence(named[0].text):
        return None
    cells = {id(cells[1]) for cells, role in zip(rows, roles, strict=True) if role == "taches"}
    taches = [u for u in units if u.cell in cells]
    return Record(named[0], units, taches) if taches else None


def _title_cell(ctx: Context, cell: list[Unit]) -> bool:
    """A cell holding one label alone that no role names and ends on no colon,
    or one coded activité heading ("ACTIVITE 1 - 1 Accueil …": its code, not
    its length, says it names the unit)."""
    text = cell[0].text.strip()
    if len(cell) != 1 or ends_lead_in(text) or _role(ctx, text) is not None:
        return False
    if _label(ctx, text, alone=True):
        return True
    return (
        len(text) <= _TITLE_MAX
        and not ends_sentence(text)
        and ctx.rules.first("code-activite", text) is not None
    )


def _role_label(ctx: Context, cell: list[Unit]) -> bool:
    """A cell holding one label alone that a role names."""
    return (
        len(cell) == 1
        and _label(ctx, cell[0].text, alone=True)
        and _role(ctx, cell[0].text) is not None
    )


def _labelled_rows(ctx: Context, block: Block) -> bool:
    """Whether every row of ``block`` is one cell, or a label cell beside its content."""
    for row in block.rows:
        cells = [c for c in row.cells if c.text.strip()]
        if len(cells) == 2 and _label(ctx, cells[0].text.strip(), alone=True):
            continue
        if len(cells) > 1:
            return False
    return bool(block.rows)


def _taches(ctx: Context, units: list[Unit]) -> list[Unit] | None:
    """The lines a tâches role labels in the record ``units`` (cell by cell,
    in order), or None when the table is no record: a content cell no label
    governs, too few labels, or no tâches role."""
    role: str | None = None
    governed = False  # the cell before was a label alone: it governs this one
    labels, taches = 0, []
    for cell in _cells(units):
        if len(cell) == 1 and _label(ctx, cell[0].text, alone=True):
            role, governed, labels = _role(ctx, cell[0].text), True, labels + 1
            continue
        current = role
        if not governed and not _label(ctx, cell[0].text, alone=False):
            return None
        for unit in cell:
            if _label(ctx, unit.text, alone=False):
                current, labels = _role(ctx, unit.text), labels + 1
            elif current in _TACHES:
                taches.append(unit)
    return taches if labels >= _MIN_LABELS and taches else None


def _cells(units: list[Unit]) -> list[list[Unit]]:
    """The units grouped by the cell they were read from, in order."""
    cells: list[list[Unit]] = []
    for unit in units:
        if cells and cells[-1][0].cell == unit.cell:
            cells[-1].append(unit)
        else:
            cells.append([unit])
    return cells


def _label(ctx: Context, text: str, alone: bool) -> bool:
    """A label line: short, ending on a colon; a label alone in its cell may
    also be printed in capitals or be a column cue, and ends no sentence nor
    states its value after a colon ("Compétence : conduire une veille" is a
    labelled line of content)."""
    text = text.strip()
    if not text or len(text) > _LABEL_MAX or "\n" in text:
        return False
    if ends_lead_in(text):
        return True
    if not alone or ends_sentence(text) or ":" in text:
        return False
    return is_upper(text) or ctx.rules.first("column", text) is not None


def _role(ctx: Context, label: str) -> str | None:
    """The role a label names (its column rule's value), or None."""
    hit = ctx.rules.first("column", label.strip().rstrip(":").strip())
    return hit.rule.value if hit is not None else None


def _names_unit(unit: Unit) -> bool:
    """A line naming a unit: short, outside any table and list, no sentence."""
    text = unit.text.strip()
    return (
        unit.frame is None
        and unit.table is None
        and not unit.is_item
        and 0 < len(text) <= _TITLE_MAX
        and not ends_sentence(text)
    )
