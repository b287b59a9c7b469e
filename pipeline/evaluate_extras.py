"""Score the extra fields a reference prints (contract, 'Families and levels').

The B.U.T. references print, besides the contract's elements, each bloc's
``situations_professionnelles`` and ``niveaux`` and each compétence's
``niveau``. They are scored apart from the contract's types (mode ``extra``):
the references' ``_scoring`` leaves them out, so they move neither the
thresholds nor the strict and coverage means; the report shows them in a table
of their own. A type is scored only when the reference prints it.

* situations professionnelles and niveaux ("Niveau 1 - <name>"): strings
  matched one-to-one inside the matched blocs, with the strict types' fuzzy
  similarity;
* a compétence's niveau (and the Swiss plans de formation's
  ``niveau_taxonomique``, "C3"): right when the matched compétence's niveau is similar
  to the reference's (precision over the predicted compétences with a niveau,
  recall over the reference's).
"""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz

from . import evaluate as _ev
from .evaluate_report import TypeScore

EXTRA_TYPES = ("situations_professionnelles", "niveaux", "niveau", "niveau_taxonomique")


def extra_scores(
    gold: dict[str, Any], pred: dict[str, Any], pairs: dict[str, str]
) -> list[TypeScore]:
    """The scores of the extra types ``gold`` prints; ``pairs`` maps the JSON
    pointer of each matched gold bloc and compétence to its prediction's."""
    scores = []
    for kind in ("situations_professionnelles", "niveaux"):
        score = _lists(kind, gold, pred, pairs)
        if score.gold:
            scores.append(score)
    for field in ("niveau", "niveau_taxonomique"):
        score = _levels(gold, pred, pairs, field)
        if score.gold:
            scores.append(score)
    return scores


def _at(doc: dict[str, Any], pointer: str) -> Any:
    """The value at a JSON pointer made of names and indexes."""
    node: Any = doc
    for part in pointer.strip("/").split("/"):
        node = node[int(part)] if isinstance(node, list) else node.get(part)
    return node


def _texts(bloc: Any, kind: str) -> list[str]:
    """The bloc's strings of one extra type, normalised."""
    values = bloc.get(kind) if isinstance(bloc, dict) else None
    out = []
    for value in values or []:
        if isinstance(value, dict):  # a niveau: its label and its name
            value = " - ".join(str(value.get(k) or "") for k in ("niveau", "libelle"))
        if isinstance(value, str) and _ev.normalise(value):
            out.append(_ev.normalise(value))
    return out


def _lists(
    kind: str, gold: dict[str, Any], pred: dict[str, Any], pairs: dict[str, str]
) -> TypeScore:
    score = TypeScore(kind, "extra")
    pred_blocs = pred.get("blocs") or []
    score.pred = sum(len(_texts(b, kind)) for b in pred_blocs)
    for index, bloc in enumerate(gold.get("blocs") or []):
        wanted = _texts(bloc, kind)
        score.gold += len(wanted)
        partner = pairs.get(f"/blocs/{index}")
        found = _texts(_at(pred, partner), kind) if partner else []
        hits = _one_to_one(wanted, found)
        score.matched += len(hits)
        score.missed += [w for i, w in enumerate(wanted) if i not in hits]
    return score


def _one_to_one(gold: list[str], pred: list[str]) -> set[int]:
    """Greedy best-first pairs of similar strings; the gold indexes matched."""
    cutoff = _ev.THRESHOLD * 100
    candidates = sorted(
        (-fuzz.ratio(g, p), i, j)
        for i, g in enumerate(gold)
        for j, p in enumerate(pred)
        if fuzz.ratio(g, p) >= cutoff
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _score, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
    return used_gold


def _levels(
    gold: dict[str, Any], pred: dict[str, Any], pairs: dict[str, str], field: str
) -> TypeScore:
    score = TypeScore(field, "extra")
    score.pred = sum(
        1 for b in pred.get("blocs") or [] for c in b.get("competences") or [] if _level(c, field)
    )
    for b, bloc in enumerate(gold.get("blocs") or []):
        for c, comp in enumerate(bloc.get("competences") or []):
            wanted = _level(comp, field)
            if not wanted:
                continue
            score.gold += 1
            partner = pairs.get(f"/blocs/{b}/competences/{c}")
            found = _level(_at(pred, partner), field) if partner else ""
            if found and fuzz.ratio(wanted, found) >= _ev.THRESHOLD * 100:
                score.matched += 1
            else:
                score.missed.append(f"{comp.get('libelle')}: {wanted} (predicted {found or '—'})")
    return score


def _level(comp: Any, field: str) -> str:
    value = comp.get(field) if isinstance(comp, dict) else None
    return _ev.normalise(value) if isinstance(value, str) else ""
