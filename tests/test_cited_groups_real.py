"""A grid's activité cell citing a group of the référentiel d'activités (real file).

The industries alimentaires' older CQP grid prints the référentiel d'activités
first ("1) Préparation au travail" over "1.1 - …" items), then a grid whose
activité cell opens on the same group again ("1. Préparation au travail")
over the same items ("1.1. …"). The group is the grid's bloc (no bloc level),
its compétences the bloc's; the items cited again are no new activités. The
next group's row, the page's last line, is pushed out of the table: it opens
the next bloc. The FINALITÉ frame over the grid holds the description, its
sentence unfinished (no final stop).

Each test reads the real file with the real reader and segmenter; what it
compares against is read from the document's own blocks or from its reference.
"""

from __future__ import annotations

from fixtures.paths import REAL
from fixtures.real_docs import extracted_json, gold_of
from referentiel.api import parse
from referentiel.docmodel import Kind

OUVRIER = REAL / "cqp-industries-alimentaires-ouvrier-production.pdf"


def _activite_cell() -> list[str]:
    """The lines of the grid's activité cell (the first cell of its last row)."""
    table = next(b for b in parse(OUVRIER).blocks if b.kind is Kind.TABLE and b.page == 2)
    return [b.text for b in table.rows[-1].cells[0].blocks]


def test_the_cell_opens_on_a_group_over_its_items() -> None:
    lines = _activite_cell()
    assert lines[0].startswith("1. ")
    assert sum(line.startswith("1.") and line[2].isdigit() for line in lines) >= 2


def test_the_group_is_the_grids_bloc() -> None:
    gold = gold_of(OUVRIER)["blocs"][0]
    blocs = extracted_json(OUVRIER.name)["blocs"]
    bloc = next(b for b in blocs if b["code"] == gold["code"])
    assert bloc["libelle"] == gold["libelle"]
    assert [c["code"] for c in bloc["competences"]] == [c["code"] for c in gold["competences"]]


def test_the_items_cited_again_are_no_activites() -> None:
    codes = [a["code"] for a in extracted_json(OUVRIER.name)["activites"]]
    assert not any(code and "." in code for code in codes)
    assert [c for c in codes if c] == [
        a["code"] for a in gold_of(OUVRIER)["activites"] if a["code"]
    ]


def test_the_next_group_pushed_out_of_the_grid_opens_the_next_bloc() -> None:
    blocks = parse(OUVRIER).blocks
    at = max(i for i, b in enumerate(blocks) if b.kind is Kind.TABLE)
    after = blocks[at + 1]
    assert after.kind is not Kind.TABLE and after.text.startswith("2. ")
    gold = gold_of(OUVRIER)["blocs"][1]
    blocs = extracted_json(OUVRIER.name)["blocs"]
    assert [(b["code"], b["libelle"]) for b in blocs][1] == (gold["code"], gold["libelle"])


def test_the_framed_finalite_is_the_description() -> None:
    frame = next(b for b in parse(OUVRIER).blocks if b.kind is Kind.TABLE)
    label, sentence = (b.text for b in frame.rows[0].cells[0].blocks)
    assert not sentence.rstrip().endswith(".")  # no final stop: the frame ends it
    description = extracted_json(OUVRIER.name)["certification"]["description"]
    assert description == gold_of(OUVRIER)["certification"]["description"]
    assert label.upper() not in description
