"""Tables of labelled rows read as the record of one unit, on a real file.

The BTS design de mode référentiel des activités professionnelles prints each
fonction as a line "F.n. : <name>" over a one-column table whose rows are
labelled ("TÂCHES", a cell "Objectifs : " over its lines, a cell "Activités : "
over its lines, "RÉSULTATS ATTENDUS" …): each table is the record of the
fonction named before it, an activité whose tâches are the lines its
activités label governs. The test reads the real file with the real reader
and segmenter and compares with the document's hand-checked reference.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract, parse
from referentiel.options import Options
from referentiel.rules import default_rules
from referentiel.segment import STAGES
from referentiel.segment.draft import Context
from referentiel.segment.records import record_frames, titled_records
from referentiel.textclean import label_text

FONCTIONS = REAL / "bts-design-mode-textile-fonctions.md"


def test_labelled_rows_are_the_record_of_the_activite_named_before() -> None:
    """Each fonction is an activité coded by its lettered series, its tâches the
    lines under its 'Activités :' label, never the objectifs beside them under
    the same 'TÂCHES' row, nor the results or resources; nothing is a bloc."""
    ref = extract(FONCTIONS)
    gold = gold_of(FONCTIONS)
    assert [(a.code, a.libelle, a.taches) for a in ref.activites] == [
        (a["code"], a["libelle"], a["taches"]) for a in gold["activites"]
    ]
    assert not ref.blocs


def test_the_records_are_found_once_before_the_outline_reads_them() -> None:
    """Stage ``record-tables`` finds the records right after the units; the
    outline, the description and stage ``records`` read that one list: the
    activités the records stage makes are its records' titles, in order."""
    ctx = Context(parse(FONCTIONS), Options(), default_rules())
    names = [name for name, _ in STAGES]
    assert names.index("record-tables") == names.index("units") + 1
    for _, stage in STAGES[: names.index("record-tables") + 1]:
        stage(ctx)
    found = ctx.records
    assert len(found) == len(gold_of(FONCTIONS)["activites"]) and all(r.taches for r in found)
    assert titled_records(ctx) == any(r.title.frame is not None for r in found)
    assert record_frames(ctx) == {r.units[0].frame for r in found}
    for _, stage in STAGES[names.index("record-tables") + 1 : names.index("records") + 1]:
        stage(ctx)
    assert ctx.records is found  # no later stage looked for them again
    assert [a.libelle for a in ctx.draft.activites] == [label_text(r.title.text) for r in found]
