"""Stage ``code-series``: the units a list of coded statements announces.

A programme may list its units before their fiches, one line each: a code
then the unit's statement (the list of énoncés of a Québec programme d'études,
``0229 Analyser la fonction de travail.``; rules labelled ``code-objective``).
Such a run of lines is a summary: it refers to the blocs, it opens none. When
an entry names a bloc of the body (the same statement), the run is the bloc
level: the blocs it names take the entry's code (a fiche may print none, or
its code field may be read over the next fiche), and an
entry the body never details (its fiche left out of the document) is kept as
a bloc from the list, with a ``SOMMAIRE_ONLY`` warning, rather than lost.
A list may be cut by prose (the compulsory units, a paragraph, then the
optional ones): a later run of codes of the same form, still printed before
the body's first bloc, continues the list even when it names no bloc itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from .draft import Context, DBloc, Unit, Where, similar

_MIN_RUN = 3  # consecutive coded lines that make a list


@dataclass(frozen=True)
class _Entry:
    code: str
    libelle: str
    unit: Unit


def code_series(ctx: Context) -> None:
    """Give the listed codes to the blocs they name; keep the listed-only ones."""
    if not ctx.draft.blocs:
        return
    listed: list[DBloc] = []  # blocs a list coded, in list order
    body = min(_pos(b.where.page, b.where.line) for b in ctx.draft.blocs)
    shape: set[int] = set()  # code lengths of the lists placed so far
    for run in _runs(ctx):
        last = run[-1].unit
        goes_on = bool(shape) and _pos(last.page, last.line) < body
        if goes_on and {len(e.code) for e in run} <= shape:
            _place(ctx, run, listed, continued=True)
        elif _place(ctx, run, listed):
            shape |= {len(e.code) for e in run}


def _pos(page: int | None, line: int | None) -> tuple[int, int]:
    return (page or 0, line or 0)


def _runs(ctx: Context) -> list[list[_Entry]]:
    """Runs of consecutive stream units each led by an objective code."""
    runs: list[list[_Entry]] = [[]]
    for unit in ctx.units:
        hit = None if unit.table is not None else ctx.rules.first("code-objective", unit.text)
        if hit is None:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(_Entry(hit.group("code") or "", (hit.group("libelle") or "").strip(), unit))
    return [run for run in runs if len(run) >= _MIN_RUN]


def _place(ctx: Context, run: list[_Entry], listed: list[DBloc], continued: bool = False) -> bool:
    """Place a run's entries as blocs; False when it names none (another list)."""
    blocs = ctx.draft.blocs
    named = [_named(blocs, entry, listed) for entry in run]
    if not any(named) and not continued:
        return False  # names no bloc of the body: another list
    ordered: list[DBloc] = []
    for entry, bloc in zip(run, named, strict=True):
        if bloc is None:
            unit = entry.unit
            bloc = DBloc(entry.code, entry.libelle, Where(unit.page, unit.line, "code-series"))
            ctx.warn(
                "SOMMAIRE_ONLY",
                f"unit listed by the summary only, its body not printed: {entry.libelle[:80]!r}",
                unit.page,
                unit.line,
            )
        else:
            bloc.code = entry.code  # the list's: a code field may stand over another fiche
        ordered.append(bloc)
    taken = {id(b) for b in listed}
    # a list printed again (per path) adds its new units after the first list's
    listed.extend(b for b in ordered if id(b) not in taken)
    taken = {id(b) for b in listed}
    ctx.draft.blocs = listed + [b for b in blocs if id(b) not in taken]
    return True


def _named(blocs: list[DBloc], entry: _Entry, listed: list[DBloc]) -> DBloc | None:
    """The bloc an entry names: its statement, and not a unit an earlier list
    gave another code (two paths' lists name units that differ by one word:
    'danse classique' / 'danse contemporaine')."""
    found = [b for b in blocs if similar(entry.libelle, b.libelle)]
    same = [b for b in found if b.code == entry.code]
    if same:
        return same[0]
    others = {id(b) for b in listed}
    return next((b for b in found if id(b) not in others), None)
