"""The Ministry's BTS booklets (issue 9, first contact): blocs with their
compétences, savoir-faire, savoirs and critères set in ruled tables.

Each test reads a real file of tests/data/real with the real reader and
segmenter and compares with the document's hand-checked reference.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, gold_of
from referentiel.api import extract, parse
from referentiel.docmodel import Kind

MCO = REAL / "bts-mco-referentiel-certification.pdf"
NDRC = REAL / "bts-ndrc-bloc1-competences.pdf"


def test_two_text_columns_in_one_cell_are_read_one_after_the_other() -> None:
    """Bloc 1's critères are set in two unruled columns inside one cell: the
    left column's critères come before the right one's, no line mixes the two
    (two of them still share a paragraph: a full line ending a sentence)."""
    table = next(b for b in parse(MCO).blocks if b.kind is Kind.TABLE)
    cell = next(
        c for row in table.rows for c in row.cells if c.text.startswith("Critères d’évaluation")
    )
    gold = [k["libelle"] for k in gold_of(MCO)["blocs"][0]["criteres"]]
    assert " ".join(b.text for b in cell.blocks[1:]) == " ".join(gold)
    assert [b.text for b in cell.blocks[1:8]] == gold[:7]


def test_savoirs_merged_over_the_rows_are_the_blocs() -> None:
    """The 'Savoirs associés' cell spans every compétence row: the bloc's savoirs."""
    result = extract(MCO)
    gold = gold_of(MCO)
    for bloc, expected in zip(result.blocs, gold["blocs"], strict=True):
        assert bloc.connaissances == expected["connaissances"]
        assert all(not c.connaissances for c in bloc.competences)


def test_bold_title_over_savoir_faire_and_a_conditions_row() -> None:
    """'Bloc 1 de compétences' and its title; each bold row title is the
    compétence, the lines below it its savoir-faire; the 'Conditions d'exercice'
    row is no compétence: its contexts are every compétence's conditions."""
    result = extract(NDRC)
    gold = gold_of(NDRC)["blocs"][0]
    (bloc,) = result.blocs
    assert (bloc.code, bloc.libelle) == (gold["code"], gold["libelle"])
    assert [c.libelle for c in bloc.competences] == [c["libelle"] for c in gold["competences"]]
    for comp, expected in zip(bloc.competences, gold["competences"], strict=True):
        assert comp.details == expected["details"]
        assert set(expected["conditions_realisation"]) <= set(comp.conditions_realisation)


GPME = REAL / "bts-gpme-bloc1-activite1.pdf"


def test_activites_printed_inside_their_bloc_with_coded_taches() -> None:
    """'Activité 1.1. …' inside bloc 1, a 'Tâches' label cell beside the
    'T.1.1.n.' tâches: the activités of the référentiel, tâches without their
    codes; the 'Compétence : …' row under the activité is linked to it."""
    result = extract(GPME)
    gold = gold_of(GPME)
    assert [(a.code, a.libelle, a.taches) for a in result.activites] == [
        (a["code"], a["libelle"], a["taches"]) for a in gold["activites"]
    ]
    (bloc,) = result.blocs
    (comp,) = bloc.competences
    assert comp.activites == gold["blocs"][0]["competences"][0]["activites"]


def test_contexte_and_donnees_labels_list_the_competences_conditions() -> None:
    """The 'Contexte' and 'Données des situations' labels of the activité's
    table head its compétence's conditions of exercise (a line's last word
    printed past the table's right ruling, 'et', stays in its cell)."""
    (comp,) = extract(GPME).blocs[0].competences
    expected = gold_of(GPME)["blocs"][0]["competences"][0]["conditions_realisation"]
    assert comp.conditions_realisation == expected


def test_word_past_the_right_ruling_stays_in_its_cell() -> None:
    """'… l’administration fiscale et' runs past the ruling: 'et' is read in
    the cell, on its line, not as a paragraph after the table; the item goes
    on with its next line, set flush under the bullet in lower case."""
    blocks = parse(GPME).blocks
    table = next(b for b in blocks if b.kind is Kind.TABLE)
    texts = [inner.text for inner in table.walk()]
    assert any(t.endswith("l’administration fiscale et l’expert-comptable") for t in texts)
    assert all(b.text != "et" for b in blocks)


def test_header_printed_in_bold_inside_the_first_rows_cells() -> None:
    """No ruling under 'Domaines de savoirs associés | Critères de performance':
    the reader gives one row whose cells open with the bold names; they still
    head the columns, so the savoirs are the compétence's connaissances and the
    dash lines its critères, the two bullet group heads no critère."""
    (bloc,) = extract(GPME).blocs
    gold = gold_of(GPME)["blocs"][0]
    (comp,) = bloc.competences
    assert comp.connaissances == gold["competences"][0]["connaissances"]
    assert not bloc.connaissances
    assert [k.libelle for k in bloc.criteres] == [k["libelle"] for k in gold["criteres"]]
    assert all(k.competences == [comp.id] for k in bloc.criteres)
