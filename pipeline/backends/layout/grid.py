"""A cell of a table grid, as both page readers find them (ruled or aligned tables)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

W = TypeVar("W")  # the reader's word type


@dataclass
class GridCell(Generic[W]):
    """One (possibly merged) cell: the grid rows and columns it covers, its box, its words.

    ``bbox`` (x0, top, x1, bottom) is in the reader's units: points for PDFs,
    pixels for scans (converted to points when blocks are made).
    """

    row: int
    col: int
    row_span: int
    col_span: int
    bbox: tuple[float, float, float, float]
    words: list[W] = field(default_factory=list)
