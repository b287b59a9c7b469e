"""Score an extraction against a hand-checked reference JSON ("gold").

``evaluate(gold, pred)`` flattens both documents into typed items (activités,
tâches, blocs, compétences, critères, indicateurs, …), each knowing its parent,
and scores every element type:

* **strict** types: normalised strings matched one-to-one with fuzzy
  similarity ≥ 0.90 (rapidfuzz ``ratio``, as GROBID's end-to-end evaluation
  does), greedy best-first — first inside matched parents, then across the
  whole document for what is left (those late matches count as found but as
  misplaced for parent accuracy); codes must agree where a type has them.
* **coverage** types (the gold's ``_scoring["coverage"]``: segmentation is a
  judgement call): a gold item is covered when its text is found (partial
  fuzzy match ≥ 0.90) in the joined predicted text of the matched parent;
  a predicted item is covered when found in the gold text. Splitting or
  merging differences do not count; missing or junk text does.
* **parent accuracy** (compétence → bloc, critère → bloc, indicateur →
  critère, tâche → activité) and **link accuracy** (``competence.activites``,
  ``critere.competences``, where the gold has links).

The gold has no ids: its ``criteres[].competences`` hold compétence codes,
so predicted ids ("BC01.C01") are mapped to the predicted compétence's code
(an uncoded compétence keeps its position id, as the gold writes it).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from .evaluate_extras import extra_scores
from .evaluate_report import RelationScore, Report, TypeScore, shown

__all__ = [
    "Outcome",
    "Report",
    "RelationScore",
    "TypeScore",
    "assess",
    "evaluate",
    "normalise",
    "similarity",
]

THRESHOLD = 0.90
TYPES = (
    "certification",
    "activites",
    "taches",
    "blocs",
    "competences",
    "connaissances",
    "conditions_realisation",
    "resultats_attendus",
    "modalites_evaluation",
    "criteres",
    "indicateurs",
    "competences_transversales",
)
CERTIFICATION_FIELDS = ("type", "intitule", "code_rncp", "description")
#: child type → parent type, for parent accuracy
PARENT_RELATIONS = {
    "competences": "blocs",
    "criteres": "blocs",
    "indicateurs": "criteres",
    "taches": "activites",
}
_COMPETENCE_LISTS = ("connaissances", "conditions_realisation", "resultats_attendus")

_QUOTES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2010": "-",
        "\u2011": "-",
    }
)
_TRAILING = re.compile(r"[\s.,;:!?…\-]+$")
_NON_WORD = re.compile(r"[\W_]+")
_INNER_GUILLEMET = re.compile(r"«\s+|\s+»")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([:;!?])")


def normalise(text: str | None) -> str:
    """NFKC, casefold, apostrophes/quotes/dashes unified, whitespace collapsed,
    trailing punctuation dropped."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _INNER_GUILLEMET.sub(lambda m: m.group(0).strip(), text).translate(_QUOTES)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(text.split()))
    return _TRAILING.sub("", text)


def normalise_code(code: str | None) -> str:
    """A printed code compared without spacing or case ("BC 1" == "bc1")."""
    if not code:
        return ""
    return "".join(unicodedata.normalize("NFKC", code).casefold().split()).rstrip(".:")


def _bare(text: str) -> str:
    """Normalised text reduced to words, for coverage (punctuation-blind)."""
    return " ".join(_NON_WORD.sub(" ", text).split())


def similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two strings after normalisation."""
    return fuzz.ratio(normalise(a), normalise(b)) / 100


# --------------------------------------------------------------------- items


@dataclass(eq=False)
class _Item:
    """One scored element: its type, normalised text and code, and its parent."""

    kind: str
    raw: str
    code: str = ""
    parent: _Item | None = None
    data: dict[str, Any] = field(default_factory=dict)
    links: frozenset[str] = frozenset()
    path: str = ""  # JSON pointer of the element in its document ("/blocs/0/criteres/2")
    text: str = ""

    def __post_init__(self) -> None:
        self.text = normalise(self.raw)

    def ancestors(self) -> Iterator[_Item]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def label(self) -> str:
        code = self.data.get("code") if self.kind != "certification" else self.code
        return f"{code} {self.raw}" if code else self.raw


def _strings(values: Any) -> list[tuple[int, str]]:
    """The non-empty strings of a list, with their index in it."""
    return [(i, v) for i, v in enumerate(values or []) if isinstance(v, str) and normalise(v)]


def _competence_codes(doc: dict[str, Any]) -> dict[str, str]:
    """Compétence id → printed code, to read ``criteres[].competences`` of an
    extraction (ids) like the gold's (codes); values that are not ids stay.
    A compétence with no printed code keeps its position id ("BC01.C02"), the
    value a gold gives for an uncoded compétence; a gold that names a coded
    compétence by its position id is read the same way."""
    codes: dict[str, str] = {}
    for b, bloc in enumerate(doc.get("blocs") or [], start=1):
        for c, comp in enumerate(bloc.get("competences") or [], start=1):
            _note_code(codes, comp, f"BC{b:02d}.C{c:02d}")
    for c, comp in enumerate(doc.get("competences_transversales") or [], start=1):
        _note_code(codes, comp, f"CT{c:02d}")
    return codes


def _note_code(codes: dict[str, str], comp: Any, position: str) -> None:
    """Map a compétence's id — or, in a gold without ids, its position id — to
    its printed code (the id itself when it has none)."""
    if not isinstance(comp, dict):
        return
    ident = comp.get("id")
    ident = ident if isinstance(ident, str) else position
    code = comp.get("code")
    codes[ident] = code if isinstance(code, str) and code else ident


def _flatten(doc: dict[str, Any]) -> dict[str, list[_Item]]:
    """Every scored element of a référentiel JSON, grouped by type, in order."""
    items: dict[str, list[_Item]] = {kind: [] for kind in TYPES}
    root = _Item("document", "")
    items["document"] = [root]
    codes = _competence_codes(doc)

    def add(
        kind: str,
        raw: str,
        parent: _Item,
        code: str | None = None,
        data: Any = None,
        links: Any = (),
        path: str = "",
    ) -> _Item:
        data = data if isinstance(data, dict) else {}
        linked = frozenset(normalise_code(v) for v in links or () if isinstance(v, str))
        item = _Item(kind, raw, normalise_code(code), parent, data, linked, path)
        if item.text:
            items[kind].append(item)
        return item

    def add_competence(kind: str, comp: dict[str, Any], parent: _Item, path: str) -> None:
        libelle, code, links = comp.get("libelle") or "", comp.get("code"), comp.get("activites")
        node = add(kind, libelle, parent, code, comp, links, path)
        for sub in _COMPETENCE_LISTS:
            for i, text in _strings(comp.get(sub)):
                add(sub, text, node, path=f"{path}/{sub}/{i}")

    certification = doc.get("certification") or {}
    for name in CERTIFICATION_FIELDS:
        value = certification.get(name)
        if isinstance(value, str) and normalise(value):
            add("certification", value, root, name, path=f"/certification/{name}")
    for a, act in enumerate(doc.get("activites") or []):
        here = f"/activites/{a}"
        node = add("activites", act.get("libelle") or "", root, act.get("code"), act, path=here)
        for i, text in _strings(act.get("taches")):
            add("taches", text, node, path=f"{here}/taches/{i}")
    for b, bloc in enumerate(doc.get("blocs") or []):
        here = f"/blocs/{b}"
        node = add("blocs", bloc.get("libelle") or "", root, bloc.get("code"), bloc, path=here)
        for i, text in _strings(bloc.get("connaissances")):
            add("connaissances", text, node, path=f"{here}/connaissances/{i}")
        for c, comp in enumerate(bloc.get("competences") or []):
            add_competence("competences", comp, node, f"{here}/competences/{c}")
        for i, text in _strings(bloc.get("modalites_evaluation")):
            add("modalites_evaluation", text, node, path=f"{here}/modalites_evaluation/{i}")
        for k, crit in enumerate(bloc.get("criteres") or []):
            links = [codes.get(v, v) for v in crit.get("competences") or [] if isinstance(v, str)]
            where = f"{here}/criteres/{k}"
            knode = add("criteres", crit.get("libelle") or "", node, None, crit, links, where)
            for i, text in _strings(crit.get("indicateurs")):
                add("indicateurs", text, knode, path=f"{where}/indicateurs/{i}")
    for c, comp in enumerate(doc.get("competences_transversales") or []):
        add_competence("competences_transversales", comp, root, f"/competences_transversales/{c}")
    return items


# ------------------------------------------------------------------ matching


def _assign(gold: list[_Item], pred: list[_Item], pairs: dict[_Item, _Item]) -> None:
    """Greedy best-first one-to-one assignment of items with similarity ≥ 0.90
    and equal codes; adds the pairs (gold → pred) to ``pairs``."""
    if not gold or not pred:
        return
    cutoff = THRESHOLD * 100
    scores = process.cdist(
        [g.text for g in gold], [p.text for p in pred], scorer=fuzz.ratio, score_cutoff=cutoff
    )
    # ties (identical texts, e.g. the same critère heading under every
    # compétence) are broken by agreeing links, then by relative position
    candidates = [
        (-float(scores[i][j]), g.links != p.links, abs(i / len(gold) - j / len(pred)), i, j)
        for i, g in enumerate(gold)
        for j, p in enumerate(pred)
        if scores[i][j] >= cutoff and g.code == p.code
    ]
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for *_, i, j in sorted(candidates):
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs[gold[i]] = pred[j]


def _by_parent(items: Iterable[_Item]) -> dict[_Item | None, list[_Item]]:
    groups: dict[_Item | None, list[_Item]] = defaultdict(list)
    for item in items:
        groups[item.parent].append(item)
    return groups


def _match(gold: list[_Item], pred: list[_Item], pairs: dict[_Item, _Item]) -> set[_Item]:
    """Match inside matched parents, then globally; returns the gold items
    matched inside their parent's match (well placed)."""
    pred_groups = _by_parent(pred)
    before = set(pairs)
    for parent, children in _by_parent(gold).items():
        partner = pairs.get(parent) if parent is not None else None
        if partner is not None:
            _assign(children, pred_groups.get(partner, []), pairs)
    placed = set(pairs) - before
    taken = set(pairs.values())
    _assign(
        [g for g in gold if g not in pairs],
        [p for p in pred if p not in taken],
        pairs,
    )
    return placed


class _Pools:
    """Joined, punctuation-blind text of one side's items of one type, per scope
    (each ancestor of an item is a scope that contains it)."""

    def __init__(self, items: list[_Item]) -> None:
        self._members: dict[_Item, list[_Item]] = defaultdict(list)
        for item in items:
            for scope in item.ancestors():
                self._members[scope].append(item)
        self._text: dict[_Item, str] = {}

    def text(self, scope: _Item) -> str:
        if scope not in self._text:
            self._text[scope] = " ".join(_bare(i.text) for i in self._members.get(scope, []))
        return self._text[scope]


def _found(needle: str, haystack: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` with partial similarity ≥ 0.90."""
    needle = _bare(needle)
    if not needle:
        return True
    if not haystack:
        return False
    scorer = fuzz.partial_ratio if len(needle) <= len(haystack) else fuzz.ratio
    return scorer(needle, haystack, score_cutoff=THRESHOLD * 100) > 0


def _scope(item: _Item, pairs: dict[_Item, _Item]) -> tuple[_Item, bool]:
    """The other side's scope an item is looked for in (its parent's match, or
    the nearest matched ancestor's), and whether it is the parent's match."""
    for depth, ancestor in enumerate(item.ancestors()):
        partner = pairs.get(ancestor)
        if partner is not None:
            return partner, depth == 0
    raise AssertionError("the document root is always matched")  # pragma: no cover


# ---------------------------------------------------------------- evaluation


def _modes(gold: dict[str, Any]) -> dict[str, str]:
    scoring = gold.get("_scoring")
    if not isinstance(scoring, dict):
        return dict.fromkeys(TYPES, "strict")
    modes = dict.fromkeys(TYPES, "unscored")
    for mode in ("strict", "coverage"):
        for name in scoring.get(mode) or []:
            if name in modes:
                modes[name] = mode
    return modes


def _links(pairs: dict[_Item, _Item], gold: list[_Item], name: str) -> RelationScore:
    """Link accuracy over matched pairs: the same set of linked codes (only
    when the gold has links of this kind at all)."""
    rel = RelationScore(name)
    if not any(g.links for g in gold):
        return rel
    for g in gold:
        p = pairs.get(g)
        if p is None:
            continue
        rel.total += 1
        if g.links == p.links:
            rel.correct += 1
        else:
            rel.wrong.append(f"{g.label()}: gold {sorted(g.links)}, predicted {sorted(p.links)}")
    return rel


def _score_type(
    kind: str,
    mode: str,
    gold: list[_Item],
    pred: list[_Item],
    pairs: dict[_Item, _Item],
    reverse: dict[_Item, _Item],
) -> tuple[TypeScore, set[_Item], _Pools, list[_Item], list[_Item]]:
    """Strict and coverage counts of one type; also the gold items covered
    inside their own parent's match, the predicted text pools, and the gold
    items missed and the predicted items extra."""
    score = TypeScore(kind, mode, len(gold), len(pred))
    pred_pool, gold_pool = _Pools(pred), _Pools(gold)
    covered: set[_Item] = set()
    in_parent: set[_Item] = set()
    for g in gold:
        scope, own = _scope(g, pairs)
        if _found(g.text, pred_pool.text(scope)):
            covered.add(g)
            if own:
                in_parent.add(g)
    covered_pred = {p for p in pred if _found(p.text, gold_pool.text(_scope(p, reverse)[0]))}
    score.matched = sum(1 for g in gold if g in pairs)
    score.covered_gold, score.covered_pred = len(covered), len(covered_pred)
    if mode == "coverage":
        missed = [g for g in gold if g not in covered]
        extra = [p for p in pred if p not in covered_pred]
        score.missed = [g.label() for g in missed]
    else:
        missed = [g for g in gold if g not in pairs]
        extra = [p for p in pred if p not in reverse]
        score.missed = [g.label() + _closest(g, pred) for g in missed]
    score.extra = [p.label() for p in extra]
    return score, in_parent, pred_pool, missed, extra


def _closest(item: _Item, candidates: list[_Item]) -> str:
    """ " (closest 0.87: …)" naming the most similar candidate, if any is near."""
    best = process.extractOne(item.text, [c.text for c in candidates], scorer=fuzz.ratio)
    if best is None or best[1] < 70:
        return ""
    return f"  (closest {shown(best[1] / 100)}: {candidates[best[2]].label()})"


@dataclass(frozen=True)
class Outcome:
    """How one element fared: ``side`` "gold" or "pred", its type (a name of
    ``TYPES``), its JSON pointer and text; ``found`` is false for a gold element
    missed or a predicted one extra; ``partner`` is the pointer of the element it
    was matched with one-to-one, when it was."""

    side: str
    kind: str
    path: str
    text: str
    found: bool
    partner: str | None = None


def evaluate(gold: dict[str, Any], pred: dict[str, Any]) -> Report:
    """Score ``pred`` (an extraction) against ``gold`` (a reference JSON)."""
    return assess(gold, pred)[0]


def assess(gold: dict[str, Any], pred: dict[str, Any]) -> tuple[Report, list[Outcome]]:
    """The :func:`evaluate` report, and the outcome of every element of both sides
    (the missed and extra elements the report counts are the outcomes not found)."""
    modes = _modes(gold)
    g_items, p_items = _flatten(gold), _flatten(pred)
    pairs: dict[_Item, _Item] = {g_items["document"][0]: p_items["document"][0]}
    placed: dict[str, set[_Item]] = {}
    # parents before children: every type's parent type comes earlier in TYPES
    # except compétences transversales' children, so match those first
    order = ["competences_transversales", *[t for t in TYPES if t != "competences_transversales"]]
    for kind in order:
        placed[kind] = _match(g_items[kind], p_items[kind], pairs)
    reverse = {p: g for g, p in pairs.items()}

    types: list[TypeScore] = []
    relations: list[RelationScore] = []
    pred_root = p_items["document"][0]
    outcomes: list[Outcome] = []
    for kind in TYPES:
        score, in_parent, pred_pool, missed, extra = _score_type(
            kind, modes[kind], g_items[kind], p_items[kind], pairs, reverse
        )
        types.append(score)
        outcomes += _outcomes("gold", g_items[kind], set(missed), pairs)
        outcomes += _outcomes("pred", p_items[kind], set(extra), reverse)
        if kind in PARENT_RELATIONS and score.mode != "unscored":
            wanted = pred_pool.text(pred_root) if score.mode == "coverage" else None
            relations.append(
                _placement(kind, g_items[kind], pairs, placed[kind], in_parent, wanted)
            )

    competences = g_items["competences"] + g_items["competences_transversales"]
    relations.append(_links(pairs, competences, "links competence.activites"))
    relations.append(_links(pairs, g_items["criteres"], "links critere.competences"))
    paths = {g.path: p.path for g, p in pairs.items() if g.kind in ("blocs", "competences")}
    return Report(types, relations, extra_scores(gold, pred, paths)), outcomes


def _outcomes(
    side: str, items: list[_Item], lost: set[_Item], pairs: dict[_Item, _Item]
) -> list[Outcome]:
    """The outcome of each item of one side and type (``lost``: not found)."""
    return [
        Outcome(
            side,
            i.kind,
            i.path,
            i.raw,
            i not in lost,
            pairs[i].path if i in pairs else None,
        )
        for i in items
    ]


def _placement(
    kind: str,
    gold: list[_Item],
    pairs: dict[_Item, _Item],
    placed: set[_Item],
    in_parent: set[_Item],
    whole: str | None,
) -> RelationScore:
    """Parent accuracy: of the gold items whose parent was matched and which
    were found at all (strict: matched; coverage: ``whole``, the predicted
    text of the whole document, contains them), the share found under the
    parent's match."""
    rel = RelationScore(f"{kind} → {PARENT_RELATIONS[kind]}")
    for g in gold:
        if g.parent is None or g.parent not in pairs:
            continue
        if whole is not None:
            located, right, found_in = _found(g.text, whole), g in in_parent, None
        else:
            located, right = g in pairs, g in placed
            found_in = pairs[g].parent if located else None
        if not located:
            continue
        rel.total += 1
        if right:
            rel.correct += 1
        else:
            where = found_in.label() if found_in is not None else "another parent"
            rel.wrong.append(f"{g.label()}: expected under {g.parent.label()}, found under {where}")
    return rel
