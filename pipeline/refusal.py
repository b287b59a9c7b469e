"""Why an extraction is no référentiel: the reason a document is refused, or None.

A référentiel names blocs or compétences (a référentiel professionnel, activités
only), and its units are the body of the document. A course, a syllabus or an
exercise sheet may still yield a few: its chapter headings, the numbered
questions of a TD, the « Objectif » of each session. The decision weighs the
whole document (:mod:`referentiel.evidence` figures), not its wording:

- **questions**: an exercise sheet asks — at least five paragraphs, and a quarter
  of them, end with a question mark (no référentiel of the corpus has more than
  one in twelve: a BTS programme's « questions de management »);
- **bare headings over prose**: the units hold fewer statements (compétences,
  critères, activités) than there are units, the text is mostly prose outside
  tables and under 5 % of it is placed — chapter headings over a course, not
  units (a référentiel whose units are table rows, or whose contents sit in
  tables, keeps its text in the tables) — unless the document names a
  certification family and its blocs are a bloc word's numbering series
  (« Bloc 1 », « Bloc 2 », « Bloc 3 »…): a CQP printed inside a convention
  collective lists its blocs among the convention's prose, and a TD's
  « Bloc 1 » of code names no family;
- **a repeated template**: at least four units, half of them or more sharing a
  title (folded: case, accents and spacing aside), and fewer statements than
  units — a course plan's « Objectif » / « Contenu » per session;
- **repeated statements**: three or more uncoded compétences, a third of them
  repeating another word for word (folded), under 10 % of the text placed — the running
  text of slides (an author's name on each), not abilities stated once each;
- **objectives among prose**: the only bloc is the implicit one (the document
  prints no unit level), the text is mostly prose outside tables and under
  15 % of it is placed — a course plan's few learning objectives (the
  référentiels read with an implicit bloc place 38 % of their text or more);
- **no ability**: three or more compétences, none coded, fewer than a third
  opening on an action (« Installer … », « d'organiser … », « Capacité à
  recueillir … »): course notes' bullet
  lists of facts — unless the document names a certification family (CAP,
  titre professionnel…), its units open with a unit word (« Module … », « Bloc
  … »), its activités list their tâches (a référentiel des activités
  professionnelles) or each of its units states the ability its items list
  (« … doit être capable de réaliser les activités suivantes : »): a published
  référentiel whose abilities are noun phrases is read.
"""

from __future__ import annotations

import re

from .docmodel import Document
from .evidence import placed_share, prose_share, questions, statements
from .models import Referentiel
from .rules import default_rules
from .segment.implicit import RULE as IMPLICIT_BLOC
from .textclean import fold

_MIN_COMPETENCES = 3  # fewer say too little to judge
_ACTION_SHARE = 1 / 3  # below this share of actions, uncoded statements are no abilities
_MIN_QUESTIONS = 5  # an exercise sheet asks at least this many questions…
_QUESTION_SHARE = 1 / 4  # …and they are at least this share of its paragraphs
_PROSE = 1 / 2  # share of the text outside tables above which a document is prose
_PLACED_HEADINGS = 0.05  # placed share under which prose units are mere headings
_MIN_TEMPLATE_UNITS = 4  # units needed to call their titles a repeated template
_DISTINCT_STATEMENTS = 2 / 3  # uncoded compétences repeat when fewer are distinct…
_PLACED_REPEATS = 0.10  # …and when so little of the text is placed
_PLACED_IMPLICIT = 0.15  # placed share under which an implicit bloc is a course's objectives
_MIN_SERIES = 3  # coded blocs needed to call their numbers a series
_LAST_NUMBER = re.compile(r"(\d+)\s*$")


def refusal(referentiel: Referentiel, document: Document, use_nlp: bool = True) -> str | None:
    """Why ``referentiel`` (read from ``document``) is no référentiel (a message), or
    None when it is one."""
    if not (referentiel.blocs or referentiel.competences_transversales or referentiel.activites):
        return "not a référentiel: no bloc and no compétence found"
    asked, paragraphs = questions(document)
    if asked >= _MIN_QUESTIONS and asked >= _QUESTION_SHARE * paragraphs:
        return (
            f"not a référentiel: {asked} of its {paragraphs} paragraphs are questions"
            " (an exercise sheet or a questionnaire)"
        )
    placed = placed_share(document, referentiel)
    thin = statements(referentiel) < len(referentiel.blocs)
    if (
        thin
        and prose_share(document) >= _PROSE
        and placed < _PLACED_HEADINGS
        and not _family_bloc_series(referentiel)
    ):
        return (
            "not a référentiel: its units are headings over prose (fewer statements than"
            f" units, {placed:.0%} of the text placed)"
        )
    if thin and _repeated_template(referentiel):
        return "not a référentiel: its units repeat the same titles (a course plan's sections)"
    if _repeated_statements(referentiel) and placed < _PLACED_REPEATS:
        return (
            "not a référentiel: the same few texts stand as compétences under several units"
            " (running text, not abilities)"
        )
    if (
        _implicit_only(referentiel)
        and prose_share(document) >= _PROSE
        and placed < _PLACED_IMPLICIT
    ):
        return (
            "not a référentiel: a few action statements among prose and no unit level"
            f" (a course plan's objectives; {placed:.0%} of the text placed)"
        )
    if use_nlp and _no_ability(referentiel):
        return "not a référentiel: its list items state no ability (no code, few actions)"
    return None


def _implicit_only(referentiel: Referentiel) -> bool:
    """Whether the only bloc is the implicit one (no unit level printed)."""
    blocs = referentiel.blocs
    return (
        len(blocs) == 1
        and blocs[0].provenance is not None
        and blocs[0].provenance.rule == IMPLICIT_BLOC
    )


def _family_bloc_series(referentiel: Referentiel) -> bool:
    """Whether a document naming a certification family codes its blocs as a
    bloc word's numbering series: at least three, each code a bloc word (rule
    label ``level-word``) ending on the number after the previous one's."""
    if referentiel.certification.type is None:
        return False
    numbers = []
    for bloc in referentiel.blocs:
        if not bloc.code:
            continue
        number = _LAST_NUMBER.search(bloc.code)
        if number is None or default_rules().level(bloc.code) != "bloc":
            return False
        numbers.append(int(number.group(1)))
    return len(numbers) >= _MIN_SERIES and all(
        b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False)
    )


def _repeated_template(referentiel: Referentiel) -> bool:
    titles = [fold(b.libelle) for b in referentiel.blocs]
    return len(titles) >= _MIN_TEMPLATE_UNITS and 2 * len(set(titles)) <= len(titles)


def _repeated_statements(referentiel: Referentiel) -> bool:
    texts = [fold(c.libelle) for c in referentiel.all_competences() if not c.code]
    return len(texts) >= _MIN_COMPETENCES and len(set(texts)) <= _DISTINCT_STATEMENTS * len(texts)


def _no_ability(referentiel: Referentiel) -> bool:
    """Whether the list items state no ability: uncoded, few actions — unless
    a family, tâches, a bloc word, abilities as bloc titles or a level of
    progression for every compétence (a framework's grid of named abilities,
    each at its level, is no list of topics) show a référentiel."""
    from .nlp import is_action, states_ability

    competences = referentiel.all_competences()
    if (
        referentiel.certification.type is not None
        or (competences and all((c.model_extra or {}).get("niveau") for c in competences))
        or any(a.taches for a in referentiel.activites)
        or any(
            default_rules().level(f"{b.code or ''} {b.libelle}".strip()) == "bloc"
            for b in referentiel.blocs
        )
        or (referentiel.blocs and all(states_ability(b.libelle) for b in referentiel.blocs))
    ):
        return False
    if len(competences) < _MIN_COMPETENCES or any(c.code for c in competences):
        return False
    actions = sum(1 for c in competences if is_action(_ability_text(c.libelle)))
    return actions < _ACTION_SHARE * len(competences)


def _ability_text(text: str) -> str:
    """The action a statement opens on, past the noun of "être capable de"
    ("Capacité à recueillir …" → "recueillir …"), rule label ``ability-noun``."""
    hit = default_rules().first("ability-noun", text)
    return (hit.group("libelle") if hit else None) or text
