"""Lists that name topics and state no ability: two items or more, uncoded,
none opening on an infinitive (nor on "capacité à" + infinitive), most on a
noun (a programme's parts under a unit: "activités géométriques (III) ;"). Such items are the unit's
connaissances, not its compétences.

Each list is judged only when one of its items is read where it matters, and
a list most of whose items open on a word shaped like an infinitive (-er, -ir,
-re, -oir) states abilities without asking the language model: a document of
such lists never loads it.
"""

from __future__ import annotations

from ..nlp import is_action, looks_infinitive, opens_on_noun
from ..textclean import label_text
from .content import competence_code, is_composante
from .draft import Context, Unit


class TopicLists:
    """The document's lists of uncoded items outside tables, judged lazily."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self._runs: list[list[Unit]] = []
        self._run_of: dict[int, int] = {}  # id(item) → its list
        self._verdicts: dict[int, bool] = {}
        if not ctx.options.use_nlp:
            return
        run: list[Unit] = []
        for unit in [*ctx.units, None]:
            if unit is not None and unit.is_item and unit.table is None:
                run.append(unit)
                continue
            if len(run) >= 2:
                self._run_of.update((id(item), len(self._runs)) for item in run)
                self._runs.append(run)
            run = []

    def holds(self, unit: Unit) -> bool:
        """Whether ``unit`` is an item of a list that names topics."""
        index = self._run_of.get(id(unit))
        if index is None:
            return False
        if index not in self._verdicts:
            self._verdicts[index] = self._names_topics(self._runs[index])
        return self._verdicts[index]

    def _names_topics(self, run: list[Unit]) -> bool:
        if any(competence_code(self._ctx, u.text) or is_composante(self._ctx, u.text) for u in run):
            return False  # coded items (compétences, composantes): no list of topics
        texts = [label_text(u.text) for u in run]
        if 2 * sum(map(looks_infinitive, texts)) > len(texts):
            return False  # mostly infinitives: abilities
        if any(is_action(t) for t in texts) or any(map(self._ability, texts)):
            return False
        return 2 * sum(map(opens_on_noun, texts)) >= len(texts)

    def _ability(self, text: str) -> bool:
        """An ability stated by a noun before its infinitive ("capacité à
        expliciter …", rule label ``ability-noun``): no topic."""
        hit = self._ctx.rules.first("ability-noun", text)
        return hit is not None and is_action(hit.group("libelle") or "")
