"""Plain list numbers that restart under each unit, and group rows inside a
layout table, on published documents (tests/data/real): the numbering tells
the levels apart, a summary names the units, a capitalised row inside a
table's list heads a group of it and does not end the list."""

from __future__ import annotations

from fixtures.real_docs import REAL, extracted_json
from referentiel.api import parse
from referentiel.options import Options
from referentiel.rules import default_rules
from referentiel.segment.draft import Context
from referentiel.segment.restarts import label_number, restarts
from referentiel.segment.stream import units

ORTHOPTISTE = "cc-orthoptiste-referentiel-competences.md"
LIVRET = "lpc-palier2-competences-1-2.md"


def _units(name: str) -> Context:
    ctx = Context(parse(REAL / name), Options(), default_rules())
    units(ctx)
    return ctx


def test_restarting_numbers_make_units_and_their_numbered_abilities() -> None:
    blocs = extracted_json(ORTHOPTISTE)["blocs"]
    # the summary names all eleven units; the body details the first two
    assert [b["code"] for b in blocs] == [str(n) for n in range(1, 12)]
    assert [len(b["competences"]) for b in blocs[:3]] == [10, 8, 0]
    assert [c["code"] for c in blocs[1]["competences"]] == [str(n) for n in range(1, 9)]
    assert blocs[1]["competences"][0]["libelle"].startswith("Sélectionner les examens")
    # the summary's wording is the unit's title; the detail repeats it
    assert blocs[2]["libelle"].startswith("Concevoir et conduire un projet individualisé")


def test_critere_tables_with_two_header_rows_go_to_their_unit() -> None:
    blocs = extracted_json(ORTHOPTISTE)["blocs"]
    assert [len(b["criteres"]) for b in blocs[:3]] == [4, 4, 0]
    first = blocs[0]["criteres"][0]
    assert "Pertinence de l'accueil du patient" in first["libelle"]
    assert len(first["indicateurs"]) == 10
    every = [k["libelle"] for b in blocs for k in b["criteres"]]
    assert not any("Qu'est-ce qui permet" in text for text in every)  # the second header row


def test_the_summary_items_and_heads_are_told_from_the_numbered_items() -> None:
    ctx = _units(ORTHOPTISTE)
    found = restarts(ctx.units)
    assert found is not None
    numbered = [u for u in ctx.units if label_number(u) is not None]
    heads = [label_number(u) for u in numbered if id(u) in found.heads]
    assert heads == [*range(1, 12), 1, 2]  # the summary, then the two detailed units
    assert len(found.items) == 18


def test_lists_that_do_not_restart_under_a_head_make_no_level() -> None:
    # numbered items that follow each other (a form's questions, a section's
    # list) are no restarting numbering
    for name in ("cap-rci-referentiel.md", "tp-ecsr-dossier-professionnel.docx"):
        ctx = _units(name)
        assert any(label_number(u) is not None for u in ctx.units)
        assert restarts(ctx.units) is None


def test_a_group_row_inside_a_table_does_not_end_its_list() -> None:
    blocs = extracted_json(LIVRET)["blocs"]
    titles = [c["libelle"] for c in blocs[0]["competences"]]
    # the rows under "LIRE" and "ÉTUDE DE LA LANGUE : …" belong to compétence 1
    assert "Lire seul et comprendre un énoncé, une consigne" in titles
    assert "Distinguer les mots selon leur nature" in titles
    assert len(titles) >= 25
    assert not any(t.isupper() for t in titles)  # group rows are no compétences


def test_an_option_numbering_its_units_again_makes_units_of_its_own() -> None:
    blocs = extracted_json("tp-assistant-import-export-rncp.md")["blocs"]
    # the title's units 1-4, then the option's units numbered 1-3 again
    assert [b["code"] for b in blocs] == ["1", "2", "3", "4", "1", "2", "3"]
    assert [len(b["competences"]) for b in blocs] == [3, 8, 6, 4, 8, 6, 4]
    assert blocs[0]["libelle"].startswith("Organiser son poste bureautique")
    assert blocs[4]["libelle"].endswith("en français, en anglais et en allemand")
