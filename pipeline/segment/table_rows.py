"""The rows of a role table: what each holds by role, and how a row relates to
the one above it (the rest of it split by a page break, the next item of its
list of abilities)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..docmodel import Cell
from ..textclean import ends_lead_in, starts_lower
from .activities import code_hit
from .competence_cells import codes_only
from .content import competence_code
from .draft import Context, DActivite, DBloc, DCompetence, DCritere, Unit, cell_units
from .state import is_bloc_heading

_LABELLED = re.compile(r"^[^:]{1,40}\s:\s+\S")  # "Contrôle continu : évaluation …"
_LEAD_IN = re.compile(r"\b(?:[àa]|de|d['’])\s*:\s*$", re.IGNORECASE)  # "… capacité du candidat à :"


@dataclass
class Row:
    """What one row holds, by role: (cell, read for the first time)."""

    cells: dict[str, list[tuple[Cell, bool]]] = field(default_factory=dict)
    role: str = ""
    activite: DActivite | None = None
    competence: DCompetence | None = None
    critere: DCritere | None = None
    code: str | None = None
    linked: list[DCompetence] = field(default_factory=list)  # a cell of codes only
    listed: list[DCompetence] = field(default_factory=list)  # one cell's list of compétences
    #: the compétence a row across the table heads (outline level, "C11 : …"):
    #: the uncoded abilities of the rows below detail it
    headed: DCompetence | None = None
    prefix: dict[str, str] = field(default_factory=dict)  # role → a code printed in its own cell
    columns: dict[int, int] = field(default_factory=dict)  # id(cell) → the column it starts at
    #: savoir-faire printed beside the savoirs of the compétence the row heads: its
    #: connaissances after them
    savoir_faire: list[str] = field(default_factory=list)
    #: the blocs one bloc cell opened (its own outline, :mod:`.outline_cells`)
    blocs: list[DBloc] = field(default_factory=list)


def _key_units(row: Row) -> list[Unit]:
    """The first units of the row's fresh activité / compétence cells."""
    found = []
    for role in ("activite", "competence"):
        for cell, fresh in row.cells.get(role, []):
            units = cell_units(cell)
            if fresh and units:
                found.append(units[0])
    return found


def continues(ctx: Context, row: Row, previous: Row) -> bool:
    """A row that is the rest of the previous one, split by a page break: its
    activité / compétence text continues a sentence, or carries no code where
    the previous row's did. A row naming a bloc (its level's numbering: "O9 -
    Gérer …" after "O7", "O8") or a group of activités ("Domaine d'activités
    2 :") opens that unit: it continues nothing."""
    keys = _key_units(row)
    if not keys or any(fresh and cell_units(cell) for cell, fresh in row.cells.get("bloc", [])):
        return False  # a row naming its bloc in the bloc column opens that unit
    if starts_lower(keys[0].text):
        lettered = _next_letter(ctx, keys[0].text, previous)
        return not (keys[0].is_item and _list_goes_on(previous)) and not lettered
    # compared role by role: an uncoded compétence under a coded activité is
    # no continuation when the compétences above were not coded either
    roles = {
        role
        for role in ("activite", "competence")
        if any(fresh and cell_units(cell) for cell, fresh in row.cells.get(role, []))
    }
    coded_before = (
        "activite" in roles and previous.activite is not None and previous.activite.code
    ) or ("competence" in roles and previous.competence is not None and previous.competence.codes)
    coded_now = any(code_hit(ctx, u.text) or competence_code(ctx, u.text) for u in keys)
    coded_now = coded_now or bool(row.prefix or row.code)
    coded_now = coded_now or any(is_bloc_heading(ctx, u.text) for u in keys)
    coded_now = coded_now or any(ctx.rules.first("activity-group", u.text) for u in keys)
    coded_now = coded_now or any(codes_only(ctx, u.text) for u in keys)
    coded_now = coded_now or _code_above_title(ctx, row)
    coded_now = coded_now or _code_left_above(ctx, previous)
    coded_now = coded_now or any(  # a number in the code column
        fresh and any(ctx.rules.first("code-only", u.text) for u in cell_units(cell))
        for cell, fresh in row.cells.get("code", [])
    )
    return bool(coded_before) and not coded_now


def _code_above_title(ctx: Context, row: Row) -> bool:
    """A fresh activité / compétence cell printing its code alone on the line
    above its title ("2" / "Participer aux …", a rowspan cell of a summary
    table): the row opens a coded unit (the title is read joined to the code,
    :func:`.table_codes.titled_units`)."""
    for role in ("activite", "competence"):
        for cell, fresh in row.cells.get(role, []):
            units = cell_units(cell)
            if fresh and len(units) > 1 and ctx.rules.first("code-only", units[0].text):
                return True
    return False


def _code_left_above(ctx: Context, previous: Row) -> bool:
    """The previous row's compétence cell ends on a code alone, under its
    statements: the code of the title this row opens on (a converter cut the
    row between them, :func:`.table_competences.read_competence`)."""
    for cell, _ in previous.cells.get("competence", []):
        units = cell_units(cell)
        if len(units) > 1 and ctx.rules.first("code-only", units[-1].text.strip()):
            return True
    return False


def _list_goes_on(previous: Row) -> bool:
    """The previous row's compétence cell is a list of abilities (only items, or
    a lead-in ``… à :`` awaiting them): an item in the next row is the list's
    next ability, not the end of a sentence."""
    for cell, _ in previous.cells.get("competence", []):
        units = cell_units(cell)
        if units and (all(u.is_item for u in units) or _LEAD_IN.search(units[-1].text)):
            return True
    return False


def listed(ctx: Context, units: list[Unit]) -> list[Unit]:
    """A cell whose lead-in ends on the preposition an infinitive follows
    (``Vérifier la capacité du candidat à :``, ``être capable de :``) states its
    compétences in the items; the uncoded lead-ins and the labelled remarks
    beside them (``Contrôle continu : …``) are none. A lead-in alone, its items
    in the rows below, is no compétence. A statement ending ``:`` over its
    details (``Déposer le composant : - étayer, …``) stays one compétence."""
    others = [u for u in units if not u.is_item]
    if not others or any(competence_code(ctx, u.text) is not None for u in units):
        return units
    if not any(_LEAD_IN.search(u.text) for u in others):
        return units
    if not all(ends_lead_in(u.text) or _LABELLED.match(u.text) for u in others):
        return units
    return [u for u in units if u.is_item]


def _next_letter(ctx: Context, text: str, previous: Row) -> bool:
    """A row opening on the next letter of the lettered parts the compétence
    above printed ("b - la REALISATION" under a row holding "a - La MISE AU
    POINT"): a part of its own, no continuation of the row above."""
    hit = ctx.rules.first("lettered-part", text)
    competence = previous.competence
    if hit is None or competence is None:
        return False
    letter = (hit.group("letter") or "").lower()
    if not "b" <= letter <= "z":
        return False
    before = chr(ord(letter) - 1)
    return any(
        (found := ctx.rules.first("lettered-part", part)) is not None
        and (found.group("letter") or "").lower() == before
        for part in _parts(competence.libelle)
    )


def _parts(text: str) -> list[str]:
    """``text`` cut before every single letter followed by a dash: its lettered parts."""
    return [text[m.start() :] for m in re.finditer(r"(?<!\S)[a-z]\s[-–]\s", text)]
