"""An annex heading over the line naming its certification (real file).

The industries alimentaires' accord of 2004 (IDCC 1396) prints its rewritten
CQP under an annex heading that names the family with no name of its own,
« Annexe 1 - CQP modifiés » (the words after the family open in lower case),
and right under it, underlined, the certification itself, « CQP Préparateur ».
The line under the heading names the certification; the heading's words do not.

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
