"""Three readings checked on real sport and sea-fishing annexes: a spécialité
named before its family ("… de la spécialité X du B.P.J.E.P.S."), a code glued to
its number among siblings that print a space ("OI124" among "OI 123"), and
paragraphs that lead in to the blocs, which describe the outline, not the job."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.paths import REAL
from referentiel.api import extract
from referentiel.segment.codespacing import spaced_like_siblings

_UCC = REAL / "bpjeps-activites-nautiques-ucc-referentiel-certification.md"
_PECHE = REAL / "capacite-peche-a-pied-referentiel-formation-evaluation.md"


def _rewritten(folder: Path, source: Path, old: str, new: str) -> Path:
    """The real document with ``old`` printed as ``new``."""
    text = source.read_text(encoding="utf-8")
    assert old in text
    path = folder / source.name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_specialty_named_before_its_family() -> None:
    ref = extract(_UCC)
    assert ref.certification.type == "BPJEPS"
    assert ref.certification.intitule == "activités nautiques"


@pytest.mark.parametrize(
    ("family", "kind"),
    [
        ("du BPJEPS", "BPJEPS"),
        ("du D.E.J.E.P.S.", "DEJEPS"),
        ("du certificat d'aptitude professionnelle", "CAP"),
    ],
)
def test_the_family_after_the_specialty_gives_the_type(
    tmp_path: Path, family: str, kind: str
) -> None:
    path = _rewritten(tmp_path, _UCC, "du B.P.J.E.P.S.", family)
    ref = extract(path)
    assert ref.certification.type == kind
    assert ref.certification.intitule == "activités nautiques"


def test_no_family_after_the_specialty_names_nothing(tmp_path: Path) -> None:
    path = _rewritten(tmp_path, _UCC, "du B.P.J.E.P.S.", "du département")
    assert extract(path).certification.type is None


def test_a_glued_code_is_written_as_its_series() -> None:
    codes = [c.code for b in extract(_PECHE).blocs for c in b.competences]
    assert "OI 124" in codes
    assert "OI124" not in codes


def test_a_glued_series_stays_glued() -> None:
    assert spaced_like_siblings(["OI124", "OI125", "OI 126"]) == ["OI124", "OI125", "OI 126"]
    assert spaced_like_siblings(["C1", "C 2", "C 3", None]) == ["C 1", "C 2", "C 3", None]


def test_paragraphs_leading_in_to_the_blocs_are_no_description(tmp_path: Path) -> None:
    assert extract(_PECHE).certification.description is None
    # the same paragraphs ending on a sentence, a line apart from the blocs: a description
    path = _rewritten(
        tmp_path,
        _PECHE,
        "Unités d'enseignement générales (40 heures) :",
        "Unités d'enseignement générales (40 heures).",
    )
    assert extract(path).certification.description is not None
