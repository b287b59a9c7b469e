"""An épreuve's objectives column beside a compétences column (DEASS-like
certification templates, Légifrance annexes): the column that states the
compétences wins; the objectives keep the role when the compétences column
only refers elsewhere."""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract
from referentiel.evaluate import normalise
from referentiel.models import Referentiel

DEME = REAL / "deme-referentiel-certification.md"
DEASS = REAL / "deass-referentiel-certification.md"


def _competences(result: Referentiel) -> list[str]:
    """The compétences of every bloc, normalised."""
    return [normalise(c.libelle) for b in result.blocs for c in b.competences]


def test_objectives_stating_no_action_are_no_competences() -> None:
    """DEME: the « Compétences repérées » lines are the compétences, every one
    in the gold; the « Epreuve terminale : évaluer … » objectives are none."""
    got = _competences(extract(DEME))
    want = {normalise(c["libelle"]) for b in gold_of(DEME)["blocs"] for c in b["competences"]}
    assert got
    assert set(got) <= want
    assert not [text for text in got if text.startswith(normalise("Epreuve"))]


def test_objectives_stating_abilities_stay_competences() -> None:
    """DEASS: the compétences column refers to the indicateurs; the objectives'
    « - analyser … » items are the compétences the gold lists."""
    got = set(_competences(extract(DEASS)))
    want = {normalise(c["libelle"]) for b in gold_of(DEASS)["blocs"] for c in b["competences"]}
    assert want <= got


def test_a_misprinted_header_repeating_its_siblings_keeps_their_roles() -> None:
    """DEME: DC2's épreuve table heads its first column « Dmaine de
    compétences » over the same three heads as its siblings: its DC2 is a bloc
    of its own, not merged into DC 1."""
    codes = [b.code for b in extract(DEME).blocs]
    assert codes == [b["code"] for b in gold_of(DEME)["blocs"]]
