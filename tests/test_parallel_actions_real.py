"""A compétence cell holding several whole sentences, each opening on an
infinitive, states several compétences, on the real file (the moniteur-éducateur
référentiel de certification: "Compétences repérées", one paragraph each)."""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract
from referentiel.evaluate import normalise

DEME = REAL / "deme-referentiel-certification.md"


def test_each_parallel_statement_is_a_competence() -> None:
    got = {normalise(c.libelle) for b in extract(DEME).blocs for c in b.competences}
    first = gold_of(DEME)["blocs"][0]["competences"]
    assert len(first) == 5
    assert {normalise(c["libelle"]) for c in first} <= got
