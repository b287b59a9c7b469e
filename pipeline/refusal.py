"""Why an extraction is no référentiel: the reason a document is refused, or None.

A référentiel names blocs or compétences (a référentiel professionnel, activités
only). A document that yields compétences may still be none: course notes, a
school's rules, an induction booklet have numbered sections and bullet lists, which
the outline reads as blocs and compétences. A référentiel's compétences state
abilities — an infinitive ("Installer …", "d'organiser …") — or carry a code
("C1.2", "UC 3", "OI 1.1"). When three or more compétences were found, none carries
a code and fewer than a third open on an action, the document states no ability —
unless it names a certification family (CAP, titre professionnel, …) or its units
open with a unit word (« Module … », « Bloc … »): a published référentiel whose
abilities are noun phrases is read, not refused.
"""

from __future__ import annotations

from .models import Referentiel
from .rules import default_rules

_MIN_COMPETENCES = 3  # fewer say too little to judge
_ACTION_SHARE = 1 / 3  # below this share of actions, uncoded statements are no abilities


def refusal(referentiel: Referentiel, use_nlp: bool = True) -> str | None:
    """Why ``referentiel`` is no référentiel (a message), or None when it is one."""
    if not (referentiel.blocs or referentiel.competences_transversales or referentiel.activites):
        return "not a référentiel: no bloc and no compétence found"
    if use_nlp and _no_ability(referentiel):
        return "not a référentiel: its list items state no ability (no code, few actions)"
    return None


def _no_ability(referentiel: Referentiel) -> bool:
    from .nlp import is_action

    if referentiel.certification.type is not None or any(
        default_rules().level(f"{b.code or ''} {b.libelle}".strip()) == "bloc"
        for b in referentiel.blocs
    ):
        return False
    competences = referentiel.all_competences()
    if len(competences) < _MIN_COMPETENCES or any(c.code for c in competences):
        return False
    actions = sum(1 for c in competences if is_action(c.libelle))
    return actions < _ACTION_SHARE * len(competences)
