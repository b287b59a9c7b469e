"""An annex heading over the line naming its certification, and the frame
defining the job (real file).

The industries alimentaires' accord of 2004 (IDCC 1396) prints its rewritten
CQP under an annex heading that names the family with no name of its own,
« Annexe 1 - CQP modifiés » (the words after the family open in lower case),
and right under it, underlined, the certification itself, « CQP Préparateur ».
The line under the heading names the certification; the heading's words do not.
Its « Définition de l'emploi » frame opens on the row « Mission générale », the
branch's label for the job's description (as in the agent de maintenance of 1999).

Each test reads the real file with the real reader and segmenter; what it
compares against is read from the document's reference.
"""

from __future__ import annotations

from fixtures.paths import REAL
from fixtures.real_docs import extracted_json, gold_of

PREPARATEUR = REAL / "cqp-industries-alimentaires-preparateur.pdf"


def _certification() -> dict:
    return dict(extracted_json(PREPARATEUR.name)["certification"])


def test_the_line_under_the_annex_heading_names_the_cqp() -> None:
    gold = gold_of(PREPARATEUR)["certification"]
    got = _certification()
    assert (got["type"], got["intitule"]) == (gold["type"], gold["intitule"])


def test_the_heading_words_in_lower_case_are_no_name() -> None:
    intitule = _certification()["intitule"] or ""
    assert intitule[:1].isupper()


def test_the_mission_label_of_the_frame_gives_the_description() -> None:
    """The « Définition de l'emploi » frame prints label | value rows; the value
    of its first row, « Mission générale », is one sentence printed as a bullet
    before the next label: the description."""
    gold = gold_of(PREPARATEUR)["certification"]["description"]
    assert _certification()["description"] == gold
