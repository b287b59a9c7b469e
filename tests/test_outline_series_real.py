"""Numbering series the outline must read, on real files: units lettered
"A." to "D." under one section of a numbered outline, and two units whose
titles are set apart in italics, wrapped over two paragraphs.

Each test reads a real file of tests/data/real with the real reader and
segmenter and compares with the document's hand-checked reference.
"""

from __future__ import annotations

from fixtures.real_docs import REAL, competence_titles, gold_competence_titles, gold_of
from referentiel.api import extract, parse
from referentiel.docmodel import Kind

ASEC = REAL / "dejeps-asec-referentiel-professionnel.md"
CHIMIE = REAL / "tp-technicien-fabrication-chimie-rncp.md"


def test_lettered_groups_listing_tasks_are_the_activites() -> None:
    """A référentiel professionnel: sections "1." to "3.", the last holding
    four groups lettered "A. - … :" whose "- il …" items say what the holder
    does. The letters are the units (not the sections that hold them), and
    units listing tâches are activités, not blocs."""
    ref = extract(ASEC)
    gold = gold_of(ASEC)
    assert ref.blocs == []
    assert [(a.code, a.libelle) for a in ref.activites] == [
        (a["code"], a["libelle"]) for a in gold["activites"]
    ]
    assert [a.taches for a in ref.activites] == [a["taches"] for a in gold["activites"]]


def test_two_italic_units_make_a_level() -> None:
    """Two unit titles in italics, each wrapped over two paragraphs
    ("_1. Piloter …" / "… chimique_"): two units the typography sets apart are
    a level; the résumé's numbered clauses ("1. De piloter … ;") are not."""
    ref = extract(CHIMIE)
    gold = gold_of(CHIMIE)
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        (b["code"], b["libelle"]) for b in gold["blocs"]
    ]
    assert competence_titles(ref) == gold_competence_titles(gold)
    # the résumé goes on past its lead-in: the numbered clauses it opens, as printed
    description = ref.certification.description or ""
    assert "lui permet : 1. De piloter, en équipe," in description
    assert description.endswith(gold["certification"]["description"][-80:])


def test_emphasis_wrapped_over_two_paragraphs_is_one_paragraph() -> None:
    """The Markdown reader joins a bold or italic run opened in one paragraph
    and closed in the next: one bold heading, one italic title."""
    blocks = {b.line: b for b in parse(CHIMIE).blocks if b.kind is Kind.PARAGRAPH}
    heading, title = blocks[49], blocks[53]
    assert heading.bold
    assert heading.text == "Capacités attestées et descriptif des composantes de la certification"
    assert title.text == (
        "_1. Piloter une installation complexe de production de l'industrie chimique_"
    )
    assert 51 not in blocks and 55 not in blocks  # the second lines are no paragraphs of their own


PECHE = REAL / "capacite-peche-a-pied-referentiel-formation-evaluation.md"


def test_units_qualified_by_one_letter_are_one_level() -> None:
    """A maritime capacity's unités d'enseignement printed as "UEG1 :",
    "UEP1 :", "UEO1 :" (générale, professionnelle, optionnelle), each kind
    numbered from 1: the abbreviation "UE" plus a kind letter is the bloc
    level, and the three short series are that one level (the nine units)."""
    ref = extract(PECHE)
    gold = gold_of(PECHE)
    assert sorted(b.code for b in ref.blocs) == sorted(b["code"] for b in gold["blocs"])


def test_objectives_numbered_again_in_every_unit_are_not_a_summary() -> None:
    """The same annex lists each unit's objectives twice: a skeleton ("OI 11 :
    …", then bare "OI 111.") and the body with every title. The codes restart
    in every unit ("OI 11" under UEG1, UEP1 and UEO1), so a run of objectives
    refers to units of its own unit only, and a bare code names none: the
    skeleton is the summary, the body holds the compétences."""
    ref = extract(PECHE)
    gold = gold_of(PECHE)
    found = {(b.code, c.code, c.libelle) for b in ref.blocs for c in b.competences}
    wanted = {(b["code"], c["code"], c["libelle"]) for b in gold["blocs"] for c in b["competences"]}
    assert len(found & wanted) >= 0.9 * len(wanted)


def test_unit_named_by_its_terminal_objective() -> None:
    """Each unit of the annex is "UEG1 :" alone on its line over "OT : …" (the
    objectif terminal, the training convention's unit statement): the unit is
    named by the text after the label, never by the label."""
    ref = extract(PECHE)
    gold = gold_of(PECHE)
    titles = {b.code: b.libelle for b in ref.blocs}
    assert not any(t.startswith("OT") for t in titles.values())
    for bloc in gold["blocs"]:
        if bloc["code"].startswith(("UEG", "UEO")):
            assert titles[bloc["code"]] == bloc["libelle"]


def test_bare_objective_over_the_next_unit_has_no_title() -> None:
    """The skeleton's last bare code of a unit ("OI 231.") stands over the next
    unit's heading ("UEP1 :"): a unit heading is never an objective's title, so
    the units keep the document's order and no "OT" line becomes a compétence."""
    ref = extract(PECHE)
    gold = gold_of(PECHE)
    assert [b.code for b in ref.blocs] == [b["code"] for b in gold["blocs"]]
    codes = [c.code for b in ref.blocs for c in b.competences]
    assert "OT" not in codes
    assert all(c.libelle != "UEP1" for b in ref.blocs for c in b.competences)


def test_epreuves_table_row_never_titles_a_unit() -> None:
    """The modalités table names UEP1 to UEP3 in its first column beside the
    épreuve ("Ecrit, document remis …"): a row holding only modalités refers to
    the unit, and the unit's own section ("UEP1 :" / "OT : …") titles it."""
    ref = extract(PECHE)
    gold = gold_of(PECHE)
    assert [(b.code, b.libelle) for b in ref.blocs] == [
        (b["code"], b["libelle"]) for b in gold["blocs"]
    ]
    assert all(b.modalites_evaluation for b in ref.blocs if b.code.startswith("UEP"))


def test_training_title_names_the_capacity_in_guillemets() -> None:
    """The annex's title in capitals names its kind ("RÉFÉRENTIEL DE FORMATION
    ET D'ÉVALUATION CONDUISANT À L'OBTENTION DE LA …"), then the certificate's
    kind and its designation in guillemets: the designation is the intitulé."""
    ref = extract(PECHE)
    gold = gold_of(PECHE)
    assert ref.certification.intitule == gold["certification"]["intitule"]
    assert ref.certification.type is None
