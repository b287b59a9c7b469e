"""The outcome of an evaluation: per-type scores, parent and link accuracy,
thresholds, and the readable table / JSON renderings (see ``evaluate``)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


def shown(value: float) -> str:
    """A figure with two decimals, rounded down so that a miss never reads as
    the threshold (0.949 → "0.94")."""
    return f"{math.floor(value * 100 + 1e-9) / 100:.2f}"


@dataclass
class TypeScore:
    """Counts for one element type; figures follow its scoring ``mode``."""

    type: str
    mode: str  # "strict" | "coverage" | "unscored"
    gold: int = 0
    pred: int = 0
    matched: int = 0
    covered_gold: int = 0
    covered_pred: int = 0
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        hits = self.covered_pred if self.mode == "coverage" else self.matched
        return hits / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        hits = self.covered_gold if self.mode == "coverage" else self.matched
        return hits / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def scored(self) -> bool:
        """Counted by ``failures``: scored by the gold and non-empty in it."""
        return self.mode != "unscored" and self.gold > 0


@dataclass
class RelationScore:
    """Parent or link accuracy: ``correct`` of ``total`` checked elements."""

    name: str
    total: int = 0
    correct: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


@dataclass
class Report:
    """The outcome of one evaluation (or the sum of several)."""

    types: list[TypeScore]
    relations: list[RelationScore]
    #: the extra fields the reference prints (mode "extra": apart from the
    #: thresholds and the means, see :mod:`.evaluate_extras`)
    extras: list[TypeScore] = field(default_factory=list)

    def failures(
        self, strict_min: float = 0.95, coverage_min: float = 0.95, parent_min: float = 0.95
    ) -> list[str]:
        """Human-readable reasons why the thresholds are not met (empty = met)."""
        reasons = []
        for score in self.types:
            if not score.scored:
                continue
            minimum = coverage_min if score.mode == "coverage" else strict_min
            if score.f1 < minimum:
                reasons.append(
                    f"{score.type}: {score.mode} F1 {shown(score.f1)} < {minimum:.2f} "
                    f"(P {shown(score.precision)}, R {shown(score.recall)}; "
                    f"{score.gold} gold, {score.pred} predicted)"
                )
        for rel in self.relations:
            if rel.total and rel.accuracy < parent_min:
                reasons.append(
                    f"{rel.name}: accuracy {shown(rel.accuracy)} < {parent_min:.2f} "
                    f"({rel.correct} of {rel.total})"
                )
        return reasons

    def summary(
        self, strict_min: float = 0.95, coverage_min: float = 0.95, parent_min: float = 0.95
    ) -> str:
        """One line: the lowest figure of each kind and the verdict."""

        def lowest(mode: str) -> str:
            scores = [s for s in self.types if s.scored and s.mode == mode]
            if not scores:
                return f"{mode} F1 —"
            worst = min(scores, key=lambda s: s.f1)
            return f"{mode} F1 min {shown(worst.f1)} ({worst.type})"

        relations = [r for r in self.relations if r.total]
        if relations:
            worst_rel = min(relations, key=lambda r: r.accuracy)
            parent = f"parent min {shown(worst_rel.accuracy)} ({worst_rel.name})"
        else:
            parent = "parent —"
        verdict = "FAIL" if self.failures(strict_min, coverage_min, parent_min) else "PASS"
        if strict_min == coverage_min == parent_min:
            at = f"{strict_min:.2f}"
        else:
            at = f"strict {strict_min:.2f} / coverage {coverage_min:.2f} / parent {parent_min:.2f}"
        return f"summary: {lowest('strict')} · {lowest('coverage')} · {parent} → {verdict} at {at}"

    def render(
        self,
        strict_min: float = 0.95,
        coverage_min: float = 0.95,
        parent_min: float = 0.95,
        *,
        details: bool = False,
    ) -> str:
        """A readable table; the last line is :meth:`summary`."""
        lines = [f"{'type':<27}{'mode':<10}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}"]
        for s in [*self.types, *self.extras]:
            if s.gold == 0 and s.pred == 0:
                continue
            figures = "".join(f"{shown(x):>7}" for x in (s.precision, s.recall, s.f1))
            lines.append(f"{s.type:<27}{s.mode:<10}{s.gold:>6}{s.pred:>6}{figures}")
        relations = [r for r in self.relations if r.total]
        if relations:
            lines.append("")
            lines.append(f"{'parent / link':<43}{'checked':>8}{'right':>7}{'acc':>7}")
            for r in relations:
                lines.append(f"{r.name:<43}{r.total:>8}{r.correct:>7}{shown(r.accuracy):>7}")
        if details:
            lines.extend(self._details())
        reasons = self.failures(strict_min, coverage_min, parent_min)
        if reasons:
            lines.append("")
            lines.extend(f"below threshold: {reason}" for reason in reasons)
        lines.append(self.summary(strict_min, coverage_min, parent_min))
        return "\n".join(lines)

    def _details(self) -> list[str]:
        out: list[str] = []
        for s in [*self.types, *self.extras]:
            if s.missed or s.extra:
                out.append("")
                out.append(f"{s.type} ({s.mode}):")
                out.extend(f"  - missing: {text}" for text in s.missed)
                out.extend(f"  + extra:   {text}" for text in s.extra)
        for r in self.relations:
            if r.wrong:
                out.append("")
                out.append(f"{r.name}:")
                out.extend(f"  ! {text}" for text in r.wrong)
        return out

    def to_dict(
        self, strict_min: float = 0.95, coverage_min: float = 0.95, parent_min: float = 0.95
    ) -> dict[str, Any]:
        """Plain data for ``--json``."""
        return {
            "types": [_type_dict(s) for s in self.types],
            "extras": [_type_dict(s) for s in self.extras],
            "relations": [
                {
                    "name": r.name,
                    "total": r.total,
                    "correct": r.correct,
                    "accuracy": round(r.accuracy, 4),
                    "wrong": r.wrong,
                }
                for r in self.relations
            ],
            "failures": self.failures(strict_min, coverage_min, parent_min),
            "summary": self.summary(strict_min, coverage_min, parent_min),
        }

    @classmethod
    def combine(cls, reports: Iterable[Report]) -> Report:
        """The sum of several reports (micro-averaged: counts are added)."""
        types: dict[tuple[str, str], TypeScore] = {}
        relations: dict[str, RelationScore] = {}
        order: dict[str, int] = {}
        for report in reports:
            for s in [*report.types, *report.extras]:
                order.setdefault(s.type, len(order))
            for s in [*report.types, *report.extras]:
                total = types.setdefault((s.type, s.mode), TypeScore(s.type, s.mode))
                total.gold += s.gold
                total.pred += s.pred
                total.matched += s.matched
                total.covered_gold += s.covered_gold
                total.covered_pred += s.covered_pred
                total.missed += s.missed
                total.extra += s.extra
            for r in report.relations:
                rel = relations.setdefault(r.name, RelationScore(r.name))
                rel.total += r.total
                rel.correct += r.correct
                rel.wrong += r.wrong
        ordered = sorted(types.values(), key=lambda s: (order[s.type], s.mode))
        extras = [s for s in ordered if s.mode == "extra"]
        plain = [s for s in ordered if s.mode != "extra"]
        return cls(plain, list(relations.values()), extras)


def _type_dict(s: TypeScore) -> dict[str, Any]:
    """One type's figures as plain data."""
    return {
        "type": s.type,
        "mode": s.mode,
        "gold": s.gold,
        "pred": s.pred,
        "matched": s.matched,
        "covered_gold": s.covered_gold,
        "covered_pred": s.covered_pred,
        "precision": round(s.precision, 4),
        "recall": round(s.recall, 4),
        "f1": round(s.f1, 4),
        "missed": s.missed,
        "extra": s.extra,
    }
