"""Stages ``merge`` and ``codes``: each bloc, compétence and activité once.

Référentiels often list a bloc's compétences in the référentiel de compétences
and again in the référentiel d'évaluation / de certification. Occurrences of
the same bloc (same code, or same libellé) are merged in document order: the
compétences by libellé, every list (connaissances, modalités, critères)
extended with what is new.

Blocs the ``named-units`` stage opened are told apart there: the same code
with another title is an option's own unit (:mod:`.named_units`).

An activité named again (the activités table, then a synthesis table) is one
activité: same code, similar libellé; the first mention keeps its tâches.

A compétence may be numbered differently in two places (per bloc in one
table, through the whole document in another): the printed code kept is the
one from a place where every code is unique.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from ..textclean import ends_sentence, fold, spelled
from .codespacing import dotted_like_siblings, spaced_like_siblings
from .content import is_implicit
from .draft import Context, DActivite, DBloc, DCompetence, code_key, norm_text, similar
from .gluedtitle import glued_statement, name_and_statement
from .named_units import RULE as NAMED_RULE
from .state import outline_hit


def merge(ctx: Context) -> None:
    """Merge repeated blocs and their compétences, and repeated activités."""
    ctx.draft.activites = _merged_activites(ctx.draft.activites)
    ctx.draft.transversales = _merged_competences(ctx.draft.transversales)
    merged: list[DBloc] = []
    glued = False  # a summary glued a unit's name and statement (:mod:`.gluedtitle`)
    twice: set[int] = set()
    for bloc in ctx.draft.blocs:
        target = next((b for b in merged if _same_bloc(b, bloc)), None)
        if target is None:
            merged.append(bloc)
            continue
        glued = glued_statement(target.libelle, bloc.libelle) or glued
        twice.add(id(target))
        _merge_bloc(target, bloc)
    if glued:
        _name_summary_only([b for b in merged if id(b) not in twice])
    named = sum(len(b.competences) for b in merged if not is_implicit(b))
    ctx.draft.blocs = [
        b
        for b in merged
        if (b.libelle or b.competences or b.criteres)
        and not _synthesis_rest(b, named)
        and not _names_diploma(ctx, b)
    ]
    for bloc in ctx.draft.blocs:
        _drop_lead(bloc)
        _drop_qualifier(bloc)
    _restore_accents(ctx)


def _names_diploma(ctx: Context, bloc: DBloc) -> bool:
    """A bloc without code, compétence or critère whose title names the
    certification itself (a table's band "BTS « <intitulé> » option A" over the
    option's blocs): a heading of the table, no unit."""
    intitule = ctx.draft.intitule
    if bloc.code or bloc.competences or bloc.criteres or not intitule or len(intitule) < 12:
        return False
    return fold(intitule) in fold(bloc.libelle)


def _restore_accents(ctx: Context) -> None:
    """A bloc titled in capitals often lost its accents (``C4 REALISER``); a
    summary or a heading naming it in small letters (``C4. Réaliser``,
    ``Capacité C1 : réaliser``) prints the same title with them: that spelling
    is kept, as a code's in small letters is ("Module 1" for "MODULE 1")."""
    titles: dict[str, str] = {}
    spellings: dict[str, str] = {}
    for unit in ctx.units:
        if unit.table is not None:
            continue
        hit = outline_hit(ctx.outline.bloc, unit.text)
        code, title = (hit.group("code"), hit.group("libelle")) if hit else (None, None)
        if code and not code.isupper():
            spellings.setdefault(code_key(code), code)
        if code and title and not title.isupper():
            titles.setdefault(code_key(code), title.strip(" .:;-–"))
    for bloc in ctx.draft.blocs:
        spelt = spellings.get(code_key(bloc.code)) if bloc.code else None
        if bloc.code and bloc.code.isupper() and spelt and fold(spelt) == fold(bloc.code):
            bloc.code = spelt  # "MODULE 1" a schedule prints "Module 1"
        title = titles.get(code_key(bloc.code)) if bloc.code else None
        if title and bloc.libelle.isupper() and fold(title) == fold(bloc.libelle):
            bloc.libelle = title


def _drop_qualifier(bloc: DBloc) -> None:
    """A mention that printed the unit's qualifier after its code ("Domaine 5
    (transversal)") tells that the same parenthesis ending another mention's
    title qualifies the unit: it is no part of the libellé."""
    if not bloc.qualifier:
        return
    title = bloc.libelle.rstrip(" .")
    if norm_text(title).endswith(norm_text(bloc.qualifier)):
        bloc.libelle = title[: len(title) - len(bloc.qualifier)].rstrip(" .,;:-–")


def _drop_lead(bloc: DBloc) -> None:
    """A bloc whose compétences are coded (two or more): an uncoded sentence
    read before the first coded one is the bloc's lead paragraph (what the
    unit is about), not a compétence; it is left to the unplaced warnings."""
    coded = [i for i, comp in enumerate(bloc.competences) if comp.codes]
    if len(coded) < 2:
        return
    bloc.competences = [
        comp
        for i, comp in enumerate(bloc.competences)
        if i >= coded[0] or not ends_sentence(comp.libelle)
    ]


def _synthesis_rest(bloc: DBloc, named: int) -> bool:
    """What a synthesis table read before the body leaves in its implicit bloc
    once the body's blocs took the compétences they name again: cells naming
    no unit of the body (a wrapped title's second line), when the named blocs
    hold more compétences than it — a summary creates no element of its own."""
    return (
        is_implicit(bloc)
        and not bloc.libelle
        and named > len(bloc.competences)
        and not (bloc.criteres or bloc.modalites or bloc.connaissances)
    )


def _merged_competences(competences: list[DCompetence]) -> list[DCompetence]:
    """Each compétence once: a list names it, then its fiche (the same words)."""
    kept: list[DCompetence] = []
    _add_competences(kept, competences, lambda a, b: norm_text(a.libelle) == norm_text(b.libelle))
    return kept


def _add_competences(
    kept: list[DCompetence],
    extra: list[DCompetence],
    same: Callable[[DCompetence, DCompetence], bool],
) -> None:
    """Add ``extra`` to ``kept``, each merged into the one it is the ``same`` as."""
    for comp in extra:
        known = next((c for c in kept if same(c, comp)), None)
        if known is None:
            kept.append(comp)
        else:
            _merge_competence(known, comp)


def _merged_activites(activites: list[DActivite]) -> list[DActivite]:
    kept: list[DActivite] = []
    for activite in activites:
        same = next((a for a in kept if _same_activite(a, activite)), None)
        if same is None:
            kept.append(activite)
        elif not same.taches:
            same.taches = activite.taches
    return kept


def _same_activite(a: DActivite, b: DActivite) -> bool:
    if not (a.code and b.code):
        return False
    return code_key(a.code) == code_key(b.code) and similar(a.libelle, b.libelle)


def _same_bloc(a: DBloc, b: DBloc) -> bool:
    """Same code; without codes, similar libellés, unless both name compétences
    and none in common (two blocs told apart by a word: "front-end" / "back-end"),
    or both list connaissances and none in common under titles not alike word
    for word (a training table's "… contributive : psychologie" / "… : sociologie")."""
    if a.where.rule == b.where.rule == NAMED_RULE:
        return False  # told apart there already: an option's own units (:mod:`.named_units`)
    if a.code and b.code:
        return code_key(a.code) == code_key(b.code) and not _restarted(a, b)
    if not (a.libelle and similar(a.libelle, b.libelle)):
        return False
    if norm_text(a.libelle) != norm_text(b.libelle) and _own_contents(a, b):
        return False
    return not (a.competences and b.competences) or any(
        similar(x.libelle, y.libelle) for x in a.competences for y in b.competences
    )


def _own_contents(a: DBloc, b: DBloc) -> bool:
    """Whether two blocs both list connaissances, none of them shared."""
    left, right = {norm_text(c) for c in a.connaissances}, {norm_text(c) for c in b.connaissances}
    return bool(left and right) and not left & right


def _restarted(a: DBloc, b: DBloc) -> bool:
    """Two units under one code that are not one: the numbering started again
    (an option's units numbered 1, 2, 3 after the title's 1 to 4, or two options'
    units numbered alike) — each titled and holding its own compétences, the
    titles unlike and none of the compétences alike; or the titles sharing few
    of their words and at most half of the compétences alike (two options' units
    share a few abilities). A summary naming a unit again names it alike, or
    lists nothing."""
    if not (a.libelle and b.libelle and a.competences and b.competences):
        return False
    if similar(a.libelle, b.libelle):
        return False
    shared = sum(any(similar(x.libelle, y.libelle) for y in b.competences) for x in a.competences)
    if not shared:
        return True
    return _few_words_shared(a.libelle, b.libelle) and 2 * shared <= min(
        len(a.competences), len(b.competences)
    )


_WORD = re.compile(r"\w{4,}")


def _few_words_shared(a: str, b: str) -> bool:
    """Whether two titles share fewer than two thirds of the shorter one's words
    (of four letters or more): other units, not one worded twice."""
    left, right = set(_WORD.findall(fold(a))), set(_WORD.findall(fold(b)))
    shorter = min(left, right, key=len)
    return bool(shorter) and 3 * len(left & right) < 2 * len(shorter)


def _merge_bloc(target: DBloc, other: DBloc) -> None:
    target.qualifier = target.qualifier or other.qualifier
    body = _holds_detail(other) and not _holds_detail(target) and not _assessed_only(other)
    if not target.libelle or (_names_only(target) and not _names_only(other)) or body:
        # a summary or synthesis names the bloc; its own section titles it
        if not _shortened(other.libelle, target.libelle) or _states_competence(
            target.libelle, other
        ):
            target.libelle = other.libelle or target.libelle
        target.where = other.where
    if other.code and target.code and len(spelled(other.code)) < len(spelled(target.code)):
        target.code = other.code  # "DC 2", not "Domaine de compétences 2": the code
    if body:  # the compétences a summary listed, as the body states them
        for comp in other.competences:
            known = next((c for c in target.competences if _same_competence(c, comp)), None)
            if known is not None:
                known.libelle, known.where = comp.libelle, comp.where
    _add_competences(target.competences, other.competences, _same_competence)
    _union(target.connaissances, other.connaissances)
    _union(target.conditions, other.conditions)
    for text, detail in zip(other.modalites, other.modalites_details, strict=True):
        if not any(norm_text(text) == norm_text(m) for m in target.modalites):
            target.modalites.append(text)
            target.modalites_details.append(detail)
    target.criteres.extend(other.criteres)


def _shortened(title: str, named: str) -> bool:
    """A section title in capitals that repeats, in fewer words, the unit a
    summary named in small letters ("CP01 : COMMUNIQUER ET RENDRE COMPTE …"
    under "CP01 : Communiquer et rendre compte en situation …"): the
    summary's statement is the unit's, printed in full — unless the summary
    glued the title itself and a statement (:mod:`.gluedtitle`)."""
    return (
        title.isupper()
        and not named.isupper()
        and len(title.split()) < len(named.split())
        and not glued_statement(named, title)
    )


def _name_summary_only(blocs: list[DBloc]) -> None:
    """The units named once (by the summary alone), titled by their name as
    the body titles the others (:mod:`.gluedtitle`)."""
    for bloc in blocs:
        parts = name_and_statement(bloc.libelle)
        if parts is not None:
            bloc.libelle = parts[0]


def _states_competence(named: str, bloc: DBloc) -> bool:
    """Whether a summary named the unit by the statement its body gives as
    one of its compétences ("Module 1 : dans toute situation d'urgence, …"
    / "Compétence. Dans toute situation d'urgence, …"): then the body's
    heading is the unit's title, however short."""
    return bool(named) and any(similar(named, comp.libelle) for comp in bloc.competences)


def _holds_detail(bloc: DBloc) -> bool:
    """Whether a mention of a bloc holds what its compétences are assessed or
    built by (critères, modalités, savoirs): the body, where a summary only
    names the bloc and its compétences."""
    return bool(bloc.criteres or bloc.modalites or bloc.connaissances)


def _same_competence(a: DCompetence, b: DCompetence) -> bool:
    """Two mentions of one bloc's compétence: similar libellés (the same words
    up to small differences), or the same printed code on a libellé one
    mention cuts short: every content word of the shorter is in the other
    ("… de l'unité ou du service." / "… de l'unité."); not two numbered apart."""
    if similar(a.libelle, b.libelle):
        return not _numbered_apart(a, b)
    keys = {code_key(code) for code, _ in a.codes}
    if not any(code_key(code) in keys for code, _ in b.codes):
        return False
    short, long = sorted((_words(a.libelle), _words(b.libelle)), key=len)
    return all(word in long for word in short if len(word) > _LINK_WORD)


_LINK_WORD = 3  # a word this short links others ("et", "de", "les"): no content of its own


def _numbered_apart(a: DCompetence, b: DCompetence) -> bool:
    """Whether two compétences worded alike carry two codes of one series: the
    same letters and as many digits, other digits ("C 222" / "C 232"), not one
    code printed two ways ("1.1" / "C1.1", "AC311" / "AC0311")."""
    mine = {_shape(code) for code, _ in a.codes}
    theirs = {_shape(code) for code, _ in b.codes}
    if mine & theirs:
        return False
    return any(x[0] == y[0] and len(x[1]) == len(y[1]) for x in mine for y in theirs)


def _shape(code: str) -> tuple[str, str]:
    """A code's letters (folded) and its digits."""
    return re.sub(r"[^a-z]", "", fold(code)), re.sub(r"\D", "", code)


def _words(text: str) -> set[str]:
    """A libellé's words, folded (accents, case)."""
    return set(re.findall(r"\w+", fold(text)))


def _assessed_only(bloc: DBloc) -> bool:
    """A mention of a bloc holding its modalités and nothing else (the row of
    an épreuves table beside the unit's code): a reference to the unit, whose
    cells never title it over the unit's own section."""
    return bool(bloc.modalites) and not (bloc.competences or bloc.criteres or bloc.connaissances)


def _names_only(bloc: DBloc) -> bool:
    """A mention that refers to a bloc without stating it: a summary line or
    an épreuves table's row."""
    return _is_reference(bloc) or _assessed_only(bloc)


def _is_reference(bloc: DBloc) -> bool:
    """A mention of a bloc with nothing under it (a summary line, a table of
    contents, a synthesis table row)."""
    return not (bloc.competences or bloc.criteres or bloc.modalites or bloc.connaissances)


def _merge_competence(target: DCompetence, other: DCompetence) -> None:
    target.codes.extend(other.codes)
    target.from_list = target.from_list and other.from_list
    for mine, theirs in (
        (target.connaissances, other.connaissances),
        (target.conditions, other.conditions),
        (target.resultats, other.resultats),
        (target.activites, other.activites),
        (target.details, other.details),
    ):
        _union(mine, theirs)
    other.merged_into = target


def _union(target: list[str], extra: list[str]) -> None:
    seen = {norm_text(t) for t in target}
    for text in extra:
        if norm_text(text) not in seen:
            target.append(text)
            seen.add(norm_text(text))


_LETTERS = re.compile(r"^[^\W\d_]+\s*")


def _prefixed(code: str, printed: list[str]) -> str:
    """``code`` as another place prints it with its letters ("1.1" in a table
    row, "C1.1" in the summary): the same code, the fuller form kept."""
    if _LETTERS.match(code):
        return code
    bare = norm_text(code)
    fuller = [c for c in printed if _LETTERS.match(c) and norm_text(_LETTERS.sub("", c)) == bare]
    return fuller[0] if fuller else code


def codes(ctx: Context) -> None:
    """Choose each compétence's printed code."""
    competences = [c for b in ctx.draft.blocs for c in b.competences] + ctx.draft.transversales
    per_source: dict[int, Counter[str]] = {}
    for comp in competences:
        for code, source in comp.codes:
            per_source.setdefault(source, Counter())[norm_text(code)] += 1
    for comp in competences:
        unique = [code for code, source in comp.codes if per_source[source][norm_text(code)] == 1]
        chosen = unique[-1] if unique else (comp.codes[0][0] if comp.codes else None)
        if chosen is not None:
            chosen = _prefixed(chosen, [code for code, _ in comp.codes])
        comp.code = " ".join(chosen.split()) if chosen else None
    spaced = spaced_like_siblings(dotted_like_siblings([c.code for c in competences]))
    for comp, written in zip(competences, spaced, strict=True):
        comp.code = written
