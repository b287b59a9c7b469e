"""Rules as data: the cue patterns and phrases that mark a référentiel's structure.

Every ``rules/*.yaml`` file (except the OCR correction files ``rules/ocr*.yaml``)
holds ``rules:``, a list of rules validated on load::

    rules:
      - id: bloc.bc                     # unique, recorded in provenance.rule
        label: bloc                     # what the rule recognises
        pattern: '^(?P<code>BC\\s*\\d+)\\s*[-–.:]?\\s*(?P<libelle>.*)$'
      - id: zone.modalites
        label: zone
        value: modalites                # optional payload
        phrases: ["modalités d'évaluation"]

A rule has a ``pattern`` (a regular expression, case-insensitive, matched at the
start of the text unless it says otherwise; named groups carry the parts) or
``phrases`` (cue phrases, case- and accent-insensitive, matched as whole words
at the start of the text). Texts are compared with typographic apostrophes
and non-breaking spaces folded (:func:`key`). A malformed file stops start-up
with a :class:`RuleError` naming the file and the rule.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from rapidfuzz import fuzz

from .models import CERTIFICATION_TYPES
from .textclean import fold

_CHECKOUT_RULES = Path(__file__).resolve().parent.parent / "rules"  # pipeline/ beside rules/
_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'", "\u00a0": " ", "\u202f": " "})


_ROLES = frozenset(
    {"bloc", "code", "fonction", "activite", "taches", "competence", "transversales"}
    | {"connaissances", "conditions", "resultats", "modalites", "criteres", "indicateurs"}
    | {"evaluation", "details", "score", "attitudes", "formation"}
)
_ZONES = frozenset(
    _ROLES
    - {"bloc", "code", "fonction", "activite", "evaluation", "details", "score", "attitudes"}
    - {"formation"}
    | {"epreuves"}
)
_PLAIN = (  # labels whose rules carry no value
    "ability-noun",
    "activite-type",
    "activities-rubric",
    "activity-group",
    "annex-label",
    "apc-head",
    "bloc",
    "bloc-activite",
    "bloc-count",
    "bloc-roman",
    "bloc-unit",
    "certification-subject",
    "code-activite",
    "code-competence",
    "code-letter",
    "code-objective",
    "code-numeric",
    "code-bare",
    "code-only",
    "code-field",
    "code-statement",
    "code-tache",
    "group-code",
    "group-coded-title",
    "group-statement",
    "group-weight",
    "head-unit",
    "code-unit",
    "competence-inline",
    "competences-label",
    "composante",
    "contents",
    "connaissances-code",
    "connaissances-inline",
    "connaissances-separator",
    "critere-inline",
    "critere-runin",
    "description",
    "description-cell",
    "duration-field",
    "epreuve-nature",
    "epreuve-form",
    "epreuve-grid",
    "epreuve-part",
    "family-label",
    "fiche-columns",
    "fiche-context",
    "fiche-elements",
    "fiche-enonce",
    "fiche-number",
    "holder",
    "indicateur-inline",
    "lettered-part",
    "link",
    "link-code",
    "link-range",
    "modalite-alternative",
    "modalite-detail",
    "modalite-duration",
    "modalite-inline",
    "modalite-separator",
    "modalites-group",
    "named-unit",
    "named-unit-line",
    "niveau",
    "not-description",
    "objectives-label",
    "ocr-text-bullet",
    "ocr-text-noise",
    "ocr-text-starter",
    "ordinal-lead-in",
    "outline",
    "part-heading",
    "rncp",
    "rncp-bloc",
    "savoir-level",
    "stream-activite",
    "stream-activite-row",
    "stream-competence",
    "stream-competence-row",
    "taxonomy-level",
    "terminal-objective",
    "title-aside",
    "title-award",
    "title-band",
    "title-code",
    "title-decree",
    "title-family",
    "title-label",
    "title-link",
    "title-noise",
    "title-name",
    "title-part",
    "title-prefix",
    "title-specialty",
    "unit-duration",
    "unit-qualified",
    "units-heading",
    "worded-unit",
)
# The closed vocabulary of rule labels: what each label recognises, and the values its
# rules may carry (None: no value is read). A label or value outside it stops start-up.
LABELS: dict[str, frozenset[str | None]] = {
    **dict.fromkeys(_PLAIN, frozenset({None})),
    "column": _ROLES,
    "column-name": _ROLES,
    "level-word": frozenset({"bloc", "competence", "other"}),
    "section": frozenset({"activites", "competences", "evaluation", "other"}),
    "zone": _ZONES | {"competences", "ignore"},
    "title": frozenset(CERTIFICATION_TYPES | {None, "none"}),
    "document-part": frozenset(CERTIFICATION_TYPES | {None}),  # the family an act creates
    "family-level": frozenset(CERTIFICATION_TYPES),  # a level only this family prints
    "ocr-code-fix": frozenset(),  # a replacement template, any text
    "ocr-text-strip": frozenset(),
    "unit-abbreviation": frozenset(),  # the abbreviation of the unit word, any text
}


class RuleError(ValueError):
    """A rule file that cannot be loaded: names the file and the rule."""


@lru_cache(maxsize=4096)
def key(text: str) -> str:
    """Text as rules see it: apostrophes and non-breaking spaces folded, one
    character for one (so match positions hold in the original text). Cached: every
    rule of a label reads the same text."""
    return text.translate(_FOLD)


@lru_cache(maxsize=4096)
def _bare(text: str) -> str:
    """Lower case without accents, for phrase matching."""
    return fold(key(text))


class Rule(BaseModel):
    """One rule: an id, what it recognises (label), and a pattern or phrases."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_.\-]*$", description="Unique id, kept in provenance")
    label: str = Field(min_length=1, description="What the rule recognises")
    pattern: str | None = Field(None, description="Regular expression (case-insensitive)")
    phrases: list[str] | None = Field(None, min_length=1, description="Cue phrases")
    value: str | None = Field(None, description="Payload, e.g. the section or column role")
    anywhere: bool = Field(False, description="Search the whole text, not only its start")
    description: str | None = None
    examples: list[str] = Field(default_factory=list, description="Texts the rule must match")
    counter_examples: list[str] = Field(
        default_factory=list, description="Texts the rule must not match"
    )

    @model_validator(mode="after")
    def _one_matcher(self) -> Rule:
        if self.label not in LABELS:
            raise ValueError(f"unknown label {self.label!r} (known: {', '.join(sorted(LABELS))})")
        allowed = LABELS[self.label]
        if allowed and self.value not in allowed:
            known = ", ".join(sorted(str(v) for v in allowed))
            raise ValueError(f"value {self.value!r} is not one of label {self.label!r}'s: {known}")
        if (self.pattern is None) == (self.phrases is None):
            raise ValueError("give exactly one of 'pattern' or 'phrases'")
        if self.pattern is not None:
            try:
                re.compile(self.pattern)
            except re.error as err:
                raise ValueError(f"invalid pattern: {err}") from err
        if self.phrases is not None and not all(p.strip() for p in self.phrases):
            raise ValueError("empty phrase")
        return self

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return _compile(self.pattern or "", tuple(self.phrases or ()))

    def match(self, text: str) -> re.Match[str] | None:
        """The match of this rule on ``text`` (None when it does not apply)."""
        if self.phrases is not None:
            return self.regex.match(_bare(text))
        if self.anywhere:
            return self.regex.search(key(text))
        return self.regex.match(key(text))


@cache
def _compile(pattern: str, phrases: tuple[str, ...]) -> re.Pattern[str]:
    if pattern:
        return re.compile(pattern, re.IGNORECASE)
    words = "|".join(re.escape(_bare(p)) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?:{words})(?!\w)")


class _RuleFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rules: list[dict[str, Any]]


@dataclass(frozen=True)
class Hit:
    """A rule that matched, with its match object."""

    rule: Rule
    match: re.Match[str]
    text: str

    def group(self, name: str) -> str | None:
        """A named group's text as printed (apostrophes unfolded), or None when
        the pattern has no such group."""
        if name not in self.match.re.groupindex or self.match.group(name) is None:
            return None
        start, end = self.match.span(name)
        source = self.text if len(self.text) == len(self.match.string) else self.match.string
        return source[start:end].strip()


@dataclass
class Record:
    """What a :class:`RuleSet` answered while recording (:meth:`RuleSet.recording`)."""

    fired: set[str] = field(default_factory=set)  # ids of the rules it answered with
    handed: set[str] = field(default_factory=set)  # labels whose rules callers match themselves


_Matcher = tuple[Rule, Callable[[str], "re.Match[str] | None"], bool]
_FIRSTS = 1 << 16  # answers of RuleSet.first kept before the cache starts again


class RuleSet:
    """All rules, by label, in file order (file names sorted, then rule order)."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self._by_label: dict[str, list[Rule]] = {}
        for rule in rules:
            self._by_label.setdefault(rule.label, []).append(rule)
        self._matchers: dict[str, list[_Matcher]] = {}
        self._firsts: dict[tuple[str, str], Hit | None] = {}
        self._record: Record | None = None

    @contextmanager
    def recording(self) -> Iterator[Record]:
        """Record, inside the ``with`` block, the rules this set answers with (the hit
        of :meth:`first`, each hit of :meth:`hits` its caller takes, the rule of
        :meth:`closest`) and the labels :meth:`labelled` hands out (whose rules the
        caller matches itself, unseen here). Off outside it: one attribute test."""
        outer, self._record = self._record, Record()
        try:
            yield self._record
        finally:
            self._record = outer

    def labelled(self, label: str) -> list[Rule]:
        """The rules with this label (one of :data:`LABELS`)."""
        if self._record is not None:
            self._record.handed.add(label)
        return self._rules(label)

    def _rules(self, label: str) -> list[Rule]:
        """The rules with this label, for the set's own use (not recorded as handed)."""
        if label not in LABELS:
            raise KeyError(f"unknown rule label {label!r}")
        return self._by_label.get(label, [])

    def forget(self) -> None:
        """Empty the remembered answers of :meth:`first` (benchmarks: a new document)."""
        self._firsts.clear()

    def first(self, label: str, text: str) -> Hit | None:
        """The first rule with ``label`` that matches ``text``. Cached: the segmenter
        asks the same question of the same text in several passes."""
        if (label, text) in self._firsts:
            hit = self._firsts[label, text]
        else:
            if len(self._firsts) >= _FIRSTS:
                self._firsts.clear()
            hit = self._firsts[label, text] = next(self.hits(label, text), None)
        if hit is not None and self._record is not None:
            self._record.fired.add(hit.rule.id)
        return hit

    def level(self, text: str) -> str:
        """The unit level the ``level-word`` rules give the word ``text`` opens
        with: ``bloc``, ``competence``, ``other`` (it numbers something else) or
        ``unknown``."""
        hit = self.first("level-word", text)
        return hit.rule.value if hit is not None and hit.rule.value else "unknown"

    def closest(self, label: str, text: str, cutoff: float = 0.8) -> Rule | None:
        """The rule with ``label`` one of whose phrases is closest to the start
        of ``text`` (similarity ≥ ``cutoff``): cue phrases misread by OCR."""
        bare = _bare(text)
        best: tuple[float, Rule | None] = (cutoff * 100, None)
        for rule in self._rules(label):
            for phrase in rule.phrases or ():
                wanted = _bare(phrase)
                score = fuzz.ratio(bare[: len(wanted)], wanted)
                if score >= best[0]:
                    best = (score, rule)
        if best[1] is not None and self._record is not None:
            self._record.fired.add(best[1].id)
        return best[1]

    def hits(self, label: str, text: str) -> Iterator[Hit]:
        """Every rule with ``label`` that matches ``text``, in order (as
        :meth:`Rule.match` would find them, the text keyed and folded once)."""
        keyed, bare = key(text), ""
        for rule, match, phrased in self._matching(label):
            if phrased and not bare:
                bare = _bare(text)
            found = match(bare if phrased else keyed)
            if found is not None:
                if self._record is not None:
                    self._record.fired.add(rule.id)
                yield Hit(rule, found, text)

    def _matching(self, label: str) -> list[_Matcher]:
        """The rules of ``label`` with their bound match (or search) method and
        whether they read the folded text: built once per label."""
        if label not in self._matchers:
            self._matchers[label] = [
                (
                    r,
                    r.regex.search if r.anywhere and r.phrases is None else r.regex.match,
                    r.phrases is not None,
                )
                for r in self._rules(label)
            ]
        return self._matchers[label]


def load_file(path: Path) -> list[Rule]:
    """The rules of one YAML file; :class:`RuleError` names the file and rule."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise RuleError(f"{path}: cannot read rule file: {err}") from err
    try:
        entries = _RuleFile.model_validate(data).rules
    except ValidationError as err:
        raise RuleError(f"{path}: expected a mapping with a 'rules' list: {err}") from err
    rules = []
    for index, entry in enumerate(entries, start=1):
        name = entry.get("id", "?") if isinstance(entry, dict) else "?"
        try:
            rules.append(Rule.model_validate(entry))
        except ValidationError as err:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'rule'}: {e['msg']}" for e in err.errors()
            )
            raise RuleError(f"{path}: rule #{index} (id {name!r}): {problems}") from err
    return rules


def rules_dir() -> Path:
    """Where the rules are read from: ``$REFERENTIEL_RULES`` when set, else the source
    checkout's ``rules/`` beside ``pipeline/``, else the copy installed with the package."""
    if folder := os.environ.get("REFERENTIEL_RULES"):
        return Path(folder)
    if Path(__file__).resolve().parent.name == "pipeline" and _CHECKOUT_RULES.is_dir():
        return _CHECKOUT_RULES
    return Path(str(resources.files("referentiel") / "rulefiles"))


def load_rules(directory: Path | None = None) -> RuleSet:
    """Load and validate every rule file of ``directory`` (default: :func:`rules_dir`)."""
    folder = directory or rules_dir()
    files = sorted(p for p in folder.glob("*.yaml") if not p.name.startswith("ocr"))
    if not files:
        raise RuleError(f"{folder}: no rule files (*.yaml)")
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    for path in files:
        for rule in load_file(path):
            if rule.id in seen:
                raise RuleError(f"{path}: rule id {rule.id!r} already defined in {seen[rule.id]}")
            seen[rule.id] = path
            rules.append(rule)
    return RuleSet(rules)


@cache
def default_rules() -> RuleSet:
    """The project's rules, loaded once per process."""
    return load_rules()
