"""Critères judging a whole bloc: a critères cell beside every compétence its
table printed for the bloc.

A grid links each critère to the compétence of its row (:mod:`.table_lists`).
A critères cell drawn beside every row of its bloc's table (merged over them,
or the table's only row, whose compétence cell lists them all: "A3 C1" … "A3
C5" beside one "Professionnalisme avéré" cell) judges the bloc as a whole, no
one compétence: its critères are linked to none, not to the first row's. A
cell beside some of the rows only keeps its row's link, and so does a cell
beside a row naming its compétences in a list (its critères linked by their
own numbers, "1.1.1" under "1.1").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .draft import DBloc, DCompetence, DCritere
from .table_rows import Row


@dataclass(eq=False)
class _Span:
    """What the rows beside one critères cell made in its bloc."""

    bloc: DBloc
    competences: list[DCompetence] = field(default_factory=list)
    criteres: list[DCritere] = field(default_factory=list)


@dataclass
class WholeCriteres:
    """The critères cells of one table, followed row by row (:meth:`row`),
    unlinked at the end when one covers its bloc (:meth:`close`)."""

    spans: dict[int, _Span] = field(default_factory=dict)
    bloc: DBloc | None = None
    opened: int = 0  # the blocs of the draft before the row
    competences: int = 0  # the bloc's compétences before the row
    criteres: int = 0  # the bloc's critères before the row

    def start(self, bloc: DBloc | None, blocs: list[DBloc]) -> None:
        """Note what the bloc holds before a row is read, and how many blocs
        the draft holds."""
        self.bloc, self.opened = bloc, len(blocs)
        self.competences = len(bloc.competences) if bloc is not None else 0
        self.criteres = len(bloc.criteres) if bloc is not None else 0

    def row(self, bloc: DBloc | None, blocs: list[DBloc], row: Row) -> None:
        """Give each critères cell of the row what the row made in the bloc."""
        cells = row.cells.get("criteres", [])
        if bloc is None:
            return
        known = bloc is not self.bloc and all(bloc is not b for b in blocs[self.opened :])
        if known or row.listed or row.linked:
            for cell, _ in cells:  # a bloc read before, or a row naming its compétences
                self.spans.pop(id(cell), None)  # (its critères linked by their numbers)
            return
        if bloc is not self.bloc:
            self.competences = self.criteres = 0  # the row opened it: all it holds
        for cell, fresh in cells:
            span = self.spans.get(id(cell))
            if fresh:
                span = self.spans[id(cell)] = _Span(bloc, criteres=bloc.criteres[self.criteres :])
            if span is not None and span.bloc is bloc:
                span.competences.extend(bloc.competences[self.competences :])

    def close(self) -> None:
        """Unlink the critères of each cell covering every compétence of its
        bloc, when they are several."""
        for span in self.spans.values():
            covered = {id(c) for c in span.competences}
            every = {id(c) for c in span.bloc.competences}
            if len(every) > 1 and covered == every:
                for critere in span.criteres:
                    critere.competences = []
