"""Stage ``links``: critères to the compétences they name, and what stays unsure.

A link cue ("En relation avec la compétence C1.2 & C1.3 :") names printed
codes; they are resolved to the compétences of the critère's bloc (then of
the whole document). A critère of a bloc with several compétences and no link
is reported (``UNLINKED_CRITERE``).
"""

from __future__ import annotations

from collections.abc import Callable

from rapidfuzz import fuzz

from .content import sub_number
from .draft import Context, DActivite, DBloc, DCompetence, DCritere, code_key, norm_text
from .state import LINK_RANGE

_SAME = 90  # an activité naming a bloc again: its libellé, up to small differences


def links(ctx: Context) -> None:
    """Resolve link codes; warn about critères left unlinked."""
    everywhere = list(dict.fromkeys(c.canonical() for b in ctx.draft.blocs for c in b.competences))
    for bloc in ctx.draft.blocs:
        for critere in bloc.criteres:
            _numbered(critere, bloc, everywhere)
            linked = [c.canonical() for c in critere.competences]
            for code in critere.link_codes:
                found = _resolve(code, bloc, everywhere)
                linked.extend(found)
                if not found:
                    ctx.warn(
                        "UNKNOWN_LINK",
                        f"critère {critere.libelle[:60]!r} names compétence {code}, not found",
                        critere.where.page,
                        critere.where.line,
                    )
            critere.competences = list(dict.fromkeys(linked))
            if not critere.competences and len(bloc.competences) > 1:
                ctx.warn(
                    "UNLINKED_CRITERE",
                    f"critère {critere.libelle[:60]!r} is not linked to a compétence "
                    f"of bloc {bloc.code or bloc.libelle[:40]!r}",
                    critere.where.page,
                    critere.where.line,
                )


def _numbered(critere: DCritere, bloc: DBloc, everywhere: list[DCompetence]) -> None:
    """A critère numbered under a compétence ("2.2.1" under "2.2") evaluates it,
    whatever row or cell it was read in: the numbering series is the evidence."""
    numbered = sub_number(critere.libelle)
    if numbered is None:
        return
    parent, text = numbered
    comp = _by_code(parent, bloc.competences) or _only(parent, everywhere, _digits)
    if comp is not None:
        critere.libelle, critere.competences, critere.link_codes = text, [comp], []


def _resolve(code: str, bloc: DBloc, everywhere: list[DCompetence]) -> list[DCompetence]:
    """The compétences a link code names; a range ("C15.1 à C15.5") names both
    ends and those between them."""
    if LINK_RANGE not in code:
        comp = _one(code, bloc, everywhere)
        return [comp] if comp is not None else []
    start, end = (_one(c, bloc, everywhere) for c in code.split(LINK_RANGE, 1))
    if start is None or end is None:
        return []
    first, last = everywhere.index(start), everywhere.index(end)
    return everywhere[first : last + 1]


def _one(code: str, bloc: DBloc, everywhere: list[DCompetence]) -> DCompetence | None:
    """The compétence a code names: printed so in the bloc, then in the
    document; else the only one whose code is the same up to punctuation
    ("C34" for "C.3.4", OCR having lost dots), or with the same number ("11.1"
    for "C.11.1", its letter lost); else by position in the bloc."""
    return (
        _by_code(code, bloc.competences)
        or _by_code(code, everywhere)
        or _only(code, everywhere, code_key)
        or _only(code, everywhere, _digits)
        or _by_position(code, bloc)
    )


def _only(
    code: str, competences: list[DCompetence], key: Callable[[str], str]
) -> DCompetence | None:
    """The one compétence whose printed code has the same ``key`` as ``code``."""
    wanted = key(code)
    found = [c for c in competences if wanted and any(key(p) == wanted for p, _ in c.codes)]
    return found[0].canonical() if len(found) == 1 else None


def _digits(code: str) -> str:
    """A code's digits only ("C.3.1" → "31")."""
    return "".join(c for c in code if c.isdigit())


def code_links(ctx: Context) -> None:
    """Stage ``code-links``: a correspondence table's links ("A1 | C1.1, C1.2")
    set ``competence.activites``. A code names the compétence printing it, or
    the only one whose printed code has the same number ("C1.1" for a heading
    "Compétence 1.1"); that short code is then noted as printed there too."""
    everywhere = [c for b in ctx.draft.blocs for c in b.competences if c.merged_into is None]
    for activite, code, source in ctx.draft.code_links:
        comp = _by_code(code, everywhere) or _only(code, everywhere, _number)
        if comp is None:
            message = f"activité {activite} names compétence {code}, not found"
            ctx.warn("UNKNOWN_LINK", message, None, None)
            continue
        if (code, source) not in comp.codes:
            comp.codes.append((code, source))
        if activite not in comp.activites:
            comp.activites.append(activite)


def _number(code: str) -> str:
    """The number of a code without its letters ("C1.1" → "1.1")."""
    return "".join(c for c in code if c.isdigit() or c == ".").strip(".")


def _by_position(code: str, bloc: DBloc) -> DCompetence | None:
    """A code "N.M" naming the M-th compétence of bloc N, when the bloc's
    compétences print no code of their own."""
    parts = _number(code).split(".")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        return None
    comps = [c.canonical() for c in bloc.competences]
    comps = list(dict.fromkeys(comps))
    if any(c.codes for c in comps) or not bloc.code:
        return None
    if _number(bloc.code).lstrip("0") != parts[0].lstrip("0"):
        return None
    index = int(parts[1]) - 1
    return comps[index] if 0 <= index < len(comps) else None


def _by_code(code: str, competences: list[DCompetence]) -> DCompetence | None:
    wanted = norm_text(code).replace(" ", "")
    for comp in competences:
        if any(norm_text(c).replace(" ", "") == wanted for c, _ in comp.codes):
            return comp.canonical()
    return None


def activity_types(ctx: Context) -> None:
    """Stage ``activity-types``: a titre professionnel's bloc is an activité type
    ("FICHE ACTIVITÉ TYPE N° 1", contract: families and levels); that activité
    type is the activité (code: its number) of the compétences of its fiche,
    professionnelles and transversales alike. Activités printed elsewhere are
    kept as they are, unless each of them names an activité type (a synoptic
    table naming them again): then they are those activités."""
    typed = _activity_type_blocs(ctx)
    printed = ctx.draft.activites
    named = {id(a): _named(a, [bloc for bloc, _ in typed]) for a in printed}
    if not typed or any(bloc is None for bloc in named.values()):
        return
    activites: list[DActivite] = []
    for bloc, number in typed:
        comps = list(dict.fromkeys(c.canonical() for c in bloc.competences))
        comps += [c for c in ctx.draft.transversales if c.fiche is bloc]
        activite = next((a for a in printed if named[id(a)] is bloc), None)
        if activite is None and comps and not any(c.activites for c in comps):
            activite = DActivite(number, bloc.libelle, bloc.where)
        if activite is None:
            continue
        activite.code = activite.code or number
        activites.append(activite)
        for comp in comps:
            if not comp.activites:
                comp.activites.append(activite.code)
    ctx.draft.activites = activites


def _activity_type_blocs(ctx: Context) -> list[tuple[DBloc, str]]:
    """The blocs whose printed code names an activité type, with its number."""
    found = []
    for bloc in ctx.draft.blocs:
        hit = ctx.rules.first("activite-type", " ".join((bloc.code or "").split()))
        number = hit.group("number") if hit is not None else None
        if number is not None:
            found.append((bloc, number.lstrip("0") or "0"))
    return found


def _named(activite: DActivite, blocs: list[DBloc]) -> DBloc | None:
    """The bloc whose libellé the activité's names again (the closest one, when
    two activités types differ by a word only)."""
    scored = [(fuzz.ratio(norm_text(activite.libelle), norm_text(b.libelle)), b) for b in blocs]
    best = max(scored, key=lambda pair: pair[0], default=None)
    return best[1] if best is not None and best[0] >= _SAME else None
