"""A certification family's acronym written with a full stop after each capital
("B.P.J.E.P.S.") names the same family as the acronym written as one word: the
real BPJEPS annex with its title line printed either way."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.paths import REAL
from referentiel.api import extract
from referentiel.segment.titlehits import undotted

_ANNEX = REAL / "bpjeps-activites-nautiques-referentiel-certification.md"


def _titled(folder: Path, title: str) -> Path:
    """The real annex with ``title`` printed under its heading."""
    text = _ANNEX.read_text(encoding="utf-8")
    head = "REFERENTIEL DE CERTIFICATION\n"
    path = folder / _ANNEX.name
    path.write_text(text.replace(head, f"{head}\n{title}\n", 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("acronym", ["BPJEPS", "B.P.J.E.P.S.", "B. P. J. E. P. S."])
def test_a_dotted_family_acronym_names_its_family(tmp_path: Path, acronym: str) -> None:
    ref = extract(_titled(tmp_path, f"{acronym} spécialité « activités nautiques »"))
    assert ref.certification.type == "BPJEPS"
    assert ref.certification.intitule == "activités nautiques"


def test_undotting_keeps_other_abbreviations() -> None:
    assert undotted("du D.E.C.E.S.F.") == "du DECESF"
    assert undotted("Brevet de J.-C. Dupont") == "Brevet de J.-C. Dupont"
    assert undotted("Article 3. Le diplôme") == "Article 3. Le diplôme"
