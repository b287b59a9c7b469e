"""Tables that title their records in their own rows, on a real file.

The CAP « Préparation et réalisation d'ouvrages électriques » référentiel des
activités professionnelles (an Éducation nationale annex) lists its fonctions
"F1 - …" to "F4 - …" in a summary, then prints one-column table rows: a row
repeating "F1 - ORGANISATION" over label rows ("TÂCHES PROFESSIONNELLES",
"CONDITIONS DE RÉALISATION", "Résultats attendus :") each over its content
row. The row over the labels titles the record; the summary's series codes it
and names the fonctions whose records the excerpt leaves out. The test reads
the real file with the real reader and segmenter and compares with the
document's hand-checked reference: a published référentiel is never refused.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract

PROE = REAL / "cap-proe-activites-professionnelles.md"


def test_a_row_over_the_labels_titles_the_record_of_its_series_member() -> None:
    """The document is read, not refused: each fonction of the summary is an
    activité coded as printed, F1 with the tâches of its record, uncoded."""
    ref = extract(PROE)
    gold = gold_of(PROE)
    assert [(a.code, a.libelle, a.taches) for a in ref.activites] == [
        (a["code"], a["libelle"], a["taches"]) for a in gold["activites"]
    ]


def test_numbered_parts_around_titled_records_are_no_blocs() -> None:
    """The roman-numbered prose sections before the records divide the
    document, they are no blocs; the family named in sentences before them,
    its intitulé in quotes, is the certification."""
    ref = extract(PROE)
    gold = gold_of(PROE)["certification"]
    assert not ref.blocs
    assert (ref.certification.type, ref.certification.intitule) == (gold["type"], gold["intitule"])


def test_the_holder_paragraph_under_the_definition_is_the_description() -> None:
    """Under "Définition :" the first paragraph, whose subject is the holder
    ("Le titulaire du CAP … intervient …"), states the job; the paragraphs
    after it (the situations, the level) and the "Contexte professionnel :"
    part are no description."""
    ref = extract(PROE)
    gold = gold_of(PROE)["certification"]
    assert ref.certification.description == gold["description"]
