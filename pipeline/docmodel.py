"""Intermediate document model shared by every input backend.

Backends (text, docx, pdf, ocr) turn a file into a :class:`Document`: an ordered
list of blocks — headings, paragraphs, list items and tables — each carrying the
page and line it came from, and for PDFs and scans the box it covers on its
page. Segmentation works on this model only and never looks at the input format.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

#: feature of a table cell's paragraph set in one of the document's heading sizes
HEADING_SIZE = "heading-size"


class Kind(StrEnum):
    """What a block is."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"


@dataclass(frozen=True)
class BBox:
    """A box on a page, in PDF points from the page's top-left corner (scans: pixels
    converted at the render resolution)."""

    x0: float
    top: float
    x1: float
    bottom: float

    def union(self, other: BBox) -> BBox:
        """The smallest box holding both."""
        return BBox(
            min(self.x0, other.x0),
            min(self.top, other.top),
            max(self.x1, other.x1),
            max(self.bottom, other.bottom),
        )


@dataclass
class Cell:
    """One table cell: its own blocks (paragraphs, list items, nested tables)."""

    blocks: list[Block] = field(default_factory=list)
    col_span: int = 1
    row_span: int = 1

    @property
    def text(self) -> str:
        """The cell's text, one line per block."""
        return "\n".join(b.text for b in self.blocks if b.kind is not Kind.TABLE)


@dataclass
class Row:
    """One table row. A cell merged over several rows is attached to every row it spans."""

    cells: list[Cell] = field(default_factory=list)
    header: bool = False


@dataclass
class Block:
    """A heading, paragraph, list item or table, with provenance.

    ``level`` is the heading level (1 = top) or the list nesting level (0 = top).
    ``label`` is the list label as printed or resolved ("1.", "a)", "•"), if any.
    ``bold`` is true when the whole text is set in bold (a heading hint).
    ``page`` is 1-based or None; ``line`` is 1-based (see the output contract).
    ``bbox`` is the box the block covers on ``page`` (PDF and scans; None otherwise).
    A table continued over several pages keeps the box of its first part.
    ``features`` are layout facts a reader noticed but did not act on:
    ``repeated`` (the same text stands at the same place on other pages, too
    few of them to be page furniture), ``counted`` (the label is the format's
    own list counter — an HTML ``<ol>``, Word's automatic numbering — not
    typed in the text) and ``continued`` (a table continued over
    pages, where a row at a page break may go on with the row before it but
    was left unjoined), ``sideways`` (a table cell's text set at a right angle,
    read in its own direction), ``heading-size`` (a table cell's paragraph set
    in one of the document's heading sizes: a designed page's text frame read as
    a cell, where no heading block is made).
    """

    kind: Kind
    text: str = ""
    page: int | None = None
    line: int | None = None
    level: int = 0
    label: str | None = None
    bold: bool = False
    style: str | None = None
    rows: list[Row] = field(default_factory=list)
    bbox: BBox | None = None
    features: set[str] = field(default_factory=set)

    @property
    def grid_width(self) -> int:
        """A table's number of grid columns: its widest row, spans counted (0 for
        a block without rows)."""
        return max((sum(max(1, c.col_span) for c in row.cells) for row in self.rows), default=0)

    def walk(self) -> Iterator[Block]:
        """This block, then every block nested in its table cells, in order."""
        yield self
        for row in self.rows:
            for cell in row.cells:
                for block in cell.blocks:
                    yield from block.walk()


@dataclass(frozen=True)
class Band:
    """A text of the page's running band — header, footer or side band — that
    repeats at the same place on most pages (readers drop it from the blocks as
    page furniture, or leave it where it stands when it sits inside a page
    frame), with the first page and box it was found at."""

    text: str
    page: int | None = None
    bbox: BBox | None = None


@dataclass
class Document:
    """A parsed input file. ``bands`` is the running band's text (see
    :class:`Band`), page numbers left out: metadata, not content."""

    filename: str
    format: str  # as reported in the output: pdf | docx | image | text | html
    sha256: str
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None
    ocr: bool = False
    warnings: list[tuple[str, str, int | None, int | None]] = field(default_factory=list)
    bands: list[Band] = field(default_factory=list)

    def walk(self) -> Iterator[Block]:
        """Every block in document order, table contents included."""
        for block in self.blocks:
            yield from block.walk()

    def warn(
        self, code: str, message: str, page: int | None = None, line: int | None = None
    ) -> None:
        """Record something the backend was unsure of (becomes an output warning)."""
        self.warnings.append((code, message, page, line))
