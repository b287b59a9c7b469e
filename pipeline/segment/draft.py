"""The segmenter's working state: units read from the document, and the draft
référentiel the stages fill in (normalised into the output models at the end)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TypeVar

from rapidfuzz import fuzz

from ..docmodel import HEADING_SIZE, BBox, Block, Cell, Document, Kind, Row
from ..hyphens import FRENCH, join_all, join_wrapped
from ..options import Options
from ..rules import Rule, RuleSet, default_rules
from ..textclean import clean, ends_lead_in, ends_sentence, fold, is_aside, is_upper, starts_lower


@dataclass(frozen=True)
class Where:
    """Provenance of a draft element: page, line, the rule or stage that made it, and
    the box of its block on the page (``unit.bbox``; when left out, the output finds
    the box of the block at this page and line)."""

    page: int | None
    line: int | None
    rule: str
    bbox: BBox | None = None


@dataclass(eq=False)
class TableView:
    """A table whose header cells were recognised: one role per column."""

    block: Block
    roles: list[str | None]
    body: list[Row]
    source: int
    criteres_headed: bool | None = None  # some critères cell puts a line over bullets
    #: check columns (:mod:`.checks`): column → (header text, its cell's span, its cell's id)
    names: dict[int, tuple[str, int, int]] = field(default_factory=dict)
    #: blocs and the check columns ticked on their rows (id of the bloc → both)
    ticked: dict[int, tuple[DBloc, set[int]]] = field(default_factory=dict)
    #: compétence cells listing several coded compétences (id of the cell → them),
    #: for the rows of the table the cell spans
    coded_lists: dict[int, list[DCompetence]] = field(default_factory=dict)
    #: the hierarchy was read from the layout (:mod:`.grouped`): a compétence
    #: cell of several whole sentences prints one objective per sentence
    statements: bool = False
    #: the heads are lead-ins each column's statements complete (:mod:`.ability_columns`):
    #: a statement opening in lower case starts a row of its own, it continues none
    completes_heads: bool = False
    #: compétence titles set side by side over the grid (:mod:`.sideheads`):
    #: column → the compétence titled over it
    heads: dict[int, DCompetence] = field(default_factory=dict)
    #: the bloc column is read from its bare numbers the compétences extend (:mod:`.parent_column`)
    parents: bool = False
    #: activité cells read as blocs, the code their compétences extend (:mod:`.nested_columns`)
    bloc_codes: dict[int, str] = field(default_factory=dict)
    #: a code left alone at the end of a compétence cell, its title in the next row's cell
    carried_code: str | None = None
    #: the lettered part over the coded rows (:mod:`.coded_parts`): letter, title, heading
    part: tuple[str, str, Unit] | None = None
    part_scored: bool = False  # the part's rows name scored aspects: its critères
    #: a header of graded levels over a blank label column: its cells' columns (:mod:`.graded`)
    graded: tuple[int, ...] = ()


@dataclass(eq=False)
class Unit:
    """One top-level block of the document (or of an unrecognised table), with clean text."""

    kind: Kind
    text: str
    page: int | None
    line: int | None
    label: str | None = None
    bold: bool = False
    level: int = 0
    table: TableView | None = None
    section: str | None = None
    starts_section: str | None = None
    block: Block | None = None
    bbox: BBox | None = None
    cell: int | None = None  # the layout-table cell it was read from (its id), if any
    frame: int | None = None  # the layout table it was read from (its block's id), if any
    #: the first cell of a layout table's row between rows of its own shape (the
    #: same columns filled): the table's list goes on after it, so a capitalised
    #: one is a group row of that list ("LIRE"), not the end of it
    between_rows: bool = False
    #: the label of a layout table's band: its first-column cell, set sideways
    #: over several rows (a spreadsheet's merged row label)
    band: bool = False
    #: the statement of a layout table's row whose other cells hold only marks or
    #: scores (an evaluation grid's row, its points beside it): what is judged
    scored: bool = False
    #: read from a layout table's first column beside the row's other cells: its label
    row_label: bool = False

    @classmethod
    def of(cls, block: Block) -> Unit:
        return cls(
            block.kind,
            clean(block.text),
            block.page,
            block.line,
            block.label,
            block.bold,
            block.level,
            block=block,
            bbox=block.bbox,
        )

    @property
    def where(self) -> tuple[int | None, int | None]:
        return self.page, self.line

    @property
    def is_item(self) -> bool:
        return self.kind is Kind.LIST_ITEM

    def same_list(self, other: Unit) -> bool:
        """Whether both are items of one list: same bullet, same level."""
        return (
            self.is_item
            and other.is_item
            and (self.label, self.level) == (other.label, other.level)
        )

    @property
    def is_lead_in(self) -> bool:
        """A line introducing what follows it: no list item, ending with a colon."""
        return not self.is_item and ends_lead_in(self.text)

    @property
    def heading_like(self) -> bool:
        """Printed as a heading: a heading block, bold, all capitals, or set in a
        heading size inside a table cell."""
        sized = self.block is not None and HEADING_SIZE in self.block.features
        return self.kind is Kind.HEADING or self.bold or sized or is_upper(self.text)


@dataclass(eq=False)
class DCompetence:
    """A compétence being built."""

    libelle: str
    where: Where
    codes: list[tuple[str, int]] = field(default_factory=list)  # (code as printed, source)
    connaissances: list[str] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)
    resultats: list[str] = field(default_factory=list)
    activites: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)  # the savoir-faire lines detailing it
    niveau: str | None = None  # B.U.T.: its level as printed, "Niveau 1 - <name>" (extra field)
    taxonomie: str | None = None  # the taxonomy level printed after it ("C3"), :mod:`.taxonomy`
    from_list: bool = False  # one item of a list of compétences (not a heading of its own)
    source: int | None = None  # the passage (list, section) that first stated it
    code: str | None = None  # chosen by the merge stage
    merged_into: DCompetence | None = None
    #: the bloc whose own fiche lists it (a compétence transversale named in an
    #: activité type's fiche, before the fiches of its compétences)
    fiche: DBloc | None = None
    #: the wordings the passages citing it print, and how often (a unit cited in every fiche)
    wordings: Counter[str] = field(default_factory=Counter)

    def canonical(self) -> DCompetence:
        node = self
        while node.merged_into is not None:
            node = node.merged_into
        return node


@dataclass(eq=False)
class DCritere:
    """A critère d'évaluation being built."""

    libelle: str
    where: Where
    competences: list[DCompetence] = field(default_factory=list)
    link_codes: list[str] = field(default_factory=list)
    indicateurs: list[str] = field(default_factory=list)


@dataclass(eq=False)
class DBloc:
    """One occurrence of a bloc (merged with its repetitions by the merge stage)."""

    code: str | None
    libelle: str
    where: Where
    connaissances: list[str] = field(default_factory=list)
    #: the conditions stated for the bloc as a whole: each of its compétences' own
    conditions: list[str] = field(default_factory=list)
    competences: list[DCompetence] = field(default_factory=list)
    modalites: list[str] = field(default_factory=list)
    modalites_details: list[str] = field(default_factory=list)
    criteres: list[DCritere] = field(default_factory=list)
    heading_level: int | None = None  # level of its HEADING block, if it was one
    qualifier: str | None = None  # a parenthesis printed after its code: "(transversal)"
    modalite_open: bool = False  # the last modality may continue (list after a lead-in)
    twin: DBloc | None = None  # a unit its heading names with it (:mod:`.joint`): same modalités
    situations: list[str] = field(default_factory=list)  # B.U.T. situations professionnelles
    niveaux: list[tuple[str, str]] = field(default_factory=list)  # B.U.T.: (label, name)


@dataclass(eq=False)
class DActivite:
    """An activity of the référentiel d'activités."""

    code: str | None
    libelle: str
    where: Where
    taches: list[str] = field(default_factory=list)


@dataclass
class Draft:
    """Everything found so far."""

    type: str | None = None
    intitule: str | None = None
    code_rncp: str | None = None
    description: str | None = None
    activites: list[DActivite] = field(default_factory=list)
    blocs: list[DBloc] = field(default_factory=list)
    transversales: list[DCompetence] = field(default_factory=list)
    code_links: list[tuple[str, str, int]] = field(
        default_factory=list
    )  # (activité, compétence, source)
    #: a modality and the compétences a table says it evaluates (:mod:`.modalites`)
    modalite_links: list[tuple[str, list[str]]] = field(default_factory=list)
    #: a section defining the épreuves of the whole certification, read before any bloc
    whole_modalites: list[Unit] = field(default_factory=list)
    warnings: list[tuple[str, str, int | None, int | None]] = field(default_factory=list)


@dataclass(frozen=True)
class Record:
    """A layout table read as the record of one unit (stage ``record-tables``,
    :mod:`.records`): the line naming the unit, the table's units, its tâches."""

    title: Unit
    units: list[Unit]
    taches: list[Unit]


@dataclass(frozen=True)
class Outline:
    """The document's own numbered levels, as rules of this document (stage ``outline``)."""

    bloc: Rule | None = None
    competence: Rule | None = None
    #: ids of the units that only refer to units of these levels (a summary
    #: list, a table of contents, a synthesis table naming them again)
    references: frozenset[int] = frozenset()
    #: ids of the list items numbered by a numbering that restarts under each
    #: unit (:mod:`.restarts`): the units' heads (and a summary naming them),
    #: and the items numbered from 1 under each head, the number their code
    heads: frozenset[int] = frozenset()
    items: frozenset[int] = frozenset()
    #: ids of the lines of a bare bloc numbering that restarts ("1." again): not
    #: the blocs, another list — the blocs end there
    restarted: frozenset[int] = frozenset()
    #: the bloc level's units list tâches ("il agit …"): they are activités,
    #: read by the activités stage, not blocs
    activites: bool = False
    #: ids of the deepest headings of a tree of unnumbered headings (:mod:`.headingtree`):
    #: each states a compétence of the unit the top heading above it opened
    headed: frozenset[int] = frozenset()
    #: the compétence numbering restarts under each bloc (:mod:`.outline_parts`): its
    #: code is the word and number as printed ("SEQUENCE 2"), not the number alone
    worded: bool = False


_Made = TypeVar("_Made")  # the kind of element a cell made

#: a header row's shape — the table's width and its filled cells by column, text
#: folded — and the column roles it names
Headers = dict[tuple[int, frozenset[tuple[int, str]]], dict[int, str]]


@dataclass
class Context:
    """What every stage reads and writes."""

    document: Document
    options: Options
    rules: RuleSet
    units: list[Unit] = field(default_factory=list)
    draft: Draft = field(default_factory=Draft)
    cells: dict[int, object] = field(default_factory=dict)  # id(cell) → what it made
    cell_blocs: set[int] = field(default_factory=set)  # id(bloc) of the blocs a cell made
    #: id(table block) → the compétences its rows named, in order
    row_competences: dict[int, list[DCompetence]] = field(default_factory=dict)
    sources: int = 0
    streamed: bool = False  # ``streams`` or ``named-units`` built the blocs: no walk
    outline: Outline = field(default_factory=Outline)
    #: the layout tables read as records of units (stage ``record-tables``)
    records: list[Record] = field(default_factory=list)
    #: the header rows recognised so far, by their shape (see :data:`Headers`)
    headers: Headers = field(default_factory=dict)
    #: ids of the coded lines naming units of another part (:mod:`.crossrefs`)
    crossrefs: set[int] = field(default_factory=set)
    #: the units set aside as no content of this référentiel (:mod:`.before_title`):
    #: they make no element, the ``unplaced`` stage still reads them
    aside: list[Unit] = field(default_factory=list)

    def new_source(self) -> int:
        """A fresh id for a place compétence codes are read from (a table, a bloc)."""
        self.sources += 1
        return self.sources

    def made(self, cell: object, element: object) -> None:
        """Record what a table cell made (read once, found again by identity)."""
        self.cells[id(cell)] = element
        if isinstance(element, DBloc):
            self.cell_blocs.add(id(element))

    def known(self, cell: object, kind: type[_Made]) -> _Made | None:
        """What an earlier row made of a merged cell, when it is a ``kind``."""
        element = self.cells.get(id(cell))
        return element if isinstance(element, kind) else None

    def warn(self, code: str, message: str, page: int | None, line: int | None) -> None:
        self.draft.warnings.append((code, message, page, line))


def similar(a: str, b: str, threshold: float = 0.9) -> bool:
    """Whether two libellés are the same text up to small differences."""
    left, right = norm_text(a), norm_text(b)
    if not left or not right:
        return False
    return left == right or fuzz.ratio(left, right) >= threshold * 100


@lru_cache(maxsize=16384)
def norm_text(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split()).rstrip(" .;:,")


_CODE_NOISE = re.compile(r"\bn\s*[°º]|[^\w]+")
_FICHE = re.compile(r"^fiches?\s+")


def code_key(code: str) -> str:
    """A printed code as every mention of it agrees: case, accents, "FICHE",
    "N°", punctuation and the unit word's spelling folded ("COMPETENCE 1" =
    "Compétence 1", "Domaine de compétences 2" = "DC 2")."""
    unit = _FICHE.sub("", fold(code))
    return _CODE_NOISE.sub("", abbreviated(default_rules(), unit))


def abbreviated(rules: RuleSet, folded: str) -> str:
    """Folded text with the unit word it starts with in its abbreviated form
    (``unit-abbreviation`` rules: "domaine de competences 2" → "dc 2")."""
    hit = rules.first("unit-abbreviation", folded)
    if hit is None or not hit.rule.value:
        return folded
    return hit.rule.value + folded[hit.match.end() :]


def cell_units(cell: Cell) -> list[Unit]:
    """The units of a table cell (nested tables flattened), empty ones dropped;
    a paragraph that continues the previous paragraph or list item (a wrapped
    line: lower-case start after an unfinished sentence) is joined to it, and so
    is a line between two items of one list that goes on with the first (an
    item's second line that lost its bullet, "• Description …" / "Identification
    …" / "• Adaptation …"); a line ending on a hyphen ("sous-") goes on with no space
    unless it only cut a word the lexicon knows (:func:`~referentiel.hyphens.join_wrapped`)."""
    raw = [
        unit
        for block in cell.blocks
        for inner in block.walk()
        if inner.kind is not Kind.TABLE and (unit := Unit.of(inner)).text
    ]
    units: list[Unit] = []
    for index, unit in enumerate(raw):
        if units and (wraps_on(units[-1], unit) or _within_item(units[-1], unit, raw[index + 1 :])):
            units[-1] = joined(units[-1], unit)
            continue
        units.append(unit)
    return units


def joined(last: Unit, unit: Unit) -> Unit:
    """``last`` going on with ``unit``: one text (a hyphen kept or dropped by
    :func:`~referentiel.hyphens.join_wrapped`), the box of all its lines on one page."""
    box = last.bbox
    if box is not None and unit.bbox is not None and last.page == unit.page:
        box = box.union(unit.bbox)
    return replace(last, text=join_wrapped(last.text, unit.text, FRENCH), bbox=box)


def units_text(units: Iterable[Unit]) -> str:
    """Units read one after the other as one text, a word a line-end hyphen cut
    whole again (:func:`~referentiel.hyphens.join_all`, the lexicon's words known)."""
    return join_all((u.text for u in units), FRENCH)


def cell_text(cell: Cell) -> str:
    """A table cell's text: its units (:func:`cell_units`) as one text."""
    return units_text(cell_units(cell))


def _within_item(last: Unit, unit: Unit, following: list[Unit]) -> bool:
    """Whether paragraph ``unit`` stands between top-level list item ``last``,
    unfinished, and the next item of the same list (same bullet, same level),
    lines it wrapped onto aside: the item's own line, its bullet lost (items
    nested under plain lines make those lines their heads, not their parts)."""
    if unit.kind is not Kind.PARAGRAPH or last.kind is not Kind.LIST_ITEM or last.level:
        return False
    if ends_sentence(last.text) or ends_lead_in(unit.text) or _sibling_code(last.text, unit.text):
        return False
    below = next(
        (u for u in following if not (u.kind is Kind.PARAGRAPH and starts_lower(u.text))), None
    )
    return below is not None and below.same_list(last) and not is_aside(unit.text)


#: a code opening a line: capitals, then numbers joined by dots or dashes ("A5.2", "C 12")
_OPENING_CODE = re.compile(r"^(?P<letters>[A-ZÀ-Ý]{1,4})\s?(?P<number>\d+(?:[.-]\d+)*)(?=[\s:]|$)")


def _sibling_code(last: str, text: str) -> bool:
    """Whether ``text`` opens on a code of the same form as the one ``last``
    opens on (same letters, as many numbers: "A5.2" after "A5.1"): the next
    unit of its series, printed without the bullet, not a line of the item."""
    here, there = _OPENING_CODE.match(last.lstrip()), _OPENING_CODE.match(text.lstrip())
    if here is None or there is None or here.group("letters") != there.group("letters"):
        return False
    return len(re.split(r"[.-]", here.group("number"))) == len(
        re.split(r"[.-]", there.group("number"))
    )


def wraps_on(last: Unit, unit: Unit) -> bool:
    """Whether paragraph ``unit`` goes on with ``last``: a line its cell wrapped
    (lower-case start after an unfinished sentence), never an aside in
    parentheses."""
    return (
        unit.kind is Kind.PARAGRAPH
        and last.kind in (Kind.PARAGRAPH, Kind.LIST_ITEM)
        and starts_lower(unit.text)
        and not ends_sentence(last.text)
        and not is_aside(unit.text)
    )


def runs_on(title: str, unit: Unit) -> bool:
    """Whether a heading's ``title`` goes on in the next ``unit``: a paragraph
    starting in lower case under a title that ends no sentence (a title
    wrapped over two paragraphs: "OI 21 EC de gérer les ressources humaines" /
    "d'une organisation du secteur")."""
    return (
        unit.kind is Kind.PARAGRAPH
        and unit.table is None
        and starts_lower(unit.text)
        and not ends_sentence(title)
        and not is_aside(unit.text)
    )


def positions(row: Row) -> list[tuple[int, Cell]]:
    """Each cell of a row with the column it starts at."""
    column = 0
    placed = []
    for cell in row.cells:
        placed.append((column, cell))
        column += max(1, cell.col_span)
    return placed


def role_cells(view: TableView, row: Row, role: str) -> list[Cell]:
    """The cells of ``row`` that start in a column of ``view`` holding ``role``."""
    return [
        cell
        for column, cell in positions(row)
        if column < len(view.roles) and view.roles[column] == role
    ]


GROUP_ROW = "table.group-row"  # the rule of a bloc a table's row over its compétences opened
JUDGED_ROW = "table.judged-row"  # a compétence a grid's title row over its critères opened


def coded_title(row: Row, rules: RuleSet) -> tuple[str, Cell] | None:
    """A row holding a code alone in its first cell and a title in one cell across
    the rest of the table ("T1.1 | Analyser les cahiers des charges …", a table's
    title row): the code and the title cell; None for any other row."""
    filled = [(column, cell) for column, cell in positions(row) if cell.blocks]
    if len(filled) != 2 or len(row.cells) != 2 or filled[0][0] != 0:
        return None
    (_, first), (_, title) = filled
    code = " ".join(first.text.split())
    if first.col_span > 1 or title.col_span < 2 or rules.first("code-only", code) is None:
        return None
    return code.rstrip(".):"), title


def flat_units(ctx: Context, whole_cells: bool) -> list[Unit]:
    """The stream's units (those set aside first) with the cells of its role
    tables opened, each cell once: all its units, or only the first (a cell's
    heading) when not ``whole_cells``."""
    out: list[Unit] = []
    for unit in [*ctx.aside, *ctx.units]:
        if unit.table is None:
            out.append(unit)
            continue
        seen: set[int] = set()
        for row in unit.table.block.rows:
            for cell in row.cells:
                if id(cell) not in seen:
                    seen.add(id(cell))
                    units = cell_units(cell)
                    out.extend(units if whole_cells else units[:1])
    return out


OBJECT_ROW = "table.object-row"  # a savoir-faire a row over the objects it is practised on opened
