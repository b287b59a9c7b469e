"""A critère lead-in glued to its dash items (:mod:`referentiel.segment.dash_leadins`),
on lines as the readers give them for real files: the Québec 2004 print
(tests/data/real/qc-dec-mecanique-batiment-competences.pdf), where a critère's
paragraph holds its '– ' items; the DEAP reference, whose lead-ins and dash
items are lines of their own; the collège cycle 3 programme, whose glued
lead-in is a compétence, not a critère."""

from __future__ import annotations

from fixtures.real_docs import REAL, extract_real
from referentiel.api import parse
from referentiel.segment.dash_leadins import dashed_lead_in

MECANIQUE = REAL / "qc-dec-mecanique-batiment-competences.pdf"


def test_the_printed_lead_in_splits_into_critere_and_items() -> None:
    """The one line of the print that glues dash items after its colon: the
    lead-in as printed, colon kept, and its two items without their dash."""
    lines = [b.text for b in parse(MECANIQUE).walk() if dashed_lead_in(b.text)]
    assert len(lines) == 1
    lead, items = dashed_lead_in(lines[0]) or ("", [])
    assert lead == lines[0].split(":")[0] + ":"
    assert len(items) == 2 and not any(item.startswith("–") for item in items)
    assert " ".join(["", *items]) == lines[0][len(lead) :].replace(" – ", " ")


def test_lead_ins_over_items_of_their_own_are_left_to_the_lists() -> None:
    """The DEAP reference prints its lead-ins ending ':' and its '- ' items as
    lines of their own (62 lines with a colon, 13 with a dash): none is split."""
    lines = [b.text for b in parse(REAL / "deap-referentiel-formation-modules.md").walk()]
    assert sum(":" in line for line in lines) > 10 and sum("-" in line for line in lines) > 5
    assert not [line for line in lines if dashed_lead_in(line)]


def test_a_glued_lead_in_that_is_a_competence_stays_whole() -> None:
    """Collège cycle 3 glues '- ' items after 'Utiliser des outils numériques
    pour :' in one paragraph: a compétence whose items complete its sentence,
    not a critère, so the critères reading leaves it whole."""
    ref = extract_real("college-cycle3-sciences-technologie-competences.pdf")
    glued = [c.libelle for b in ref.blocs for c in b.competences if dashed_lead_in(c.libelle)]
    assert len(glued) == 1 and " - " in glued[0]
