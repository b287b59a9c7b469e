"""Element-level differences between two extractions (two JSON files or two batch folders).

Elements are matched by id first, then by text similarity, so an inserted or
renumbered element is reported once (added) instead of shifting every later one
into "changed". Compétence ids cited by critères are translated through that
matching, so a renumbering does not show up as changed links either. Sources and
warnings are not compared (they describe the run, not the référentiel).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError
from rapidfuzz import fuzz, process

from .errors import InvalidOutput, ReferentielError
from .export.load import REPORT_NAMES, looks_like_referentiel
from .guards import read_json
from .models import Activite, Bloc, Competence, Critere, Provenance, Referentiel, item_place
from .options import Limits

#: How an element type is named in reports.
LABELS = {
    "bloc": "bloc",
    "competence": "compétence",
    "critere": "critère",
    "indicateur": "indicateur",
    "modalite": "modalité",
    "activite": "activité",
    "tache": "tâche",
    "connaissance": "connaissance",
    "condition_realisation": "condition de réalisation",
    "resultat_attendu": "résultat attendu",
    "activite_liee": "activité liée",
    "competence_evaluee": "compétence évaluée",
    "certification": "certification",
}
SIMILAR = 60.0  # rapidfuzz ratio (0-100) above which two texts are the same element, edited
FUZZY_WINDOW = 50  # unmatched elements compared with this many on each side of their place
_COMPARED_CHARS = 1000  # texts are compared on their start: an edit shows there or not at all
_SAME_ID_BONUS = 10.0
T = TypeVar("T")


@dataclass
class Change:
    """One element added, removed, or one field of a matched element changed."""

    action: str  # added | removed | changed
    type: str  # bloc, competence, critere, indicateur, modalite, activite, tache, …
    where: str  # id of the element, or of the element holding the string
    field: str | None = None  # for "changed": libelle, code, type, …
    old: str | None = None
    new: str | None = None
    old_id: str | None = None
    new_id: str | None = None
    old_page: int | None = None
    old_line: int | None = None
    new_page: int | None = None
    new_line: int | None = None
    element: str = ""  # the element named for a reader: "indicateur #3 of critère BC01.K01"


@dataclass
class DocumentDiff:
    """The changes between two versions of one document (``status``: same/changed/added/removed)."""

    path: str
    status: str
    changes: list[Change] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            a: sum(c.action == a for c in self.changes) for a in ("added", "removed", "changed")
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "status": self.status,
            "counts": self.counts(),
            "changes": [asdict(c) for c in self.changes],
        }


@dataclass
class DiffResult:
    """Every compared document, in path order."""

    old: str
    new: str
    documents: list[DocumentDiff] = field(default_factory=list)

    @property
    def has_differences(self) -> bool:
        return any(d.status != "same" for d in self.documents)

    def totals(self) -> dict[str, int]:
        totals = {"documents": len(self.documents)}
        for status in ("same", "changed", "added", "removed"):
            totals[f"documents_{status}"] = sum(d.status == status for d in self.documents)
        for action in ("added", "removed", "changed"):
            totals[action] = sum(d.counts()[action] for d in self.documents)
        return totals

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old,
            "new": self.new,
            "totals": self.totals(),
            "documents": [d.to_dict() for d in self.documents],
        }


# ---------------------------------------------------------------- matching


def normalise(text: str) -> str:
    """Case- and spacing-insensitive form used to compare texts."""
    return re.sub(r"\s+", " ", text).strip().casefold()


def align(
    old: Sequence[T],
    new: Sequence[T],
    text: Callable[[T], str],
    key: Callable[[T], str | None] = lambda _: None,
) -> list[tuple[int | None, int | None]]:
    """Pair elements of ``old`` and ``new``; unpaired ones come with ``None``. Document order.

    Pairs, in this order: same key and same text; same text; similar text (best
    scores first, same key preferred, among the ``FUZZY_WINDOW`` unmatched elements
    on each side of the same place); same key. What is left is added or removed.
    """
    pairs: dict[int, int] = {}
    free_new = set(range(len(new)))
    old_texts = [normalise(text(o)) for o in old]
    new_texts = [normalise(text(n)) for n in new]

    def pair(i: int, j: int) -> None:
        pairs[i] = j
        free_new.discard(j)

    by_key = {key(n): j for j, n in enumerate(new) if key(n) is not None}
    for i, item in enumerate(old):
        j = by_key.get(key(item)) if key(item) is not None else None
        if j is not None and j in free_new and old_texts[i] == new_texts[j]:
            pair(i, j)
    by_text: dict[str, deque[int]] = defaultdict(deque)
    for j in sorted(free_new):
        by_text[new_texts[j]].append(j)
    for i in range(len(old)):
        if i not in pairs and by_text[old_texts[i]]:
            pair(i, by_text[old_texts[i]].popleft())
    scored = []
    candidates = sorted(free_new)
    for i in (i for i in range(len(old)) if i not in pairs):
        near = _near(candidates, i * len(new) // max(len(old), 1))
        found = process.extract(
            old_texts[i][:_COMPARED_CHARS],
            [new_texts[j][:_COMPARED_CHARS] for j in near],
            scorer=fuzz.ratio,
            score_cutoff=SIMILAR - _SAME_ID_BONUS,
            limit=None,
        )
        for _, score, at in found:
            j = near[at]
            if key(old[i]) is not None and key(old[i]) == key(new[j]):
                score += _SAME_ID_BONUS
            if score >= SIMILAR:
                scored.append((-score, abs(i - j), i, j))
    for _, _, i, j in sorted(scored):
        if i not in pairs and j in free_new:
            pair(i, j)
    for i, item in enumerate(old):
        j = by_key.get(key(item)) if key(item) is not None else None
        if i not in pairs and j is not None and j in free_new:
            pair(i, j)
    return _in_order(pairs, len(old), len(new))


def _near(candidates: list[int], position: int) -> list[int]:
    """The ``FUZZY_WINDOW`` candidates on each side of ``position``: fuzzy matching stays
    linear in the number of elements, however many were added or removed."""
    at = bisect.bisect_left(candidates, position)
    return candidates[max(0, at - FUZZY_WINDOW) : at + FUZZY_WINDOW]


def _in_order(pairs: dict[int, int], n_old: int, n_new: int) -> list[tuple[int | None, int | None]]:
    """Matched and added in new order; each removed one after the last match preceding it."""
    positioned: list[tuple[float, int, tuple[int | None, int | None]]] = []
    new_to_old = {j: i for i, j in pairs.items()}
    for j in range(n_new):
        positioned.append((float(j), 0, (new_to_old.get(j), j)))
    anchor = -1.0
    for i in range(n_old):
        if i in pairs:
            anchor = max(anchor, float(pairs[i]))
        else:
            positioned.append((anchor + 0.5, i, (i, None)))
    return [p for _, _, p in sorted(positioned, key=lambda t: (t[0], t[1]))]


# ---------------------------------------------------------------- comparing


def diff_referentiels(old: Referentiel, new: Referentiel, path: str = "") -> DocumentDiff:
    """Every element-level difference between two extractions of one document."""
    changes: list[Change] = []
    for name in ("type", "intitule", "code_rncp", "description"):
        before, after = getattr(old.certification, name), getattr(new.certification, name)
        if before != after:
            change = Change("changed", "certification", "certification", name, before, after)
            change.element = f"certification ({name})"
            changes.append(change)
    for i, j in align(old.activites, new.activites, lambda a: a.libelle, lambda a: a.code):
        before = None if i is None else old.activites[i]
        after = None if j is None else new.activites[j]
        present = after or before
        assert present is not None
        position = (j if j is not None else i or 0) + 1
        _compare_activite(before, after, present.code or f"A{position:02d}", changes)
    for i, j in align(old.blocs, new.blocs, lambda b: b.libelle, lambda b: b.id):
        _compare_bloc(
            None if i is None else old.blocs[i], None if j is None else new.blocs[j], changes
        )
    _compare_competences(old.competences_transversales, new.competences_transversales, changes)
    return DocumentDiff(path, "changed" if changes else "same", changes)


def _ident(element: Any) -> str:
    """An element's id, or its printed code (activités have no id)."""
    return getattr(element, "id", None) or getattr(element, "code", None) or ""


def _element(
    action: str,
    type_: str,
    old: Any,
    new: Any,
    changes: list[Change],
    field_: str | None = None,
    ident: str | None = None,
) -> Change:
    """A change about a whole element (added / removed) or one of its fields (changed)."""
    present = new if new is not None else old
    ident = ident or _ident(present)
    change = Change(action, type_, ident, field_)
    change.element = f"{LABELS[type_]} {ident}" + (f" ({field_})" if field_ else "")
    if old is not None:
        change.old_id = getattr(old, "id", None) or getattr(old, "code", None)
        _set_place(change, "old", old.provenance)
        change.old = old.libelle if field_ is None else _text(getattr(old, field_))
    if new is not None:
        change.new_id = getattr(new, "id", None) or getattr(new, "code", None)
        _set_place(change, "new", new.provenance)
        change.new = new.libelle if field_ is None else _text(getattr(new, field_))
    changes.append(change)
    return change


def _set_place(change: Change, side: str, provenance: Provenance | None) -> None:
    if provenance is not None:
        setattr(change, f"{side}_page", provenance.page)
        setattr(change, f"{side}_line", provenance.line)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _fields(
    type_: str,
    old: Any,
    new: Any,
    names: Sequence[str],
    changes: list[Change],
    ident: str | None = None,
) -> None:
    for name in names:
        if getattr(old, name) != getattr(new, name):
            _element("changed", type_, old, new, changes, name, ident)


def _strings(
    type_: str,
    owner_old: Any,
    owner_new: Any,
    old: list[str],
    new: list[str],
    changes: list[Change],
    owner_type: str,
    ident: str | None = None,
    list_name: str = "",
) -> None:
    """Added / removed / edited strings of the list ``list_name`` (indicateurs, tâches…).

    The change carries the string's own place when the extraction recorded it
    (``items_provenance``), else its owner's (the critère of an indicateur…)."""
    for i, j in align(old, new, lambda s: s):
        if i is not None and j is not None and old[i] == new[j]:
            continue
        action = (
            "changed" if i is not None and j is not None else "added" if i is None else "removed"
        )
        owner = owner_new if j is not None else owner_old
        ident = ident or _ident(owner)
        number = (j if j is not None else i or 0) + 1
        change = Change(action, type_, f"{ident} #{number}")
        change.element = f"{LABELS[type_]} #{number} of {LABELS[owner_type]} {ident}"
        if i is not None:
            change.old = old[i]
            change.old_id = getattr(owner_old, "id", None) or getattr(owner_old, "code", None)
            _set_place(change, "old", _item_place(owner_old, list_name, i))
        if j is not None:
            change.new = new[j]
            change.new_id = getattr(owner_new, "id", None) or getattr(owner_new, "code", None)
            _set_place(change, "new", _item_place(owner_new, list_name, j))
        changes.append(change)


def _item_place(owner: Any, list_name: str, index: int) -> Provenance:
    """Where string ``index`` of the owner's list ``list_name`` was printed: its own
    provenance when recorded, else the owner's."""
    own = item_place(owner, list_name, index)
    return own if own is not None else owner.provenance


def _compare_activite(
    old: Activite | None, new: Activite | None, ident: str, changes: list[Change]
) -> None:
    if old is None or new is None:
        _element("added" if old is None else "removed", "activite", old, new, changes, None, ident)
        return
    _fields("activite", old, new, ("code", "libelle"), changes, ident)
    _strings("tache", old, new, old.taches, new.taches, changes, "activite", ident, "taches")


def _compare_bloc(old: Bloc | None, new: Bloc | None, changes: list[Change]) -> None:
    if old is None or new is None:
        _element("added" if old is None else "removed", "bloc", old, new, changes)
        return
    _fields("bloc", old, new, ("code", "libelle"), changes)
    _strings(
        "connaissance",
        old,
        new,
        old.connaissances,
        new.connaissances,
        changes,
        "bloc",
        list_name="connaissances",
    )
    ids = _compare_competences(old.competences, new.competences, changes)
    _strings(
        "modalite",
        old,
        new,
        old.modalites_evaluation,
        new.modalites_evaluation,
        changes,
        "bloc",
        list_name="modalites_evaluation",
    )
    for i, j in align(old.criteres, new.criteres, lambda c: c.libelle, lambda c: c.id):
        _compare_critere(
            None if i is None else old.criteres[i],
            None if j is None else new.criteres[j],
            ids,
            changes,
        )


def _compare_competences(
    old: list[Competence], new: list[Competence], changes: list[Change]
) -> dict[str, str]:
    """Compare two lists of compétences; return old id → new id for the matched ones."""
    ids: dict[str, str] = {}
    for i, j in align(old, new, lambda c: c.libelle, lambda c: c.id):
        before = None if i is None else old[i]
        after = None if j is None else new[j]
        if before is None or after is None:
            _element("added" if before is None else "removed", "competence", before, after, changes)
            continue
        ids[before.id] = after.id
        _fields("competence", before, after, ("code", "libelle"), changes)
        for name, type_ in (
            ("connaissances", "connaissance"),
            ("conditions_realisation", "condition_realisation"),
            ("resultats_attendus", "resultat_attendu"),
            ("activites", "activite_liee"),
        ):
            _strings(
                type_,
                before,
                after,
                getattr(before, name),
                getattr(after, name),
                changes,
                "competence",
                list_name=name,
            )
    return ids


def _compare_critere(
    old: Critere | None, new: Critere | None, ids: dict[str, str], changes: list[Change]
) -> None:
    if old is None or new is None:
        _element("added" if old is None else "removed", "critere", old, new, changes)
        return
    _fields("critere", old, new, ("libelle",), changes)
    linked = [ids.get(c, c) for c in old.competences]
    _strings("competence_evaluee", old, new, linked, new.competences, changes, "critere")
    _strings(
        "indicateur",
        old,
        new,
        old.indicateurs,
        new.indicateurs,
        changes,
        "critere",
        list_name="indicateurs",
    )


# ---------------------------------------------------------------- files and folders


def load(path: Path) -> Referentiel:
    """Read one output JSON (same file guards as ``extract``); ``InvalidOutput`` when it is
    not a valid référentiel."""
    data = read_json(path, Limits())
    try:
        return Referentiel.model_validate(data)
    except ValidationError as err:
        reason = str(err).splitlines()[0]
        raise InvalidOutput(path, f"not a valid référentiel JSON ({reason})") from err


def documents_in(folder: Path) -> dict[str, Path]:
    """The extractions of a batch output folder, by relative path. JSON files that are not
    extractions (run.json, the JSON Schema in output/schema, other tools' files) are left
    out, as ``export`` does; one that looks like an extraction is kept, so a broken one
    is reported."""
    found = {}
    for path in folder.rglob("*.json"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or path.name in REPORT_NAMES:
            continue
        try:
            data = read_json(path, Limits())
        except ReferentielError:
            data = {"source": None, "schema_version": None}  # unreadable: load() says why
        if looks_like_referentiel(data):
            found[relative.as_posix()] = path
    return dict(sorted(found.items()))


def diff_paths(old: Path, new: Path) -> DiffResult:
    """Compare two JSON files, or two batch output folders (files paired by relative path)."""
    result = DiffResult(str(old), str(new))
    if old.is_dir() and new.is_dir():
        before, after = documents_in(old), documents_in(new)
        for name in sorted(before.keys() | after.keys()):
            if name not in after:
                result.documents.append(DocumentDiff(name, "removed"))
            elif name not in before:
                result.documents.append(DocumentDiff(name, "added"))
            else:
                result.documents.append(
                    diff_referentiels(load(before[name]), load(after[name]), name)
                )
        return result
    if old.is_dir() or new.is_dir():
        raise ValueError("OLD and NEW must both be JSON files or both be folders")
    name = new.name if old.name == new.name else f"{old.name} → {new.name}"
    result.documents.append(diff_referentiels(load(old), load(new), name))
    return result
